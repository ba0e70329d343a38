// Random valid schedules for the differential fuzzer. A step is drawn from every primitive with
// arguments picked from the current IR (loop and band handles, buffers, functions); steps a primitive
// refuses with an AlloError are simply not taken. The only semantic knowledge is per kernel: which loops
// carry a dependence (their relative order must stay: float reductions) and which are free to unfold.

import { AlloError } from "../../../src/diagnostics/error.ts";
import type { Schedule } from "../../../src/index.ts";
import { constTripCount } from "../../../src/ir/analysis/trip-count.ts";
import type { ForStmt, Func, Module, PartitionType } from "../../../src/ir/nodes.ts";
import { visitExprs, visitStmts } from "../../../src/ir/walk.ts";
import { type BufferHandle, LoopHandle, type SpatialHandle } from "../../../src/schedule/handles.ts";
import { perfectChain } from "../../../src/schedule/primitives/util/loops.ts";

export interface FuzzKernel {
  readonly kernel: Function;
  /** Base loop names whose relative order must not change (reductions whose order matters). */
  readonly ordered: readonly string[];
  /** Base loop names whose iterations are independent (may become PEs). */
  readonly parallel: readonly string[];
}

type Rand = () => number;

/** Thrown when the IR offers nothing to pick: the step is not taken. */
class Nothing {}

function pick<T>(r: Rand, xs: readonly T[]): T {
  if (xs.length === 0) throw new Nothing();
  return xs[Math.floor(r() * xs.length)];
}
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** "i.outer" -> {i}, "i_j_fused" -> {i, j}, "j_init" -> {j}. */
const bases = (name: string): string[] =>
  name
    .split(/[._]/)
    .filter((p) => !["outer", "inner", "fused", "init", "back", ""].includes(p) && !/^\d+$/.test(p));

interface State {
  readonly s: Schedule;
  readonly k: FuzzKernel;
  readonly r: Rand;
  readonly buffers: BufferHandle[];
  readonly regions: SpatialHandle[];
  /** The number of steps the schedule may have. */
  readonly length: number;
}

function loops(s: Schedule): { h: LoopHandle; func: Func; loop: ForStmt }[] {
  const out: { h: LoopHandle; func: Func; loop: ForStmt }[] = [];
  for (const func of s.ir.functions) {
    visitStmts(func.body, (x) => {
      if (x.kind === "for") out.push({ h: handleOf(func, x), func, loop: x });
    });
  }
  return out;
}

function bufferNames(m: Module): string[] {
  return m.functions.flatMap((f) =>
    Object.values(f.buffers)
      .filter((b) => b.shape.length > 0)
      .map((b) => `${f.name}:${b.name}`),
  );
}

const isOrdered = (k: FuzzKernel, l: ForStmt) => bases(l.name).some((b) => k.ordered.includes(b));

/** A reorder that keeps the relative order of dependence-carrying loops, or undefined. */
function legalReorder(st: State, chain: readonly ForStmt[], func: Func): LoopHandle[] | undefined {
  const { r, k } = st;
  if (chain.length < 2) return undefined;
  const chosen = chain.filter(() => r() < 0.6);
  while (chosen.length < 2) {
    const l = pick(r, chain);
    if (!chosen.includes(l)) chosen.push(l);
  }
  chosen.sort((a, b) => chain.indexOf(a) - chain.indexOf(b));
  const perm = [...chosen].sort(() => r() - 0.5);
  const positions = chosen.map((l) => chain.indexOf(l));
  const order = [...chain];
  positions.forEach((p, i) => {
    order[p] = perm[i];
  });
  const ord = order.filter((l) => isOrdered(k, l));
  if (ord.some((l, i) => i > 0 && chain.indexOf(ord[i - 1]) > chain.indexOf(l))) return undefined;
  return perm.map((l) => handleOf(func, l));
}

const handleOf = (func: Func, l: ForStmt): LoopHandle => new LoopHandle(func.name, l.iv, l.name);

const STEPS: Record<string, (st: State) => void> = {
  split: (st) => st.s.split(pick(st.r, loops(st.s)).h, int(st.r, 1, 5)),
  reorder: (st) => {
    const l = pick(
      st.r,
      loops(st.s).filter((x) => perfectChain(x.loop).length >= 2),
    );
    const perm = legalReorder(st, perfectChain(l.loop), l.func);
    if (perm) st.s.reorder(...perm);
  },
  fuse: (st) => {
    const l = pick(st.r, loops(st.s));
    const chain = perfectChain(l.loop).slice(0, int(st.r, 2, 3));
    st.s.fuse(...chain.map((x) => handleOf(l.func, x)));
  },
  unroll: (st) => st.s.unroll(pick(st.r, loops(st.s)).h, int(st.r, 0, 4)),
  pipeline: (st) => st.s.pipeline(pick(st.r, loops(st.s)).h, { ii: int(st.r, 1, 3), rewind: st.r() < 0.3 }),
  parallel: (st) => st.s.parallel(pick(st.r, loops(st.s)).h),
  dataflow: (st) =>
    st.s.dataflow(st.r() < 0.5 ? pick(st.r, st.s.ir.functions).name : pick(st.r, loops(st.s)).h),
  inline: (st) => st.s.inline(pick(st.r, st.s.ir.functions).name),
  partition: (st) => {
    const type = pick<PartitionType>(st.r, ["complete", "block", "cyclic"]);
    st.s.partition(pick(st.r, bufferNames(st.s.ir)), { type, dim: int(st.r, 0, 2), factor: int(st.r, 1, 4) });
  },
  reshape: (st) => {
    const name = pick(st.r, bufferNames(st.s.ir));
    const [fn, b] = name.split(":");
    const shape = st.s.ir.functions.find((f) => f.name === fn)!.buffers[b].shape;
    const n = shape.reduce((a, x) => a * x, 1);
    const divisors = [...Array(n).keys()].map((d) => d + 1).filter((d) => n % d === 0);
    const d = pick(st.r, divisors);
    st.s.reshape(name, st.r() < 0.3 ? [n] : [d, n / d]);
  },
  bufferAt: (st) => {
    const l = pick(st.r, loops(st.s));
    st.buffers.push(st.s.bufferAt(pick(st.r, accessed(l.func, l.loop, true)), l.h));
  },
  reuseAt: (st) => {
    const l = pick(st.r, loops(st.s));
    st.buffers.push(st.s.reuseAt(pick(st.r, accessed(l.func, l.loop, false)), l.h));
  },
  computeAt: (st) => {
    const func = pick(st.r, st.s.ir.functions);
    const heads = func.body.filter((x): x is ForStmt => x.kind === "for");
    const p = pick(st.r, heads);
    const c = pick(st.r, heads.slice(heads.indexOf(p) + 1));
    const depth = int(st.r, 0, Math.min(perfectChain(p).length, perfectChain(c).length) - 1);
    st.s.computeAt(handleOf(func, perfectChain(p)[depth]), handleOf(func, perfectChain(c)[depth]));
  },
  systolic: (st) => {
    // The seed's output-stationary array: buffer the inputs at the band's second loop, unfold the
    // two outer loops, relay the inputs along rows and columns.
    const band = pick(
      st.r,
      loops(st.s).filter((x) => x.loop.attrs.opName !== undefined && perfectChain(x.loop).length >= 3),
    );
    const [i, j] = perfectChain(band.loop);
    if (![i, j].every((x) => bases(x.name).every((b) => st.k.parallel.includes(b)))) return;
    const ins = accessed(band.func, j, false).filter((b) => !written(band.func, j).includes(b));
    if (st.s.steps.length + 1 + 2 * ins.length > st.length) return;
    const bufs = ins.map((b) => st.s.bufferAt(b, handleOf(band.func, j)));
    const pe = st.s.unfold(band.h, { axis: [0, 1] });
    bufs.forEach((b, n) => {
      st.s.relay(b, pe, { axis: n % 2, depth: int(st.r, 1, 3) });
    });
  },
  unfold: (st) => {
    const l = pick(
      st.r,
      loops(st.s).filter((x) => x.loop.attrs.opName !== undefined),
    );
    const chain = perfectChain(l.loop);
    const axes = chain.flatMap((x, a) =>
      bases(x.name).every((b) => st.k.parallel.includes(b)) && st.r() < 0.6 ? [a] : [],
    );
    const factor = axes.map((a) => {
      const t = constTripCount(chain[a]) ?? 1;
      return pick(
        st.r,
        [...Array(t).keys()].map((d) => d + 1).filter((d) => t % d === 0),
      );
    });
    st.regions.push(st.s.unfold(l.h, { axis: axes, factor }));
  },
  relay: (st) => {
    if (st.buffers.length === 0 || st.regions.length === 0) return;
    const region = pick(st.r, st.regions);
    const axis = st.r() < 0.3 ? undefined : int(st.r, 0, 2);
    st.s.relay(pick(st.r, st.buffers), region, { axis, depth: int(st.r, 1, 3) });
  },
};

/** How often each step is drawn: structural rewrites more than annotations. */
const WEIGHTS: Readonly<Record<string, number>> = {
  split: 3,
  reorder: 4,
  fuse: 2,
  unroll: 1,
  pipeline: 1,
  parallel: 1,
  dataflow: 1,
  inline: 0.5,
  partition: 1,
  reshape: 1.5,
  bufferAt: 2,
  reuseAt: 2,
  computeAt: 4,
  unfold: 2,
  relay: 1,
  systolic: 3,
};
const TOTAL = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);

function drawStep(r: Rand): string {
  let x = r() * TOTAL;
  for (const [name, w] of Object.entries(WEIGHTS)) if ((x -= w) < 0) return name;
  return "split";
}

/** Qualified names of the buffers read (or, with `stores`, also written) inside a loop. */
function accessed(func: Func, loop: ForStmt, stores: boolean): string[] {
  const names = new Set<string>();
  visitExprs(loop.body, (e) => {
    if (e.kind === "load" && func.buffers[e.buffer].shape.length > 0) names.add(e.buffer);
  });
  if (stores) for (const b of written(func, loop)) names.add(b);
  return [...names].sort().map((b) => `${func.name}:${b}`);
}

function written(func: Func, loop: ForStmt): string[] {
  const names = new Set<string>();
  visitStmts(loop.body, (x) => {
    if (x.kind === "store" && func.buffers[x.buffer].shape.length > 0) names.add(`${func.name}:${x.buffer}`);
  });
  return [...names];
}

/**
 * Applies up to `n` random steps (at least one must apply: refused steps are redrawn up to a limit).
 * Throws whatever is not an AlloError refusal (that is a bug for the fuzzer to report).
 */
export function randomSchedule(s: Schedule, k: FuzzKernel, r: Rand, n: number): void {
  const st: State = { s, k, r, buffers: [], regions: [], length: n };
  for (let tries = 0; s.steps.length < n && tries < n * 8; tries++) {
    const name = drawStep(r);
    try {
      STEPS[name](st);
    } catch (e) {
      if (!(e instanceof Nothing) && !(e instanceof AlloError && e.code.startsWith("AL3"))) throw e;
    }
  }
}
