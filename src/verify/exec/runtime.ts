// Run-time support of the symbolic executor: buffers of node ids, FIFOs of node ids run by the stream
// runtime the CPU backend uses (src/runtime/streams.ts: the same scheduler and deadlock report), and
// the two ways a symbolic run stops early: the design itself fails on every input (deadlock, data left
// in a stream, an out-of-bounds access), or the run is not statically interpretable (data-dependent
// control flow or indices), which makes the verdict "unknown" rather than a guess.

import type { StreamUses } from "../../ir/analysis/streams.ts";
import { bitPosInRange, bitPosMessage } from "../../ir/bit-position.ts";
import type { Span } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { type Fifo, makeFifos, Streams, type Unit, type Wait } from "../../runtime/streams.ts";
import type { Budget } from "../budget.ts";
import type { Dag } from "../dag/dag.ts";

/** The design fails on every input (control flow is static, so the failure does not depend on data). */
export class RunFailure extends Error {}
/** The run depends on input data in a way symbolic execution does not follow. */
export class NotStatic extends Error {}

export interface Storage {
  readonly name: string;
  readonly shape: readonly number[];
  readonly mem: Int32Array;
}

export const elementName = (name: string, shape: readonly number[], flat: number): string => {
  const parts: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    parts.unshift(flat % shape[d]);
    flat = Math.floor(flat / shape[d]);
  }
  return parts.length ? `${name}[${parts.join("][")}]` : name;
};

export class Runtime {
  /** Loads, stores, gets and puts executed (gets count themselves; the generated code counts the rest). */
  n = 0;
  /** Loop iterations executed (steps of the budget, like `n`). */
  iters = 0;
  /** Values of `n` and `iters` at which `tick` runs next: every 2^20 steps, or when the budget may run out. */
  next = 0;
  nextIter = 0;
  /** Depth of speculative evaluation (both arms of a select on a symbolic condition). */
  spec = 0;
  /** FIFOs and spatial regions; a deadlock or data left in a stream fails the design. */
  readonly s = new Streams<number>((_code, text) => new RunFailure(text));
  private readonly smallConsts: Int32Array[] = [];
  /** The stateful buffers, in the order of ../state.ts (`R.states[j]` in generated code). */
  states: readonly Storage[] = [];

  constructor(
    readonly D: Dag,
    /** Source locations or descriptions of statements, referenced by index from generated code. */
    readonly sites: readonly string[],
    /** The source span of each site, for the stream runtime's reports. */
    readonly spans: readonly (Span | undefined)[],
    /** Constants the generated code refers to by index (the stream uses of each region). */
    readonly k: readonly unknown[],
    private readonly onTick: (n: number) => void,
    private readonly budget: Budget,
  ) {
    this.retarget();
  }

  /** Budget check and progress report, every 2^20 steps (throws BudgetExceeded). */
  tick(): void {
    this.budget.check(this.n + this.iters);
    this.retarget();
    this.onTick(this.n);
  }

  private retarget(): void {
    const step = Math.min(1 << 20, this.budget.left(this.n + this.iters));
    this.next = this.n + step;
    this.nextIter = this.iters + step;
  }

  /** Charges an allocation of `cells` elements to the budget before it is made. */
  charge(cells: number, what: string): void {
    this.budget.cells(cells, what, this.n + this.iters);
    this.retarget();
  }

  alloc(name: string, shape: readonly number[], fill: number): Storage {
    const cells = elementCount(shape);
    this.charge(cells, `buffer '${name}'`);
    const mem = new Int32Array(cells);
    if (fill !== 0) mem.fill(fill);
    return { name, shape, mem };
  }

  fifos(name: string, shape: readonly number[], depth: number): Fifo<number>[] {
    const n = elementCount(shape);
    this.charge(n * depth, `stream '${name}'`);
    return makeFifos(name, shape, depth);
  }

  /** The constant node of integer type t with value x (a number computed natively). */
  kn(t: number, x: number): number {
    if (x >= 0 && x < 1024) {
      let cache = this.smallConsts[t];
      if (cache === undefined) {
        cache = new Int32Array(1024).fill(-1);
        this.smallConsts[t] = cache;
      }
      const c = cache[x];
      if (c >= 0) return c;
      return (cache[x] = this.D.konst(t, BigInt(x)));
    }
    return this.D.konst(t, BigInt(x));
  }

  /** C's truncating division and remainder on int32 values, wrapped to 32 bits; a zero divisor gives 0. */
  idiv(a: number, b: number): number {
    return b === 0 ? 0 : (a / b) | 0;
  }
  irem(a: number, b: number): number {
    return b === 0 ? 0 : (a % b) | 0;
  }

  /** A node used as an index or loop bound: it must be a constant. */
  num(node: number, site: number): number {
    if (this.D.isConst(node)) return Number(this.D.value(node));
    throw new NotStatic(`an index or loop bound depends on input data at ${this.sites[site]}`);
  }

  /** A node used as a branch or loop condition: it must be a constant. */
  truth(node: number, site: number): boolean {
    if (this.D.isConst(node)) return this.D.truthy(node);
    throw new NotStatic(`control flow depends on input data at ${this.sites[site]}`);
  }

  /** Bounds check of one index. */
  ix(i: number, extent: number, buffer: string, dim: number, site: number): number {
    if (i >= 0 && i < extent) return i;
    const what = `index ${i} of dimension ${dim + 1} of '${buffer}' is outside [0, ${extent}) at ${this.sites[site]}`;
    if (this.spec > 0) throw new NotStatic(`${what} in an arm of a select on input data`);
    throw new RunFailure(`out-of-bounds access: ${what}`);
  }

  /** Check of a run-time bit position (the CPU backend's AL5015). */
  bitPos(p: number, bits: number, width: number, site: number): number {
    if (bitPosInRange({ bits, width }, p)) return p;
    const what = `${bitPosMessage({ bits, width }, p)} at ${this.sites[site]}`;
    if (this.spec > 0) throw new NotStatic(`${what} in an arm of a select on input data`);
    throw new RunFailure(`AL5015: ${what}`);
  }

  notStatic(what: string, site: number): never {
    throw new NotStatic(`${what} at ${this.sites[site]}`);
  }

  push(f: Fifo<number>, v: number): void {
    this.s.push(f, v);
  }

  pop(f: Fifo<number>): number {
    this.n++;
    return this.s.pop(f);
  }

  /** Why a unit waits (or a put or get outside any region is stuck), for the deadlock report. */
  wait(op: "put" | "get", fifo: Fifo<number>, site: number, ivs: Record<string, number>): Wait<number> {
    // One object shape for every wait keeps the scheduler's checks on them monomorphic.
    return { op, fifo, at: this.spans[site], ivs };
  }

  /** A unit's reusable wait record for one blocking site (loop indices by name only for a report). */
  site(op: "put" | "get", site: number, names: number): Wait<number> {
    return this.s.site(op, this.spans[site], this.k[names] as readonly string[]);
  }

  *waitGet(w: Wait<number>, site: number): Generator<Wait<number>, number> {
    if (this.spec > 0) this.notStatic(`a stream read in an arm of a select on input data`, site);
    yield* this.s.waitGet(w);
    return this.pop(w.fifo);
  }

  /** A get outside any spatial region: an empty FIFO can never fill. */
  getNow(w: Wait<number>, site: number, fn: string): number {
    if (this.spec > 0) this.notStatic(`a stream read in an arm of a select on input data`, site);
    if (w.fifo.n === 0) this.s.stuck(w, fn);
    return this.pop(w.fifo);
  }

  /** Runs the units of a region round-robin until all finish, like the CPU backend. */
  spatial(
    region: string,
    site: number,
    units: readonly Unit<number>[],
    uses: number,
    locals: readonly (readonly Fifo<number>[])[],
    fn: string,
  ): void {
    const span = this.spans[site];
    this.s.drive(this.s.region(region, span, units, this.k[uses] as () => StreamUses, locals), fn, span);
  }
}
