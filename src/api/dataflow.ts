// The `df` namespace: the kernel-language calls of dataflow regions (src/dsl/dataflow.ts) and the host
// entry points. A region compiles like any kernel (the frontend recognises it by its body), so
// df.customize is customize and df.build(top, o) is df.customize(top).build(o); "simulator" is the
// CPU target's other name, and "dot" draws the process/FIFO graph (./dataflow-dot.ts), also of a
// Schedule whose PE arrays were made by unfold/relay.

import { getPid, kernel, stream } from "../dsl/dataflow.ts";
import type { CustomizeOptions } from "../schedule/schedule.ts";
import type { CodeModule, CpuBuildOptions, CpuKernel, VitisBuildOptions, VitisProject } from "./build.ts";
import { customize } from "./customize.ts";
import { DotGraph } from "./dataflow-dot.ts";
import { Schedule } from "./schedule.ts";

export type DataflowCpuOptions = Omit<CpuBuildOptions, "target"> & { readonly target?: "cpu" | "simulator" };

/** A region (its function or source text), or a Schedule (a region or a kernel with PE arrays). */
type Design = Function | string | Schedule;

function build(region: Design, o?: DataflowCpuOptions): CpuKernel;
function build(region: Design, o: { target: "mlir" | "vhls" | "vivado_hls" }): CodeModule;
function build(region: Design, o: { target: "dot" }): DotGraph;
function build(region: Design, o: VitisBuildOptions): VitisProject;
function build(
  region: Design,
  o: DataflowCpuOptions | { target: "mlir" | "vhls" | "vivado_hls" | "dot" } | VitisBuildOptions = {},
): CpuKernel | CodeModule | VitisProject | DotGraph {
  const s = region instanceof Schedule ? region : customize(region);
  if (o.target === "dot") return new DotGraph(s.module.ir);
  if (o.target === "simulator") return s.build({ ...o, target: "cpu" });
  return s.build(o as VitisBuildOptions);
}

export const df = {
  kernel,
  getPid,
  stream,
  build,
  /** The Schedule of a region: the same as customize(region). */
  customize: (region: Function | string, o?: CustomizeOptions): Schedule => customize(region, o),
};
