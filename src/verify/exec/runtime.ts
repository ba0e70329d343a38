// Run-time support of the symbolic executor: buffers of node ids, bounded FIFOs of node ids, the
// round-robin scheduler of spatial units (the CPU backend's semantics, docs/ir-semantics.md), and the
// two ways a symbolic run stops early: the design itself fails on every input (deadlock, data left in
// a stream, an out-of-bounds access), or the run is not statically interpretable (data-dependent
// control flow or indices), which makes the verdict "unknown" rather than a guess.

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

export class Fifo {
  readonly buf: Int32Array;
  head = 0;
  n = 0;
  puts = 0;
  gets = 0;
  constructor(
    readonly name: string,
    readonly depth: number,
  ) {
    this.buf = new Int32Array(depth);
  }
}

interface Blocked {
  readonly op: "put" | "get";
  readonly fifo: Fifo;
  readonly site: number;
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
  private qops = 0;
  private blocked: Blocked | undefined;
  private readonly smallConsts: Int32Array[] = [];

  constructor(
    readonly D: Dag,
    /** Source locations or descriptions of statements, referenced by index from generated code. */
    readonly sites: readonly string[],
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
    const cells = shape.reduce((a, b) => a * b, 1);
    this.charge(cells, `buffer '${name}'`);
    const mem = new Int32Array(cells);
    if (fill !== 0) mem.fill(fill);
    return { name, shape, mem };
  }

  fifos(name: string, shape: readonly number[], depth: number): Fifo[] {
    const n = shape.reduce((a, b) => a * b, 1);
    this.charge(n * depth, `stream '${name}'`);
    return Array.from({ length: n }, (_, k) => new Fifo(elementName(name, shape, k), depth));
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

  notStatic(what: string, site: number): never {
    throw new NotStatic(`${what} at ${this.sites[site]}`);
  }

  push(f: Fifo, v: number): void {
    f.buf[(f.head + f.n) % f.depth] = v;
    f.n++;
    f.puts++;
    this.qops++;
  }

  pop(f: Fifo): number {
    const v = f.buf[f.head];
    f.head = (f.head + 1) % f.depth;
    f.n--;
    f.gets++;
    this.qops++;
    this.n++;
    return v;
  }

  /** Records why a unit yields, for the deadlock report. */
  block(op: "put" | "get", fifo: Fifo, site: number): void {
    this.blocked = { op, fifo, site };
  }

  *waitGet(f: Fifo, site: number): Generator<void, number> {
    if (this.spec > 0) this.notStatic(`a stream read in an arm of a select on input data`, site);
    while (f.n === 0) {
      this.blocked = { op: "get", fifo: f, site };
      yield;
    }
    return this.pop(f);
  }

  putNow(f: Fifo, v: number, site: number): void {
    if (f.n === f.depth) {
      throw new RunFailure(
        `deadlock: a put outside any spatial region finds ${f.name} full (${f.n}/${f.depth}) at ${this.sites[site]}`,
      );
    }
    this.push(f, v);
  }

  getNow(f: Fifo, site: number): number {
    if (this.spec > 0) this.notStatic(`a stream read in an arm of a select on input data`, site);
    if (f.n === 0) {
      throw new RunFailure(
        `deadlock: a get outside any spatial region finds ${f.name} empty at ${this.sites[site]}`,
      );
    }
    return this.pop(f);
  }

  /** Runs the units round-robin in unit order until all finish, like the CPU backend. */
  spatial(
    region: string,
    units: readonly (() => Generator<void, void>)[],
    names: readonly string[],
    streams: readonly (readonly Fifo[])[],
  ): void {
    const gens = units.map((u) => u());
    const done = new Array<boolean>(gens.length).fill(false);
    const at = new Array<Blocked | undefined>(gens.length);
    let remaining = gens.length;
    while (remaining > 0) {
      const before = this.qops;
      let finished = false;
      for (let u = 0; u < gens.length; u++) {
        if (done[u]) continue;
        // A unit whose FIFO is still full (put) or empty (get) would block again at once: skipping
        // its resumption changes nothing but the cost.
        const b = at[u];
        if (b !== undefined && (b.op === "get" ? b.fifo.n === 0 : b.fifo.n === b.fifo.depth)) continue;
        this.blocked = undefined;
        if (gens[u].next().done) {
          done[u] = true;
          remaining--;
          finished = true;
        } else at[u] = this.blocked;
      }
      if (remaining > 0 && !finished && this.qops === before) {
        const lines = gens.flatMap((_, u) => {
          const b = at[u];
          if (done[u] || !b) return [];
          const state = b.op === "put" ? "full" : "empty";
          return [
            `${names[u]}  ${b.op} ${b.fifo.name}  ${b.fifo.n}/${b.fifo.depth} ${state}  at ${this.sites[b.site]}`,
          ];
        });
        const fin = names.filter((_, u) => done[u]);
        const tail = fin.length ? `\n  finished: ${fin.join(", ")}` : "";
        throw new RunFailure(
          `deadlock in spatial region '${region}': every unfinished unit is blocked.\n  ${lines.join("\n  ")}${tail}`,
        );
      }
    }
    const left = streams.flat().filter((f) => f.n > 0);
    if (left.length) {
      const what = left
        .map((f) => `${f.name} (${f.n} element(s), ${f.puts} puts, ${f.gets} gets)`)
        .join(", ");
      throw new RunFailure(`spatial region '${region}' ended with data left in ${what}`);
    }
  }
}
