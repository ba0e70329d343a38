// s.build(options): one entry that maps a target name to its backend.
//   "cpu" (default): a synchronous callable over typed arrays
//   "native" / "llvm": the same callable, running compiled code loaded into this process
//   "mlir" / "vhls": { code } whose String() is the code
//   "vitis_hls": an HLS project on disk and an async callable (mode "csim" runs it here with g++)

import type { Budget } from "../backends/cpu/budget.ts";
import { type CpuKernel, compileCpu } from "../backends/cpu/index.ts";
import { buildVitisProject, emitHls, type VitisOptions, type VitisProject } from "../backends/hls/index.ts";
import { printMlir } from "../backends/mlir/print.ts";
import { buildLlvm, buildNative, type NativeCallable } from "../backends/native/index.ts";
import { AlloError } from "../diagnostics/error.ts";
import { checkStageRegions } from "../ir/analysis/stage-region.ts";
import type { Module, Span } from "../ir/nodes.ts";
import { moduleKey } from "../ir/same.ts";
import { assertWellFormed } from "../ir/verify.ts";
import type { Step } from "../schedule/trace.ts";
import { Recent } from "../util/recent.ts";

export const VITIS_MODES = ["csim", "csyn", "cosim", "sw_emu", "hw_emu", "hw"] as const;
export type VitisMode = (typeof VITIS_MODES)[number];

/** Every target name build() takes (the CLI offers the same list). */
export const TARGETS = ["cpu", "native", "llvm", "mlir", "vhls", "vivado_hls", "vitis_hls"] as const;
export type Target = (typeof TARGETS)[number];

/** api.md section 3: cpu counts loop iterations (maxSteps) and time; vitis_hls kills its processes. */
export interface BuildOptions extends Budget, VitisOptions {
  readonly target?: Target;
  readonly mode?: VitisMode;
  readonly project?: string;
  /** native / llvm: the C++ compiler (a name on PATH or a path) and the compiled-code cache directory. */
  readonly compiler?: string;
  readonly cacheDir?: string;
}

/** Generated text: `.code`, and String() of it is the code. */
export class CodeModule {
  constructor(
    readonly target: string,
    readonly code: string,
  ) {}
  toString(): string {
    return this.code;
  }
}

export type { CpuKernel, NativeCallable, VitisProject };

export type CpuBuildOptions = { readonly target?: "cpu" } & Budget;
export type NativeBuildOptions = {
  readonly target: "native" | "llvm";
  readonly compiler?: string;
  readonly cacheDir?: string;
} & Budget;
export type VitisBuildOptions = {
  readonly target: "vitis_hls";
  readonly mode?: VitisMode;
  readonly project?: string;
} & Budget &
  VitisOptions;

/** Digests of modules that passed the checks every build makes first. */
const checked = new Recent<true>(64);

export function build(m: Module, o?: CpuBuildOptions): CpuKernel;
export function build(m: Module, o: NativeBuildOptions): NativeCallable;
export function build(m: Module, o: { target: "mlir" | "vhls" | "vivado_hls" }): CodeModule;
export function build(m: Module, o: VitisBuildOptions): VitisProject;
export function build(
  m: Module,
  o?: BuildOptions,
  steps?: readonly Step[],
): CpuKernel | CodeModule | VitisProject;
/** `steps`: the schedule that made `m`, so that errors can point at the step responsible. */
export function build(
  m: Module,
  o: BuildOptions = {},
  steps: readonly Step[] = [],
): CpuKernel | CodeModule | VitisProject {
  const target = o.target ?? "cpu";
  const budget = checkBudget(o);
  // Every backend may rely on well-formed IR (a malformed module is a compiler bug, reported as one).
  // A module of the same text passed both checks recently: they depend on nothing else.
  if (!checked.get(moduleKey(m))) {
    assertWellFormed(m, `before build for target ${String(target)}`);
    checkStageRegions(
      m,
      (func) => [...steps].reverse().find((s) => s.prim === "relay" && relayIn(s, func))?.site,
    );
    checked.set(moduleKey(m), true);
  }
  switch (target) {
    case "cpu":
      return compileCpu(m, budget);
    case "native":
      return buildNative(m, { ...budget, compiler: o.compiler, cacheDir: o.cacheDir });
    case "llvm":
      return buildLlvm(m, { ...budget, compiler: o.compiler, cacheDir: o.cacheDir });
    case "mlir":
      return new CodeModule("mlir", printMlir(m));
    case "vhls":
    case "vivado_hls":
      return new CodeModule("vhls", emitHls(m));
    case "vitis_hls":
      return buildVitisProject(m, {
        ...o,
        mode: o.mode ?? "csim",
        project: o.project ?? `${m.top}.prj`,
        ...budget,
        partitionSite: (arg) => partitionSite(steps, m.top, arg),
      });
    default:
      throw new AlloError("AL5004", `unknown target '${String(target)}'; use one of ${TARGETS.join(", ")}`);
  }
}

/** Whether a relay step's buffer is in `func`. */
function relayIn(s: Step, func: string): boolean {
  return (s.args[0] as { buffer?: { func: string } } | undefined)?.buffer?.func === func;
}

/** The call site of the last partition step on argument `arg` of function `func`. */
function partitionSite(steps: readonly Step[], func: string, arg: string): Span | undefined {
  const on = (s: Step): boolean => {
    const ref = s.args[0] as { buffer?: { func: string; name: string } } | undefined;
    return s.prim === "partition" && ref?.buffer?.func === func && ref.buffer.name.split(":").pop() === arg;
  };
  return [...steps].reverse().find(on)?.site;
}

/** The budget options, checked: a bad one is AL9001, never a silently unlimited run. */
function checkBudget(o: BuildOptions): Budget {
  const count = (name: "maxSteps" | "timeoutMs", v: unknown) => {
    if (v === undefined) return;
    if (typeof v !== "number" || !(v >= 0) || (name === "maxSteps" && !Number.isInteger(v))) {
      throw new AlloError(
        "AL9001",
        `build option ${name} must be a non-negative ${name === "maxSteps" ? "integer" : "number of milliseconds"}, got ${String(v)}`,
      );
    }
  };
  count("maxSteps", o.maxSteps);
  count("timeoutMs", o.timeoutMs);
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) {
    throw new AlloError("AL9001", "build option signal must be an AbortSignal (from an AbortController)");
  }
  const b: { maxSteps?: number; timeoutMs?: number; signal?: AbortSignal } = {};
  if (o.maxSteps !== undefined) b.maxSteps = o.maxSteps;
  if (o.timeoutMs !== undefined) b.timeoutMs = o.timeoutMs;
  if (o.signal !== undefined) b.signal = o.signal;
  return b;
}
