// The orderProcesses pass: puts the units of every spatial region in the order a dataflow region calls
// them. C simulation (Vitis's and ours) runs the calls
// one after another with unbounded FIFOs, so every FIFO's producer must come first. A unit on a FIFO
// cycle (a loader that feeds a PE chain and later drains it) is split at top-level statements into
// consecutive processes `<unit>_0`, `<unit>_1`, ... wherever no local of the unit crosses the cut:
// running the first part to completion, then the rest of the chain, then the second part is one valid
// schedule of the Kahn network, so results are unchanged. A cycle that survives this has no sequential
// order (a unit interleaves writes and reads of its own feedback): the region keeps its units as they
// are and is noted as cyclic.

import type { Module, SpatialStmt, SpatialUnit, Stmt } from "../nodes.ts";
import { mapList, rewriteBlock, stmtExprs, visitStmts, walkExpr } from "../walk.ts";
import type { Pass, PassNotes } from "./pass.ts";
import { type Uses, usesOf } from "./uses.ts";

interface Process {
  readonly unit: SpatialUnit;
  readonly uses: Uses;
  /** Index of the unit it comes from, and its segment number when that unit was split. */
  readonly origin: number;
  readonly segment?: number;
}

/** For each process, the processes that must run before it: producers of a FIFO it reads, earlier segments of its unit. */
function predecessors(procs: readonly Process[]): Set<number>[] {
  // Producers by exact FIFO key (`name|1,2`), of a whole array (`name|*`), and of any element of an array.
  const byKey = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, i: number): void => {
    const l = m.get(k);
    if (l) l.push(i);
    else m.set(k, [i]);
  };
  procs.forEach((p, i) => {
    for (const put of p.uses.puts) {
      push(byKey, put, i);
      push(byName, put.slice(0, put.indexOf("|")), i);
    }
  });
  return procs.map((p, j) => {
    const pred = new Set<number>();
    const add = (l: readonly number[] | undefined): void => {
      for (const i of l ?? []) if (i !== j) pred.add(i);
    };
    for (const get of p.uses.gets) {
      const name = get.slice(0, get.indexOf("|"));
      if (get.endsWith("|*")) add(byName.get(name));
      else {
        add(byKey.get(get));
        add(byKey.get(`${name}|*`));
      }
    }
    const prev = procs[j - 1];
    if ((p.segment ?? 0) > 0 && prev?.origin === p.origin) pred.add(j - 1);
    return pred;
  });
}

/**
 * Kahn's algorithm, ties broken by position (the lowest-numbered ready process runs next); undefined
 * when the processes form a cycle. Linear in processes plus FIFO edges (and a log for the ready heap).
 */
function topo(procs: readonly Process[]): Process[] | undefined {
  const preds = predecessors(procs);
  const succs: number[][] = procs.map(() => []);
  const waiting = preds.map((s, j) => {
    for (const i of s) succs[i].push(j);
    return s.size;
  });
  const ready = new MinHeap();
  waiting.forEach((w, j) => {
    if (w === 0) ready.push(j);
  });
  const out: Process[] = [];
  for (let j = ready.pop(); j !== undefined; j = ready.pop()) {
    out.push(procs[j]);
    for (const k of succs[j]) if (--waiting[k] === 0) ready.push(k);
  }
  return out.length === procs.length ? out : undefined;
}

/** A binary min-heap of process indices. */
class MinHeap {
  private readonly a: number[] = [];
  push(x: number): void {
    const a = this.a;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): number | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ; ) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

/** Buffers a statement brings into existence (at any depth) and buffers it refers to. */
function defines(st: Stmt): string[] {
  const out: string[] = [];
  visitStmts([st], (x) => {
    if (x.kind === "alloc") out.push(x.buffer);
    if (x.kind === "call") out.push(...x.results);
  });
  return out;
}
function refers(st: Stmt): Set<string> {
  const out = new Set<string>();
  visitStmts([st], (x) => {
    if (x.kind === "store" || x.kind === "streamPut") out.add(x.kind === "store" ? x.buffer : x.stream);
    if (x.kind === "call") for (const a of x.args) if (a.kind === "buffer") out.add(a.name);
    for (const e of stmtExprs(x)) {
      walkExpr(e, (y) => {
        if (y.kind === "load") out.add(y.buffer);
        if (y.kind === "streamGet") out.add(y.stream);
      });
    }
  });
  return out;
}

/** The body cut between top-level statements wherever no local defined before the cut is used after it. */
function segments(body: readonly Stmt[]): Stmt[][] {
  const defAt = new Map<string, number>();
  const lastUse = new Map<string, number>();
  body.forEach((st, i) => {
    for (const b of defines(st)) if (!defAt.has(b)) defAt.set(b, i);
    for (const b of refers(st)) lastUse.set(b, i);
  });
  const out: Stmt[][] = [];
  body.forEach((st, c) => {
    const crossing = [...defAt].some(([b, d]) => d < c && (lastUse.get(b) ?? -1) >= c);
    if (out.length === 0 || crossing) {
      if (out.length === 0) out.push([]);
      out[out.length - 1].push(st);
    } else {
      out.push([st]);
    }
  });
  return out;
}

/** FIFO puts and gets are all ordering needs; which buffers are streams does not matter for them. */
const fifosOf = (body: readonly Stmt[]): Uses => usesOf(body, () => false);

function processOrder(units: readonly SpatialUnit[]): { procs: Process[]; cyclic: boolean } {
  const whole = units.map((unit, origin): Process => ({ unit, uses: fifosOf(unit.body), origin }));
  const direct = topo(whole);
  if (direct) return { procs: direct, cyclic: false };
  const split = whole.flatMap((p): Process[] => {
    const parts = segments(p.unit.body);
    if (parts.length < 2) return [p];
    return parts.map((body, segment) => ({
      unit: { name: `${p.unit.name}_${segment}`, body },
      uses: fifosOf(body),
      origin: p.origin,
      segment,
    }));
  });
  const ordered = topo(split);
  return ordered ? { procs: ordered, cyclic: false } : { procs: whole, cyclic: true };
}

function orderRegion(st: SpatialStmt, notes: PassNotes): SpatialStmt {
  const units = mapList(st.units, (u) => {
    const body = orderBlock(u.body, notes);
    return body === u.body ? u : { ...u, body };
  });
  const { procs, cyclic } = processOrder(units);
  if (cyclic) notes.cyclic.push(st.name);
  const same = procs.length === units.length && procs.every((p, k) => p.unit === units[k]);
  return same && units === st.units ? st : { ...st, units: procs.map((p) => p.unit) };
}

const orderBlock = (b: readonly Stmt[], notes: PassNotes): readonly Stmt[] =>
  rewriteBlock(b, (st) => (st.kind === "spatial" ? [orderRegion(st, notes)] : undefined));

/** Orders (and where a FIFO cycle needs it, splits) the units of every spatial region. */
export const orderProcesses: Pass = (m: Module, notes) => {
  const functions = mapList(m.functions, (f) => {
    const body = orderBlock(f.body, notes);
    return body === f.body ? f : { ...f, body };
  });
  return functions === m.functions ? m : { ...m, functions };
};
