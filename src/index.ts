// The public API of allo-ts: the kernel language (types, dtypes, loops) and the host API
// (customize, Schedule, build, verify, estimate, errors).

export type { BuildOptions, CodeModule, CpuKernel, VitisMode, VitisProject } from "./api/build.ts";
export { customize } from "./api/customize.ts";
export { type DataflowCpuOptions, df } from "./api/dataflow.ts";
export type { DotGraph } from "./api/dataflow-dot.ts";
export { IRModule, registerSchedule, Schedule } from "./api/schedule.ts";
export { AlloError } from "./diagnostics/error.ts";
export { bit, bitcast, bits, reverseBits, withBit, withBits } from "./dsl/bits.ts";
export type { Fifo, Fifo1, Fifo2, Fifo3, KernelOptions, Stream } from "./dsl/dataflow.ts";
export * from "./dsl/dtypes.ts";
export { instance } from "./dsl/instance.ts";
export { full, grid, type LoopOptions, range, reduction, zeros } from "./dsl/loops.ts";
export { type Overloaded, overload } from "./dsl/overload.ts";
export { stateful } from "./dsl/stateful.ts";
export type { DType, IntUpTo, Shape, Tensor } from "./dsl/tensor-types.ts";
export {
  Estimate,
  type EstimateOptions,
  type LoopRow,
  type Profile,
  profiles,
  type Resources,
} from "./estimate/index.ts";
export type { ComposeOptions } from "./schedule/compose.ts";
export type {
  CustomizeOptions,
  PartitionOptions,
  PipelineOptions,
  RelayOptions,
  ReplayOptions,
  SplitLoops,
  StorageOptions,
  UnfoldOptions,
} from "./schedule/schedule.ts";
export type { FuncRef, Step, StepArg } from "./schedule/trace.ts";
export { type Counterexample, type VerifyOptions, type VerifyResult, verify } from "./verify/index.ts";
