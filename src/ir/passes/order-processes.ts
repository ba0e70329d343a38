// The orderProcesses pass: puts the units of every spatial region in the order a dataflow region calls
// them. C simulation (Vitis's and ours) runs the calls
// one after another with unbounded FIFOs, so every FIFO's producer must come first. A unit on a FIFO
// cycle (a loader that feeds a PE chain and later drains it) is split at top-level statements into
// consecutive processes `<unit>_0`, `<unit>_1`, ... wherever no local of the unit crosses the cut:
// running the first part to completion, then the rest of the chain, then the second part is one valid
// schedule of the Kahn network, so results are unchanged. A cycle that survives this has no sequential
// order (a unit interleaves writes and reads of its own feedback): the region keeps its units as they
// are and is noted as cyclic.

import { fifoSets, processOrder } from "../analysis/streams.ts";
import type { Module, SpatialStmt, SpatialUnit, Stmt } from "../nodes.ts";
import { mapList, rewriteBlock, stmtExprs, visitStmts, walkExpr } from "../walk.ts";
import type { Pass, PassNotes } from "./pass.ts";

interface Process {
  readonly unit: SpatialUnit;
  /** FIFO keys it puts to and gets from. */
  readonly uses: { readonly puts: Set<string>; readonly gets: Set<string> };
  /** Index of the unit it comes from, and its segment number when that unit was split. */
  readonly origin: number;
  readonly segment?: number;
}

/** The processes in an order C simulation can call them; undefined when their FIFOs form a cycle. */
function topo(procs: readonly Process[]): Process[] | undefined {
  const { order } = processOrder(
    procs.map((p, j) => ({
      puts: p.uses.puts,
      gets: p.uses.gets,
      after: (p.segment ?? 0) > 0 && procs[j - 1]?.origin === p.origin ? j - 1 : undefined,
    })),
  );
  return order?.map((j) => procs[j]);
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

function unitOrder(units: readonly SpatialUnit[]): { procs: Process[]; cyclic: boolean } {
  const whole = units.map((unit, origin): Process => ({ unit, uses: fifoSets(unit.body), origin }));
  const direct = topo(whole);
  if (direct) return { procs: direct, cyclic: false };
  const split = whole.flatMap((p): Process[] => {
    const parts = segments(p.unit.body);
    if (parts.length < 2) return [p];
    return parts.map((body, segment) => ({
      unit: { name: `${p.unit.name}_${segment}`, body },
      uses: fifoSets(body),
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
  const { procs, cyclic } = unitOrder(units);
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
