// The static schedule of a spatial region, found at compile time where one exists: the units' top-level
// statements are interleaved into one sequential program (stream-free statements one at a time, stream
// loops of equal trip count fused in lockstep, producers first), and every FIFO's occupancy is tracked
// exactly along that order. A plan is returned only when every get finds a value, every put finds room
// (occupancy within the FIFO's depth) and every FIFO ends empty: the sequential program is then one run
// of the bounded Kahn network, so (its stream operations being data-independent) every run completes
// with the same values and none can deadlock. Anything not provable this way is refused.

import { constIndex } from "../../build.ts";
import type { Expr, ForStmt, Func, SpatialStmt, Stmt } from "../../nodes.ts";
import { childBlocks, stmtExprs, visitStmts, walkExpr } from "../../walk.ts";

/** One stream operation of a statement: the FIFO (`name|i,j`) and whether it puts. */
export interface Op {
  readonly fifo: string;
  readonly put: boolean;
}

/** A unit's statement run as a step of a fused loop: a loop's body per iteration, or a statement once. */
export interface Member {
  readonly unit: number;
  readonly loop?: ForStmt;
  /** The loop's body, or the statement itself. */
  readonly body: readonly Stmt[];
  readonly trip: number;
  /** Each body statement's stream operations, in evaluation order (gets, then the put). */
  readonly ops: readonly (readonly Op[])[];
}

export type Step =
  | { readonly kind: "plain"; readonly unit: number; readonly stmt: Stmt }
  | {
      readonly kind: "fused";
      readonly trip: number;
      readonly members: readonly Member[];
      /** Per FIFO: puts and gets done before the step starts (the ring positions of its first op). */
      readonly base: ReadonlyMap<string, { readonly puts: number; readonly gets: number }>;
    };

export interface Plan {
  readonly steps: readonly Step[];
  /** The largest occupancy of each FIFO along the schedule (its storage: a scalar when at most 1). */
  readonly peak: ReadonlyMap<string, number>;
}

type IsStream = (buffer: string) => boolean;

/** A call that hands a stream to its callee: what it does to the FIFO is not visible here. */
const passesStream = (s: Stmt, isStream: IsStream): boolean =>
  s.kind === "call" && s.args.some((a) => a.kind === "buffer" && isStream(a.name));

function touchesStreams(s: Stmt, isStream: IsStream): boolean {
  let found = false;
  visitStmts([s], (x) => {
    if (x.kind === "streamPut" || x.kind === "spatial" || passesStream(x, isStream)) found = true;
    for (const e of stmtExprs(x)) walkExpr(e, (y) => y.kind === "streamGet" && (found = true));
  });
  return found;
}

/** The ops of one statement with no stream operation in a child block; undefined when not static. */
function stmtOps(s: Stmt, isStream: IsStream): Op[] | undefined {
  if (passesStream(s, isStream) || childBlocks(s).some((b) => b.some((x) => touchesStreams(x, isStream))))
    return undefined;
  const ops: Op[] = [];
  let ok = true;
  const note = (stream: string, indices: readonly Expr[], put: boolean): void => {
    const ix = indices.map(constIndex);
    if (ix.some((i) => i === undefined)) ok = false;
    ops.push({ fifo: `${stream}|${ix.join(",")}`, put });
  };
  for (const e of stmtExprs(s))
    walkExpr(e, (x) => x.kind === "streamGet" && note(x.stream, x.indices, false));
  if (s.kind === "streamPut") note(s.stream, s.indices, true);
  // Two operations on one FIFO in a statement would make the slot order depend on evaluation order.
  if (new Set(ops.map((o) => o.fifo)).size < ops.length) ok = false;
  return ok ? ops : undefined;
}

/** A stream statement as a member: a static-trip loop whose body has static ops, or one statement. */
function member(unit: number, s: Stmt, isStream: IsStream): Member | undefined {
  if (s.kind === "for") {
    const [lb, ub] = [constIndex(s.lb), constIndex(s.ub)];
    if (lb === undefined || ub === undefined || s.step <= 0) return undefined;
    const ops = s.body.map((b) => stmtOps(b, isStream));
    if (ops.some((o) => o === undefined)) return undefined;
    return {
      unit,
      loop: s,
      body: s.body,
      trip: Math.max(0, Math.ceil((ub - lb) / s.step)),
      ops: ops as Op[][],
    };
  }
  const ops = stmtOps(s, isStream);
  return ops && { unit, body: [s], trip: 1, ops: [ops] };
}

/** Producers before consumers among the members (by FIFO), otherwise in unit order. */
function orderMembers(ms: readonly Member[]): Member[] {
  const puts = new Map<string, number>();
  ms.forEach((m, k) => {
    for (const o of m.ops.flat()) if (o.put) puts.set(o.fifo, k);
  });
  const out: Member[] = [];
  const state = ms.map(() => 0); // 0 new, 1 visiting, 2 placed
  const place = (k: number): void => {
    if (state[k] !== 0) return;
    state[k] = 1;
    for (const o of ms[k].ops.flat()) {
      const p = o.put ? undefined : puts.get(o.fifo);
      if (p !== undefined && p !== k) place(p);
    }
    state[k] = 2;
    out.push(ms[k]);
  };
  for (let k = 0; k < ms.length; k++) place(k);
  return out;
}

interface Occupancy {
  n: number;
  puts: number;
  gets: number;
}

/**
 * Checks one fused step against the depths: occupancy at each op is linear in the iteration, so the
 * first and the last iteration bound it. Returns the member whose op fails, or the per-FIFO deltas.
 */
function check(
  ms: readonly Member[],
  trip: number,
  occ: ReadonlyMap<string, Occupancy>,
  depth: (fifo: string) => number,
  peak: Map<string, number>,
): { bad: Member } | { delta: Map<string, { puts: number; gets: number }> } {
  const delta = new Map<string, { puts: number; gets: number }>();
  for (const m of ms) {
    for (const o of m.ops.flat()) {
      const d = delta.get(o.fifo) ?? { puts: 0, gets: 0 };
      delta.set(o.fifo, d);
      if (o.put) d.puts++;
      else d.gets++;
    }
  }
  const seen = new Map<string, number>();
  const peaks: [string, number][] = [];
  for (const m of ms) {
    for (const o of m.ops.flat()) {
      const before = seen.get(o.fifo) ?? 0;
      const n = before + (o.put ? 1 : -1);
      seen.set(o.fifo, n);
      const d = delta.get(o.fifo)!;
      const start = occ.get(o.fifo)?.n ?? 0;
      const last = start + (trip - 1) * (d.puts - d.gets);
      for (const at of [start + n, last + n]) {
        if (at < 0 || at > depth(o.fifo)) return { bad: m };
        peaks.push([o.fifo, at]);
      }
    }
  }
  for (const [f, at] of peaks) peak.set(f, Math.max(peak.get(f) ?? 0, at));
  return { delta };
}

/** The schedule of a region, or undefined when it cannot be proven (then the region runs as coroutines). */
export function planRegion(f: Func, s: SpatialStmt): Plan | undefined {
  const units = s.units.map((u) => u.body);
  const ptr = units.map(() => 0);
  const occ = new Map<string, Occupancy>();
  const peak = new Map<string, number>();
  const steps: Step[] = [];
  const depth = (fifo: string): number => f.buffers[fifo.slice(0, fifo.indexOf("|"))]?.stream?.depth ?? 0;
  const isStream: IsStream = (b) => f.buffers[b]?.stream !== undefined;
  for (;;) {
    const current: Member[] = [];
    units.forEach((body, u) => {
      for (; ptr[u] < body.length; ptr[u]++) {
        const st = body[ptr[u]];
        const m = touchesStreams(st, isStream) ? member(u, st, isStream) : undefined;
        // A statement without stream operations (or a loop that runs no iteration) runs at once.
        if (m && m.trip > 0) {
          current.push(m);
          break;
        }
        if (m === undefined && touchesStreams(st, isStream)) break;
        steps.push({ kind: "plain", unit: u, stmt: st });
      }
    });
    const open = units.filter((b, u) => ptr[u] < b.length).length;
    if (open === 0) break;
    if (current.length < open) return undefined; // a unit's next stream statement is not static
    const step = pickStep(current, occ, depth, peak);
    if (!step) return undefined;
    steps.push(step);
    for (const m of step.members) ptr[m.unit]++;
  }
  for (const o of occ.values()) if (o.n !== 0) return undefined;
  return { steps, peak };

  function pickStep(
    current: readonly Member[],
    occ: Map<string, Occupancy>,
    depth: (fifo: string) => number,
    peak: Map<string, number>,
  ): Extract<Step, { kind: "fused" }> | undefined {
    for (const trip of new Set(current.map((m) => m.trip))) {
      let ms = orderMembers(current.filter((m) => m.trip === trip));
      while (ms.length > 0) {
        const r = check(ms, trip, occ, depth, peak);
        if ("bad" in r) {
          ms = ms.filter((m) => m !== r.bad);
          continue;
        }
        const base = new Map(
          [...r.delta.keys()].map((k) => [k, { ...(occ.get(k) ?? { puts: 0, gets: 0 }) }]),
        );
        for (const [k, d] of r.delta) {
          const o = occ.get(k) ?? { n: 0, puts: 0, gets: 0 };
          occ.set(k, {
            n: o.n + trip * (d.puts - d.gets),
            puts: o.puts + trip * d.puts,
            gets: o.gets + trip * d.gets,
          });
        }
        return { kind: "fused", trip, members: ms, base };
      }
    }
    return undefined;
  }
}
