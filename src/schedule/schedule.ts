// The schedule core: a kernel's IR plus the customizations applied to it so far. Each method runs one
// primitive of the registry (./registry.ts): its arguments are checked and resolved, the pure IR-to-IR
// function applied, the result checked, and a step recorded as data and as replayable TypeScript; a
// failed step leaves the schedule as it was and its AlloError points at the user's call. Building,
// verifying and printing live above this layer (src/api/schedule.ts), which supplies the IR printer.

import { AlloError, internalError } from "../diagnostics/error.ts";
import { bufferLayout, layoutText } from "../ir/analysis/layout.ts";
import type { Module, PartitionType, Span, StorageBinding } from "../ir/nodes.ts";
import { assertWellFormed } from "../ir/verify.ts";
import { verifyStep } from "../verify/index.ts";
import { atCallSite, callSite } from "./call-site.ts";
import {
  type Composable,
  type ComposeOptions,
  composeParts,
  composeTargets,
  newScheduleId,
  type Replayed,
  replayInto,
} from "./compose.ts";
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
import { layoutsOf, tagPartition } from "./layouts.ts";
import { checkArg, type Param } from "./params.ts";
import type { RelayOptions } from "./primitives/relay.ts";
import type { PrimitiveResult } from "./primitives/result.ts";
import { getLoop } from "./primitives/util/loops.ts";
import type { LoopRef, SpatialRef } from "./refs.ts";
import { PRIMITIVES, type PrimitiveName, primitiveDef } from "./registry.ts";
import { funcRenaming, recordedRoot } from "./replay.ts";
import { instanceLoopSpecs, loopNest, resolveBuffer, resolveFunc } from "./resolve.ts";
import { argsFromData, bindArgs, funcsOfData, recordArgs, resolveArgs } from "./step-args.ts";
import { formatCall, type Step, stepHeader } from "./trace.ts";

export interface CustomizeOptions {
  /** Kernel name when customizing source text. */
  readonly name?: string;
  /** File name used in diagnostics (and for relative imports) when customizing source text. */
  readonly file?: string;
  /** Template values: `{ T: int32, M: 64 }`. */
  readonly instantiate?: Readonly<Record<string, unknown>>;
  /**
   * Print the IR after every primitive (with `(unchanged)` for steps that changed nothing): `true` to
   * stdout, or to a writer of your own (`process.stderr`, a file stream).
   */
  readonly printAfterEach?: boolean | { write(text: string): unknown };
  /** Prove every primitive equivalent as it is applied. */
  readonly verifyEachStep?: boolean;
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
/** bindStorage's options: `{ impl: "bram" | "uram" | ..., type: "ram_2p" | ..., latency?: cycles }`. */
export type StorageOptions = StorageBinding;
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
export interface ReplayOptions {
  /** Re-apply the steps inside this function (names in `from` and its callees are rewritten into it). */
  readonly into?: string;
  /** The function the steps were recorded on; by default the referenced function that calls all others. */
  readonly from?: string;
}

export abstract class ScheduleCore {
  /** The module before any customization, for `s.verify()`. */
  readonly original: Module;
  protected current: Module;
  private readonly recorded: Step[] = [];
  /** Each recorded step as the trace prints it: `split("i", 4)`, with a compose's comments. */
  private readonly calls: { readonly call: string; readonly from?: Replayed }[] = [];
  /** This schedule's number: its partitions of a buffer are one layout requirement. */
  private readonly id = newScheduleId();

  constructor(
    module: Module,
    readonly options: CustomizeOptions = {},
  ) {
    assertWellFormed(module, `from the frontend (kernel '${module.top}')`);
    this.original = module;
    this.current = module;
  }

  /** The IR as text, for printAfterEach (the layer above supplies the MLIR printer). */
  protected abstract printIR(m: Module): string;

  /** A fresh schedule of a kernel, for compose(f) (the layer above has the frontend). */
  protected abstract customizeKernel(
    kernel: Function,
    instantiate?: Readonly<Record<string, unknown>>,
  ): ScheduleCore;

  /** The current IR (plain data). */
  get ir(): Module {
    return this.current;
  }

  /** The steps applied so far, in order, as data: `JSON.stringify(s.steps)` replays with `s.replay`. */
  get steps(): readonly Step[] {
    return this.recorded;
  }

  /** The steps as replayable TypeScript, one `s.primitive(...);` per line (composed ones commented). */
  trace(receiver = "s"): string {
    return this.calls
      .map(({ call, from }) => {
        const head = from?.header ? `// ${from.header}\n` : "";
        return `${head}${receiver}.${call};${from ? ` // ${from.comment}` : ""}\n`;
      })
      .join("");
  }

  /** Handles for every band of a function (the top by default) and its loops: `s.getLoops().S_i_j_0.i`. */
  getLoops(fn?: string): LoopNest {
    try {
      return loopNest(this.current, resolveFunc(this.current, fn, "getLoops"));
    } catch (e) {
      throw e instanceof AlloError ? atCallSite(e, callSite()) : e;
    }
  }

  /**
   * Re-applies recorded steps (`s.steps`, or their JSON parsed back), optionally inside another function:
   * `s.replay(steps, { into: "matmul_mm1" })`. All or nothing: when a step fails, the schedule is as before.
   */
  replay(steps: readonly Step[], options?: ReplayOptions): this {
    const site = callSite();
    const saved = this.saved();
    try {
      const opts = (checkArg("replay", REPLAY_OPTIONS, options) ?? {}) as ReplayOptions;
      const list = checkSteps(steps);
      const m = this.current;
      const referenced = () => [...new Set(list.flatMap((s) => funcsOfData(s.def.params, s.args)))];
      const rename =
        opts.into === undefined
          ? (f: string) => f
          : funcRenaming(
              m,
              opts.from ?? recordedRoot(m, referenced()),
              m,
              resolveFunc(m, opts.into, "replay"),
            );
      for (const [k, s] of list.entries()) {
        this.run(s.prim, argsFromData(s.def.params, s.args, rename, `step ${k + 1} (${s.prim})`));
      }
    } catch (e) {
      saved();
      throw e instanceof AlloError ? atCallSite(e, site) : e;
    }
    return this;
  }

  /**
   * Re-applies a sub-schedule's steps inside every instance of its kernel (with its template values),
   * or only instance `f_<id>`: `sTop.compose(sMatmul, { id: "mm1" })`. Takes a schedule, a kernel with a
   * registered schedule (`{ instantiate }` gives its template values) or a list of them; the steps enter
   * this schedule's trace. All or nothing: when a step fails (AL3302), the schedule is as before.
   */
  compose(sub: Composable | Function | readonly (Composable | Function)[], options?: ComposeOptions): this {
    const site = callSite();
    const saved = this.saved();
    try {
      const parts = composeParts(sub, options, (k, values) => this.customizeKernel(k, values), this.current);
      const id = (options as ComposeOptions | undefined)?.id;
      for (const { schedule: part, into: found } of parts) {
        for (const into of found ?? composeTargets(this.current, part.original, id)) {
          replayInto(this.current, part, into, site, (prim, args, from) => this.run(prim, args, from));
        }
      }
    } catch (e) {
      saved();
      throw e instanceof AlloError ? atCallSite(e, site) : e;
    }
    return this;
  }

  /**
   * The layout of a buffer's layout class as the API spells it: `sTop.layout("Y")` is
   * `"[complete, none]"` when a callee's schedule partitioned the parameter Y is passed to.
   */
  layout(buf: BufferSpec): string {
    try {
      const ref = resolveBuffer(this.current, buf, "layout");
      const f = this.current.functions.find((x) => x.name === ref.func)!;
      return layoutText(bufferLayout(f.buffers[ref.buffer]));
    } catch (e) {
      throw e instanceof AlloError ? atCallSite(e, callSite()) : e;
    }
  }

  /** A function that puts the schedule back as it is now (for all-or-nothing replay and compose). */
  private saved(): () => void {
    const current = this.current;
    const count = this.recorded.length;
    return () => {
      this.current = current;
      this.recorded.length = count;
      this.calls.length = count;
    };
  }

  // ------------------------------------------------------------ loop primitives

  /** Tiles a loop: `i` becomes `i.outer` x `i.inner` (a partial last tile when factor does not divide). */
  split(loop: LoopSpec, factor: number): SplitLoops {
    return this.run("split", [loop, factor]) as SplitLoops;
  }
  /** Permutes loops of one perfect band: the listed loops take their positions in the order given. */
  reorder(...loops: LoopSpec[]): this {
    return this.run("reorder", loops) as this;
  }
  /** Coalesces consecutive perfectly nested loops (outer to inner) into one loop `i_j_fused`. */
  fuse(...loops: LoopSpec[]): LoopHandle {
    return this.run("fuse", loops) as LoopHandle;
  }
  /** Marks a loop for unrolling; factor 0 (the default) unrolls it fully. */
  unroll(loop: LoopSpec, factor?: number): this {
    return this.run("unroll", [loop, factor]) as this;
  }
  /** Marks a loop for pipelining: `s.pipeline("j")`, `s.pipeline("j", { ii: 2, rewind: true })`. */
  pipeline(loop: LoopSpec, opts?: PipelineOptions | number): this {
    return this.run("pipeline", [loop, opts]) as this;
  }
  /** Marks a loop's iterations as parallel. */
  parallel(loop: LoopSpec): this {
    return this.run("parallel", [loop]) as this;
  }
  /** Marks a function (the top one by default), or a loop, as a dataflow region. */
  dataflow(target?: LoopSpec): this {
    return this.run("dataflow", [target]) as this;
  }
  /** Marks a function (the top one by default) to be inlined into its callers. */
  inline(fn?: string): this {
    return this.run("inline", [fn]) as this;
  }

  // ------------------------------------------------------------ memory primitives

  /**
   * Partitions a buffer into banks: `s.partition("A", { type: "cyclic", dim: 1, factor: 4 })`. Defaults:
   * complete, dim 0 (every dimension). `dim: [0, 1]` lists 0-based axes, like unfold and relay.
   */
  partition(buf: BufferSpec, opts?: PartitionOptions): this {
    return this.run("partition", [buf, opts]) as this;
  }
  /**
   * Binds a buffer to a memory (HLS `bind_storage`): `s.bindStorage("buf", { impl: "uram", type: "ram_2p" })`,
   * optionally with a read `latency`.
   */
  bindStorage(buf: BufferSpec, opts: StorageOptions): this {
    return this.run("bindStorage", [buf, opts]) as this;
  }
  /** Gives a buffer a new shape with the same elements in the same row-major order. */
  reshape(buf: BufferSpec, shape: readonly number[]): this {
    return this.run("reshape", [buf, shape]) as this;
  }
  /** A local copy of the part of `buf` one iteration of `loop` touches (init and write-back loops around it). */
  bufferAt(buf: BufferSpec, loop: LoopSpec): BufferHandle {
    return this.run("bufferAt", [buf, loop]) as BufferHandle;
  }
  /** A sliding-window reuse buffer for the reads of `buf` along `loop`; chainable (line, then window buffer). */
  reuseAt(buf: BufferSpec, loop: LoopSpec): BufferHandle {
    return this.run("reuseAt", [buf, loop]) as BufferHandle;
  }
  /**
   * Moves the producer band into the consumer band at the consumer's loop level:
   * `s.computeAt("S_i_0", "S_j_1:j")` (a band name stands for its head loop).
   */
  computeAt(producer: LoopSpec | BandSpec, consumer: LoopSpec): this {
    return this.run("computeAt", [producer, consumer]) as this;
  }

  // ------------------------------------------------------------ spatial primitives

  /** Replicates loops of a band into a PE array: `const pe = s.unfold("PE", { axis: [0, 1] })`. */
  unfold(band: BandSpec, opts: UnfoldOptions): SpatialHandle {
    return this.run("unfold", [band, opts]) as SpatialHandle;
  }
  /** Streams a buffer between the PEs of an unfolded region: `s.relay(bufA, pe, { axis: 0, depth: M + 1 })`. */
  relay(buf: BufferSpec, dst: SpatialSpec, opts?: RelayOptions): this {
    return this.run("relay", [buf, dst, opts]) as this;
  }

  // ------------------------------------------------------------ machinery

  /**
   * Runs one step of the registry: checks and resolves the arguments against the current module,
   * applies the primitive, checks the result, records the step (as data and as the trace prints it)
   * and prints it when asked; returns what the primitive gives the user. Errors get the user's call
   * site (a composed step's own); the schedule is unchanged by a failed step.
   */
  protected run(prim: PrimitiveName, args: readonly unknown[], from?: Replayed): unknown {
    const def = PRIMITIVES[prim];
    const site = from ? from.site : callSite();
    // "gemm:k" names the loop in every instance of a df kernel: one recorded step per instance.
    const first = def.params[0]?.kind.t;
    const each =
      !from && def.returns === "self" && (first === "loop" || first === "band") && typeof args[0] === "string"
        ? instanceLoopSpecs(this.current, args[0])
        : undefined;
    if (each) {
      for (const spec of each) this.step(prim, [spec, ...args.slice(1)], site);
      return this;
    }
    return this.step(prim, args, site, from);
  }

  private step(
    prim: PrimitiveName,
    args: readonly unknown[],
    site: Span | undefined,
    from?: Replayed,
  ): unknown {
    const def = PRIMITIVES[prim];
    const before = this.current;
    try {
      const bound = bindArgs(prim, def.params, args);
      const resolved = resolveArgs(before, prim, def.params, bound);
      const { data, shown } = recordArgs(before, def.params, bound, resolved);
      const origin = from?.origin ?? this.id;
      const result = def.apply(
        before,
        prim === "partition" ? tagPartition(resolved, origin, site, from?.via) : resolved,
      );
      const after = layoutsOf(before, result.module, from?.via ?? site);
      const step: Step = {
        index: this.recorded.length + 1,
        prim,
        args: data,
        ...(site ? { site } : {}),
        ...(from?.via ? { via: from.via } : {}),
        origin,
        changed: after !== before,
      };
      const call = formatCall(prim, shown);
      const header = stepHeader(step.index, call);
      if (step.changed) assertWellFormed(after, `after schedule step ${step.index}: ${call}`);
      if (this.options.verifyEachStep && step.changed) proveStep(before, step.index, call, after);
      this.recorded.push(step);
      this.calls.push(from ? { call, from } : { call });
      this.current = after;
      const print = this.options.printAfterEach;
      if (print) {
        const to = print === true ? process.stdout : print;
        to.write(`${header}\n${step.changed ? this.printIR(after) : "(unchanged)\n"}`);
      }
      return this.handles(def.returns, result);
    } catch (e) {
      throw e instanceof AlloError ? atCallSite(e, site) : e;
    }
  }

  /** What the user gets back from a step (see Returns in ./registry.ts). */
  private handles(returns: string, r: PrimitiveResult): unknown {
    const made = r.handles ?? [];
    switch (returns) {
      case "loops":
      case "loop": {
        const loops = made
          .filter((h): h is LoopRef => h.kind === "loop")
          .map((h) => new LoopHandle(h.func, h.iv, getLoop(this.current, h, "schedule").site.loop.name));
        if (returns === "loop") return loops[0];
        const [outer, inner] = loops;
        return Object.assign([outer, inner] as const, { outer, inner });
      }
      case "buffer": {
        const h = made.find((x) => x.kind === "buffer");
        if (!h) throw internalError("a buffer primitive returned no buffer handle");
        return new BufferHandle(h.func, h.buffer);
      }
      case "pe": {
        const h = made.find((x): x is SpatialRef => x.kind === "spatial");
        if (!h) throw internalError("unfold returned no region handle");
        return new SpatialHandle(h.func, h.name, h.extents);
      }
      default:
        return this;
    }
  }
}

const REPLAY_OPTIONS: Param = {
  name: "options",
  kind: { t: "options", fields: { into: { type: "name" }, from: { type: "name" } } },
  optional: true,
};

/** Replay's input: a list of `{ prim, args }` with a known primitive and an argument list (AL3021 otherwise). */
function checkSteps(steps: unknown) {
  if (!Array.isArray(steps)) {
    throw new AlloError("AL3021", "replay: pass a list of steps (s.steps, or JSON.parse of it)");
  }
  return steps.map((s, k) => {
    const prim = (s as Partial<Step> | null)?.prim;
    const def = primitiveDef(prim);
    const args = (s as Partial<Step> | null)?.args;
    if (!def || !Array.isArray(args)) {
      const names = Object.keys(PRIMITIVES).join(", ");
      throw new AlloError(
        "AL3021",
        `replay: step ${k + 1} is not a step: it needs { prim, args } with prim one of ${names}`,
      );
    }
    return { prim: prim as PrimitiveName, def, args: args as readonly unknown[] };
  });
}

/** verifyEachStep: a step must be proven equivalent to the module before it (AL6002 otherwise). */
function proveStep(before: Module, index: number, call: string, after: Module): void {
  const r = verifyStep(before, after);
  if (r.equivalent) return;
  const c = r.counterexample;
  throw new AlloError(
    "AL6002",
    `step ${index}, ${call}, is not proven equivalent to the module before it ` +
      `(${r.status}: ${r.reason ?? "outputs differ"})`,
    { details: { status: r.status, ...(c ? { counterexample: c } : {}) } },
  );
}
