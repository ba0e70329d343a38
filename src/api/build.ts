// s.build(options): one entry that maps a target name to its backend.
//   "cpu" (default): a synchronous callable over typed arrays
//   "mlir" / "vhls": { code } whose String() is the code
//   "vitis_hls": an HLS project on disk and an async callable (mode "csim" runs it here with g++)

import { type CpuKernel, compileCpu } from "../backends/cpu/index.ts";
import { buildVitisProject, emitHls, type VitisProject } from "../backends/hls/index.ts";
import { printMlir } from "../backends/mlir/print.ts";
import { AlloError } from "../diagnostics/error.ts";
import type { Module } from "../ir/nodes.ts";

export type VitisMode = "csim" | "csyn" | "cosim" | "sw_emu" | "hw_emu" | "hw";

export interface BuildOptions {
  readonly target?: "cpu" | "llvm" | "mlir" | "vhls" | "vivado_hls" | "vitis_hls";
  readonly mode?: VitisMode;
  readonly project?: string;
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

export type { CpuKernel, VitisProject };

export function build(m: Module, o?: { target?: "cpu" | "llvm" }): CpuKernel;
export function build(m: Module, o: { target: "mlir" | "vhls" | "vivado_hls" }): CodeModule;
export function build(
  m: Module,
  o: { target: "vitis_hls"; mode?: VitisMode; project?: string },
): VitisProject;
export function build(m: Module, o?: BuildOptions): CpuKernel | CodeModule | VitisProject;
export function build(m: Module, o: BuildOptions = {}): CpuKernel | CodeModule | VitisProject {
  const target = o.target ?? "cpu";
  switch (target) {
    case "cpu":
    case "llvm":
      return compileCpu(m);
    case "mlir":
      return new CodeModule("mlir", printMlir(m));
    case "vhls":
    case "vivado_hls":
      return new CodeModule("vhls", emitHls(m));
    case "vitis_hls":
      return buildVitisProject(m, { mode: o.mode ?? "csim", project: o.project ?? `${m.top}.prj` });
    default:
      throw new AlloError("AL5004", `unknown target '${String(target)}'; use cpu, mlir, vhls or vitis_hls`);
  }
}
