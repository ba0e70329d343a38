// The native CPU target: the module as C++ (emit.ts), compiled once per content (compile.ts), loaded
// into this process with koffi and called synchronously with the CPU backend's calling convention (same
// argument checks, output parameters updated in place, returned tensors and 0-d results alike). Of the
// budgets, timeoutMs bounds the compile and `signal` is checked before it and before every call; native
// code counts no loop iterations, so maxSteps is refused rather than ignored.

import { copyFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Koffi from "koffi";
import { AlloError } from "../../diagnostics/error.ts";
import { bitPosMessage } from "../../ir/bit-position.ts";
import type { Module } from "../../ir/nodes.ts";
import type { Pass } from "../../ir/passes/pass.ts";
import { checkArgCount, checkSeparate, writtenParams } from "../../runtime/host-abi.ts";
import type { Budget } from "../cpu/budget.ts";
import type { CpuKernel } from "../cpu/index.ts";
import type { CheckSite } from "../cxx/target.ts";
import { finishCall, marshal } from "./abi.ts";
import { sharedObject } from "./compile.ts";
import { dataflowError } from "./deadlock.ts";
import { emitUnit, type NativeKernel, type NativeUnit } from "./emit.ts";
import { llvmTools, mlirObject, mlirSources, suitsMlir } from "./llvm.ts";

export interface NativeOptions extends Budget {
  readonly compiler?: string;
  readonly cacheDir?: string;
}

/** A native kernel: the CPU calling convention, plus the shared object it runs. */
export interface NativeCallable extends CpuKernel {
  readonly library: string;
  /** How the code was made: the C++ core and a C++ compiler, or MLIR -> LLVM (target "llvm"). */
  readonly route: "c++" | "mlir";
}

type Library = ReturnType<typeof Koffi.load>;

/** koffi (a native addon) loads with the first native build, not with every program that imports allo-ts. */
let koffiModule: typeof Koffi | undefined;
const koffi = (): typeof Koffi => (koffiModule ??= createRequire(import.meta.url)("koffi") as typeof Koffi);

/** Libraries loaded in this process, by path (a cached build loads nothing twice). */
const loaded = new Map<string, Library>();

function checkBudget(o: NativeOptions): void {
  if (o.maxSteps !== undefined) {
    throw new AlloError(
      "AL5007",
      'maxSteps counts loop iterations, which native code does not do; use target "cpu" for a step budget (timeoutMs bounds the native compile)',
    );
  }
  if (o.signal?.aborted)
    throw new AlloError("AL5012", "the native build was not started: the signal was aborted");
}

function callable(
  unit: NativeUnit,
  k: NativeKernel,
  lib: Library,
  path: string,
  o: NativeOptions,
  route: NativeCallable["route"],
  source: string,
): NativeCallable {
  const fn = lib.func(`int ${k.entry}(${[...k.plans.map(() => "void*"), "double*"].join(", ")})`);
  // Only C++-route objects have streams, and their report; looked up when a call needs it.
  let report: ((...a: unknown[]) => string) | undefined;
  const fault = new Float64Array(2);
  const { top } = k;
  const written = writtenParams(top);
  const kernel = (...args: unknown[]): unknown => {
    checkArgCount(top, args);
    checkSeparate(top, args, written);
    if (o.signal?.aborted) throw new AlloError("AL5012", `'${top.name}' was not run: the signal was aborted`);
    const call = marshal(top, k.plans, args);
    const failed = fn(...call.pointers, fault);
    if (failed === 1) throw faultError(unit.sites[fault[0]], fault[1]);
    if (failed !== 0) {
      report ??= lib.func("const char* allo_nat_report()");
      throw dataflowError(report(), unit.dataflow);
    }
    return finishCall(call);
  };
  return Object.assign(kernel, { source, library: path, route });
}

/** The error a failed check of the native code stands for: AL5010 for an index, AL5015 for a bit position. */
function faultError(site: CheckSite, value: number): AlloError {
  const partly = "on the native targets the arrays of the call may be partly written";
  if ("bitPos" in site) {
    const e = site.bitPos;
    const details = { position: value, bits: e.bits, width: e.width };
    return new AlloError("AL5015", `${bitPosMessage(e, value)} (in '${site.func.name}'; ${partly})`, {
      ...(e.span ? { span: e.span } : {}),
      details,
    });
  }
  const shape = site.buffer.shape;
  return new AlloError(
    "AL5010",
    `index out of bounds: index ${value} of dimension ${site.dim + 1} of ${site.buffer.name} in '${site.func.name}', but ${site.buffer.name} has shape [${shape.join(", ")}]; ${partly}`,
    { details: { buffer: site.buffer.name, dim: site.dim, index: value, shape } },
  );
}

/** The library at `path`, loaded once per process. */
function loadShared(path: string): Library {
  let lib = loaded.get(path);
  if (!lib) {
    lib = koffi().load(path);
    loaded.set(path, lib);
  }
  return lib;
}

let privateCopies = 0;

/**
 * A build of a kernel with `stateful` variables starts from their initialisers (api.md section 11), but
 * the loader maps one path once per process, statics included: such a build loads its own copy of the
 * cached object (unlinked once mapped, so nothing is left behind).
 */
function loadPrivateCopy(path: string): Library {
  const copy = join(tmpdir(), `allo-ts-state-${process.pid}-${privateCopies++}.so`);
  copyFileSync(path, copy);
  try {
    return koffi().load(copy);
  } finally {
    rmSync(copy, { force: true });
  }
}

/** The unit's kernels as callables of the shared object at `path`. */
function load(
  unit: NativeUnit,
  path: string,
  o: NativeOptions,
  route: NativeCallable["route"],
  source: string,
): NativeCallable[] {
  const l = unit.stateful ? loadPrivateCopy(path) : loadShared(path);
  return unit.kernels.map((k) => callable(unit, k, l, path, o, route, source));
}

/** Every module in one translation unit (one compile): a callable per module, in order. */
export function compileNative(
  modules: readonly Module[],
  o: NativeOptions = {},
  passes?: readonly Pass[],
): NativeCallable[] {
  checkBudget(o);
  const unit = emitUnit(modules, passes);
  return load(unit, sharedObject(unit.source, o), o, "c++", unit.source);
}

export const buildNative = (m: Module, o: NativeOptions = {}): NativeCallable => compileNative([m], o)[0];

/** Target "llvm": the MLIR -> LLVM route where the tools and the module allow it (llvm.ts), else C++. */
export function buildLlvm(m: Module, o: NativeOptions = {}): NativeCallable {
  checkBudget(o);
  const unit = emitUnit([m]);
  const tools = llvmTools();
  if (!tools || !suitsMlir(unit)) return load(unit, sharedObject(unit.source, o), o, "c++", unit.source)[0];
  const { mlir, entry } = mlirSources(m, unit);
  return load(
    unit,
    mlirObject(m, unit, tools, o),
    o,
    "mlir",
    `${entry}\n/* lowered to LLVM IR with the entry above:\n${mlir}*/\n`,
  )[0];
}
