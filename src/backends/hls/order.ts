// The order in which a dataflow region calls its units. C simulation (Vitis's and ours) runs the calls
// one after another with unbounded FIFOs, so every FIFO's producer must come first. A unit on a FIFO
// cycle (a loader that feeds a PE chain and later drains it) is split at top-level statements into
// consecutive processes `<unit>_0`, `<unit>_1`, ... wherever no local of the unit crosses the cut:
// running the first part to completion, then the rest of the chain, then the second part is one valid
// schedule of the Kahn network, so results are unchanged. A cycle that survives this has no sequential
// order (a unit interleaves writes and reads of its own feedback): `cyclic` is then true.

import type { SpatialUnit, Stmt } from "../../ir/nodes.ts";
import { stmtExprs, visitStmts, walkExpr } from "../../ir/walk.ts";
import type { Uses } from "./units.ts";

export interface Process {
  readonly unit: SpatialUnit;
  readonly uses: Uses;
  /** Index of the unit it comes from, and its segment number when that unit was split. */
  readonly origin: number;
  readonly segment?: number;
}

const sameFifo = (p: string, g: string): boolean => {
  if (p === g) return true;
  const [ps, gs] = [p.split("|"), g.split("|")];
  return ps[0] === gs[0] && (ps[1] === "*" || gs[1] === "*");
};
const feeds = (u: Uses, v: Uses): boolean => [...u.puts].some((p) => [...v.gets].some((g) => sameFifo(p, g)));

/** Kahn's algorithm, ties broken by position; undefined when the processes form a cycle. */
function topo(procs: readonly Process[]): Process[] | undefined {
  const n = procs.length;
  const before = (i: number, j: number): boolean =>
    i !== j &&
    (feeds(procs[i].uses, procs[j].uses) ||
      (procs[i].origin === procs[j].origin && (procs[i].segment ?? 0) < (procs[j].segment ?? 0)));
  const done = new Set<number>();
  const out: Process[] = [];
  while (out.length < n) {
    const next = [...Array(n).keys()].find(
      (j) => !done.has(j) && [...Array(n).keys()].every((i) => done.has(i) || !before(i, j)),
    );
    if (next === undefined) return undefined;
    done.add(next);
    out.push(procs[next]);
  }
  return out;
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
export function segments(body: readonly Stmt[]): Stmt[][] {
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

export function processOrder(
  units: readonly SpatialUnit[],
  usesOf: (body: readonly Stmt[]) => Uses,
): { procs: Process[]; cyclic: boolean } {
  const whole = units.map((unit, origin): Process => ({ unit, uses: usesOf(unit.body), origin }));
  const direct = topo(whole);
  if (direct) return { procs: direct, cyclic: false };
  const split = whole.flatMap((p): Process[] => {
    const parts = segments(p.unit.body);
    if (parts.length < 2) return [p];
    return parts.map((body, segment) => ({
      unit: { name: `${p.unit.name}_${segment}`, body },
      uses: usesOf(body),
      origin: p.origin,
      segment,
    }));
  });
  const ordered = topo(split);
  return ordered ? { procs: ordered, cyclic: false } : { procs: whole, cyclic: true };
}
