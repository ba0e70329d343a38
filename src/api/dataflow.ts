// The `df` namespace: the kernel-language calls of dataflow regions (src/dsl/dataflow.ts) and the host
// entry points. A region compiles like any kernel (the frontend recognises it by its body), so
// df.customize is customize and df.build(top, o) is df.customize(top).build(o); "simulator" is the
// CPU target's other name.

import { getPid, kernel, stream } from "../dsl/dataflow.ts";
import type { CustomizeOptions } from "../schedule/schedule.ts";
import type { CodeModule, CpuBuildOptions, CpuKernel, VitisBuildOptions, VitisProject } from "./build.ts";
import { customize } from "./customize.ts";
import type { Schedule } from "./schedule.ts";

export type DataflowCpuOptions = Omit<CpuBuildOptions, "target"> & { readonly target?: "cpu" | "simulator" };

function build(region: Function | string, o?: DataflowCpuOptions): CpuKernel;
function build(region: Function | string, o: { target: "mlir" | "vhls" | "vivado_hls" }): CodeModule;
function build(region: Function | string, o: VitisBuildOptions): VitisProject;
function build(
  region: Function | string,
  o: DataflowCpuOptions | { target: "mlir" | "vhls" | "vivado_hls" } | VitisBuildOptions = {},
): CpuKernel | CodeModule | VitisProject {
  const s = customize(region);
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
