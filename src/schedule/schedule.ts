// The Schedule: a kernel's IR plus the customizations applied to it so far. Each primitive resolves
// its names, applies a pure IR-to-IR function from ./primitives/, checks the result and records a
// replayable trace step; a failed step leaves the schedule as it was and its AlloError points at the
// user's call. `String(s.module)` is the MLIR of the current IR.

import {
  type BuildOptions,
  build as buildModule,
  type CodeModule,
  type CpuBuildOptions,
  type CpuKernel,
  type VitisBuildOptions,
  type VitisProject,
} from "../api/build.ts";
import { printMlir } from "../backends/mlir/print.ts";
import { AlloError, internalError } from "../diagnostics/error.ts";
import type { Module, PartitionType } from "../ir/nodes.ts";
import { type VerifyOptions, type VerifyResult, verify, verifyStep } from "../verify/index.ts";
import { atCallSite, callSite } from "./call-site.ts";
import { checkModule } from "./check.ts";
import {
  type BandSpec,
  BufferHandle,
  type BufferSpec,
  LoopHandle,
  type LoopNest,
  type LoopSpec,
  SpatialHandle,
  type SpatialSpec,
} from "./handles.ts";
import { bufferAt } from "./primitives/buffer-at.ts";
import { computeAt } from "./primitives/compute-at.ts";
import { dataflow } from "./primitives/dataflow.ts";
import { fuse } from "./primitives/fuse.ts";
import { inline } from "./primitives/inline.ts";
import { parallel } from "./primitives/parallel.ts";
import { partition } from "./primitives/partition.ts";
import { pipeline } from "./primitives/pipeline.ts";
import { type RelayOptions, relay } from "./primitives/relay.ts";
import { reorder } from "./primitives/reorder.ts";
import { reshape } from "./primitives/reshape.ts";
import type { PrimitiveResult } from "./primitives/result.ts";
import { reuseAt } from "./primitives/reuse-at.ts";
import { split } from "./primitives/split.ts";
import { unfold } from "./primitives/unfold.ts";
import { unroll } from "./primitives/unroll.ts";
import { constTrip, getLoop, perfectChain } from "./primitives/util/loops.ts";
import type { BufferRef, LoopRef, SpatialRef } from "./refs.ts";
import { loopNest, resolveBand, resolveBuffer, resolveFunc, resolveLoop, resolveSpatial } from "./resolve.ts";
import { type Arg, BandArg, traceValue } from "./step-args.ts";
import { formatCall, formatTrace, stepHeader, type TraceStep } from "./trace.ts";

export interface CustomizeOptions {
  /** Kernel name when customizing source text. */
  readonly name?: string;
  /** File name used in diagnostics (and for relative imports) when customizing source text. */
  readonly file?: string;
  /** Template values: `{ T: int32, M: 64 }`. */
  readonly instantiate?: Readonly<Record<string, unknown>>;
  /** Print the IR after every primitive (with `(unchanged)` for steps that changed nothing). */
  readonly printAfterEach?: boolean;
  /** Prove every primitive equivalent as it is applied. */
  readonly verifyEachStep?: boolean;
}

/** The IR module as `s.module` shows it: String() of it is the MLIR text. */
export class IRModule {
  constructor(readonly ir: Module) {}
  toString(): string {
    return printMlir(this.ir);
  }
}

/** split's result: `const [outer, inner] = s.split("i", 4)`, or `.outer` / `.inner`. */
export type SplitLoops = readonly [LoopHandle, LoopHandle] & {
  readonly outer: LoopHandle;
  readonly inner: LoopHandle;
};

export interface PipelineOptions {
  /** Initiation interval, default 1. */
  readonly ii?: number;
  readonly rewind?: boolean;
}
export interface PartitionOptions {
  /** Default "complete". */
  readonly type?: PartitionType;
  /** 0 (default) = every dimension, n = the n-th dimension (1-based); a list names 0-based axes. */
  readonly dim?: number | readonly number[];
  /** Number of banks for block and cyclic partitions. */
  readonly factor?: number;
}
export interface UnfoldOptions {
  /** Band axes to unfold, 0 = the band's outermost loop. */
  readonly axis: number | readonly number[];
  /** PEs along each axis; default the axis' trip count (one PE per iteration). */
  readonly factor?: number | readonly number[];
}
export type { RelayOptions };

const list = (x: number | readonly number[]): readonly number[] => (typeof x === "number" ? [x] : x);

export class Schedule {
  /** The module before any customization, for `s.verify()`. */
  readonly original: Module;
  protected current: Module;
  private readonly recorded: TraceStep[] = [];

  constructor(
    module: Module,
    readonly options: CustomizeOptions = {},
  ) {
    this.original = module;
    this.current = module;
  }

  /** The current IR (plain data). */
  get ir(): Module {
    return this.current;
  }

  get module(): IRModule {
    return new IRModule(this.current);
  }

  toString(): string {
    return printMlir(this.current);
  }

  /** Builds the current IR for a target: "cpu" (default), "mlir", "vhls" or "vitis_hls" (see src/api/build.ts). */
  build(o?: CpuBuildOptions): CpuKernel;
  build(o: { target: "mlir" | "vhls" | "vivado_hls" }): CodeModule;
  build(o: VitisBuildOptions): VitisProject;
  build(o?: BuildOptions): CpuKernel | CodeModule | VitisProject;
  build(o: BuildOptions = {}): CpuKernel | CodeModule | VitisProject {
    return buildModule(this.current, o);
  }

  /** Proves the schedule so far equivalent to the unscheduled kernel: `s.verify().equivalent`. */
  verify(opts?: VerifyOptions): VerifyResult {
    return verify(this.current, this.original, { labels: ["scheduled", "original"], ...opts });
  }

  /** The steps applied so far, in order. */
  get steps(): readonly TraceStep[] {
    return this.recorded;
  }

  /** The steps as replayable TypeScript, one `s.primitive(...);` per line. */
  trace(receiver = "s"): string {
    return formatTrace(this.recorded, receiver);
  }

  /** Handles for every band of a function (the top by default) and its loops: `s.getLoops().S_i_j_0.i`. */
  getLoops(fn?: string): LoopNest {
    try {
      return loopNest(this.current, resolveFunc(this.current, fn, "getLoops"));
    } catch (e) {
      throw e instanceof AlloError ? atCallSite(e, callSite()) : e;
    }
  }

  // ------------------------------------------------------------ loop primitives

  /** Tiles a loop: `i` becomes `i.outer` x `i.inner` (a partial last tile when factor does not divide). */
  split(loop: LoopSpec, factor: number): SplitLoops {
    const r = this.apply("split", [loop, factor], (m) => split(m, resolveLoop(m, loop, "split"), factor));
    const [outer, inner] = this.loopHandles(r);
    return Object.assign([outer, inner] as const, { outer, inner });
  }

  /** Permutes loops of one perfect band: the listed loops take their positions in the order given. */
  reorder(...loops: LoopSpec[]): this {
    this.apply("reorder", loops, (m) =>
      reorder(
        m,
        loops.map((l) => resolveLoop(m, l, "reorder")),
      ),
    );
    return this;
  }

  /** Coalesces consecutive perfectly nested loops (outer to inner) into one loop `i_j_fused`. */
  fuse(...loops: LoopSpec[]): LoopHandle {
    const r = this.apply("fuse", loops, (m) =>
      fuse(
        m,
        loops.map((l) => resolveLoop(m, l, "fuse")),
      ),
    );
    return this.loopHandles(r)[0];
  }

  /** Marks a loop for unrolling; factor 0 (the default) unrolls it fully. */
  unroll(loop: LoopSpec, factor = 0): this {
    this.apply("unroll", factor === 0 ? [loop] : [loop, factor], (m) =>
      unroll(m, resolveLoop(m, loop, "unroll"), factor),
    );
    return this;
  }

  /** Marks a loop for pipelining: `s.pipeline("j")`, `s.pipeline("j", { ii: 2, rewind: true })`. */
  pipeline(loop: LoopSpec, opts: PipelineOptions | number = {}): this {
    const o = typeof opts === "number" ? { ii: opts } : opts;
    const args: Arg[] =
      o.ii === undefined && !o.rewind ? [loop] : [loop, { ii: o.ii, rewind: o.rewind || undefined }];
    this.apply("pipeline", args, (m) =>
      pipeline(m, resolveLoop(m, loop, "pipeline"), o.ii ?? 1, o.rewind ?? false),
    );
    return this;
  }

  /** Marks a loop's iterations as parallel. */
  parallel(loop: LoopSpec): this {
    this.apply("parallel", [loop], (m) => parallel(m, resolveLoop(m, loop, "parallel")));
    return this;
  }

  /** Marks a function (the top one by default), or a loop, as a dataflow region. */
  dataflow(target?: LoopSpec): this {
    this.apply("dataflow", target === undefined ? [] : [target], (m) => {
      if (
        target === undefined ||
        (typeof target === "string" && m.functions.some((f) => f.name === target))
      ) {
        return dataflow(m, resolveFunc(m, target, "dataflow"));
      }
      return dataflow(m, resolveLoop(m, target, "dataflow"));
    });
    return this;
  }

  /** Marks a function (the top one by default) to be inlined into its callers. */
  inline(fn?: string): this {
    this.apply("inline", fn === undefined ? [] : [fn], (m) => inline(m, resolveFunc(m, fn, "inline")));
    return this;
  }

  // ------------------------------------------------------------ memory primitives

  /**
   * Partitions a buffer into banks: `s.partition("A", { type: "cyclic", dim: 1, factor: 4 })`. Defaults:
   * complete, dim 0 (every dimension). `dim: [0, 1]` lists 0-based axes, like unfold and relay.
   */
  partition(buf: BufferSpec, opts: PartitionOptions = {}): this {
    const req = { type: opts.type ?? "complete", dim: opts.dim ?? 0, factor: opts.factor ?? 0 };
    this.apply("partition", [buf, { type: opts.type, dim: opts.dim, factor: opts.factor }], (m) =>
      partition(m, resolveBuffer(m, buf, "partition"), req),
    );
    return this;
  }

  /** Gives a buffer a new shape with the same elements in the same row-major order. */
  reshape(buf: BufferSpec, shape: readonly number[]): this {
    this.apply("reshape", [buf, [...shape]], (m) => reshape(m, resolveBuffer(m, buf, "reshape"), shape));
    return this;
  }

  /** A local copy of the part of `buf` one iteration of `loop` touches (init and write-back loops around it). */
  bufferAt(buf: BufferSpec, loop: LoopSpec): BufferHandle {
    const r = this.apply("bufferAt", [buf, loop], (m) =>
      bufferAt(m, resolveBuffer(m, buf, "bufferAt"), resolveLoop(m, loop, "bufferAt")),
    );
    return this.bufferHandle(r);
  }

  /** A sliding-window reuse buffer for the reads of `buf` along `loop`; chainable (line, then window buffer). */
  reuseAt(buf: BufferSpec, loop: LoopSpec): BufferHandle {
    const r = this.apply("reuseAt", [buf, loop], (m) =>
      reuseAt(m, resolveBuffer(m, buf, "reuseAt"), resolveLoop(m, loop, "reuseAt")),
    );
    return this.bufferHandle(r);
  }

  /**
   * Moves the producer band into the consumer band at the consumer's loop level:
   * `s.computeAt("S_i_0", "S_j_1:j")` (a band name stands for its head loop).
   */
  computeAt(producer: LoopSpec | BandSpec, consumer: LoopSpec): this {
    this.apply("computeAt", [producer, consumer], (m) =>
      computeAt(m, resolveLoop(m, producer, "computeAt"), resolveLoop(m, consumer, "computeAt")),
    );
    return this;
  }

  // ------------------------------------------------------------ spatial primitives

  /** Replicates loops of a band into a PE array: `const pe = s.unfold("PE", { axis: [0, 1] })`. */
  unfold(band: BandSpec, opts: UnfoldOptions): SpatialHandle {
    const r = this.apply("unfold", [new BandArg(band), { axis: opts.axis, factor: opts.factor }], (m) => {
      const ref = resolveBand(m, band, "unfold");
      const axes = list(opts.axis);
      const factors =
        opts.factor === undefined ? fullFactors(m, resolveLoop(m, ref, "unfold"), axes) : list(opts.factor);
      return unfold(m, ref, axes, factors);
    });
    const h = r.handles?.find((x): x is SpatialRef => x.kind === "spatial");
    if (!h) throw internalError("unfold returned no region handle");
    return new SpatialHandle(h.func, h.name, h.extents);
  }

  /** Streams a buffer between the PEs of an unfolded region: `s.relay(bufA, pe, { axis: 0, depth: M + 1 })`. */
  relay(buf: BufferSpec, dst: SpatialSpec, opts: RelayOptions = {}): this {
    this.apply("relay", [buf, dst, { axis: opts.axis, depth: opts.depth }], (m) =>
      relay(m, resolveBuffer(m, buf, "relay"), resolveSpatial(m, dst, "relay"), opts),
    );
    return this;
  }

  // ------------------------------------------------------------ machinery

  /**
   * Runs one step: resolves and applies it on the current module, checks the result, records the
   * trace step (handles recorded as the names they resolved to) and prints it when asked. Errors get
   * the user's call site; the schedule is unchanged by a failed step.
   */
  protected apply(
    primitive: string,
    args: readonly Arg[],
    run: (m: Module) => PrimitiveResult,
  ): PrimitiveResult {
    const site = callSite();
    const before = this.current;
    try {
      const traced = args.map((a) => traceValue(before, a));
      const result = run(before);
      const after = result.module;
      const step: TraceStep = {
        index: this.recorded.length + 1,
        primitive,
        args: traced,
        ...(site ? { site } : {}),
        changed: after !== before,
      };
      if (step.changed) checkModule(after, stepHeader(step));
      if (this.options.verifyEachStep && step.changed) proveStep(before, step, after);
      this.recorded.push(step);
      this.current = after;
      if (this.options.printAfterEach) {
        process.stdout.write(`${stepHeader(step)}\n${step.changed ? printMlir(after) : "(unchanged)\n"}`);
      }
      return result;
    } catch (e) {
      throw e instanceof AlloError ? atCallSite(e, site) : e;
    }
  }

  private loopHandles(r: PrimitiveResult): LoopHandle[] {
    return (r.handles ?? [])
      .filter((h): h is LoopRef => h.kind === "loop")
      .map((h) => new LoopHandle(h.func, h.iv, getLoop(this.current, h, "schedule").site.loop.name));
  }

  private bufferHandle(r: PrimitiveResult): BufferHandle {
    const h = r.handles?.find((x): x is BufferRef => x.kind === "buffer");
    if (!h) throw internalError("a buffer primitive returned no buffer handle");
    return new BufferHandle(h.func, h.buffer);
  }
}

/** verifyEachStep: a step must be proven equivalent to the module before it (AL6002 otherwise). */
function proveStep(before: Module, step: TraceStep, after: Module): void {
  const r = verifyStep(before, after);
  if (r.equivalent) return;
  const c = r.counterexample;
  throw new AlloError(
    "AL6002",
    `step ${step.index}, ${formatCall(step.primitive, step.args)}, is not proven equivalent to the module before it ` +
      `(${r.status}: ${r.reason ?? "outputs differ"})`,
    { details: { status: r.status, ...(c ? { counterexample: c } : {}) } },
  );
}

/** One PE per iteration along each unfolded axis (axes out of range are reported by unfold itself). */
function fullFactors(m: Module, head: LoopRef, axes: readonly number[]): number[] {
  const chain = perfectChain(getLoop(m, head, "unfold").site.loop);
  return axes.map((a) => (chain[a] ? (constTrip(chain[a]) ?? 0) : 0));
}
