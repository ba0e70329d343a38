// The Schedule that customize() returns: the schedule core (src/schedule/) plus the entry points that
// need the layers above it: build for a target, verify against the unscheduled kernel, estimate and
// report, the MLIR text of the current IR (`String(s.module)`, `s.toString()`, printAfterEach) and the fresh schedule of a
// kernel that compose(f) runs its registered schedule on.

import { printMlir } from "../backends/mlir/print.ts";
import { type Estimate, type EstimateOptions, estimateModule } from "../estimate/index.ts";
import { parsedSourceText } from "../frontend/source.ts";
import type { Module } from "../ir/nodes.ts";
import { type ReportOptions, writeReport } from "../report/index.ts";
import { registerSchedule as register } from "../schedule/compose.ts";
import { ScheduleCore } from "../schedule/schedule.ts";
import { type VerifyOptions, type VerifyResult, verify } from "../verify/index.ts";
import {
  type BuildOptions,
  build as buildModule,
  type CodeModule,
  type CpuBuildOptions,
  type CpuKernel,
  type NativeBuildOptions,
  type NativeCallable,
  type VitisBuildOptions,
  type VitisProject,
} from "./build.ts";
import { kernelModule } from "./kernel-module.ts";

/** The IR module as `s.module` shows it: String() of it is the MLIR text. */
export class IRModule {
  constructor(readonly ir: Module) {}
  toString(): string {
    return printMlir(this.ir);
  }
}

export class Schedule extends ScheduleCore {
  protected override printIR(m: Module): string {
    return printMlir(m);
  }

  protected override customizeKernel(kernel: Function, instantiate?: Readonly<Record<string, unknown>>) {
    const options = instantiate ? { instantiate } : {};
    return new Schedule(kernelModule(kernel, options), options);
  }

  get module(): IRModule {
    return new IRModule(this.current);
  }

  override toString(): string {
    return printMlir(this.current);
  }

  /** Builds the current IR for a target: "cpu" (default), "mlir", "vhls" or "vitis_hls" (see ./build.ts). */
  build(o?: CpuBuildOptions): CpuKernel;
  build(o: NativeBuildOptions): NativeCallable;
  build(o: { target: "mlir" | "vhls" | "vivado_hls" }): CodeModule;
  build(o: VitisBuildOptions): VitisProject;
  build(o?: BuildOptions): CpuKernel | CodeModule | VitisProject;
  build(o: BuildOptions = {}): CpuKernel | CodeModule | VitisProject {
    return buildModule(this.current, o, this.steps);
  }

  /** Latency, II and resources of the vitis_hls design, without the vendor tools (docs/estimate.md). */
  estimate(opts?: EstimateOptions): Estimate {
    return estimateModule(this.current, opts);
  }

  /** Writes the design report, one self-contained HTML page (docs/estimate.md): `s.report("gemm.html")`. */
  report(file: string, opts?: ReportOptions): void {
    const top = this.current.functions.find((f) => f.name === this.current.top);
    const src = top?.span?.file ?? `${this.current.top}.ts`;
    writeReport(file, this, { file: src, text: parsedSourceText(src) }, opts);
  }

  /** Proves the schedule so far equivalent to the unscheduled kernel: `s.verify().equivalent`. */
  verify(opts?: VerifyOptions): VerifyResult {
    return verify(this.current, this.original, { labels: ["scheduled", "original"], ...opts });
  }
}

/** The schedule `compose(kernel)` applies to a fresh `customize(kernel, { instantiate })`. */
export const registerSchedule: (kernel: Function, apply: (s: Schedule) => void) => void = register;
