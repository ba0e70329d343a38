// The cosim-like timing of a dataflow region (beside the csynth-equivalent one of ./dataflow.ts): each
// process has a stream phase (its longest pipelined loop: trip count N at II, iteration latency IL)
// preceded by a head of `offset` cycles. A FIFO consumer's stream phase starts when the producer's first
// token arrives and cannot end before its last one does (the slower side sets the rate); a producer
// cannot finish writing until its consumer has read all but the FIFO's depth (back-pressure); a
// ping-pong consumer starts when its producer is done. Latency = the last end; interval = the longest
// time any process is busy (+ intervalExtra). Solved by relaxation to a fixed point.

import { type Process, producers } from "./dataflow.ts";
import type { LoopRow } from "./row.ts";

/** The stream phase of a process (a process without a pipelined loop streams nothing: N = 1). */
export interface StreamPhase {
  /** Cycles from the process's start to its stream phase (the first read). */
  readonly offset: number;
  readonly trip: number;
  readonly ii: number;
  readonly il: number;
}

/**
 * A process's stream phase: its longest top-level loop row (II, trip count, IL), after a head. A
 * sequential row streams at the rate of its longest pipelined loop, run once per iteration of the
 * loops around it (a PE's output loops around its MAC loop, a loader's row steps around its puts):
 * its iterations, spread evenly over the row, and that loop's IL.
 */
export function streamPhase(latency: number, rows: readonly LoopRow[]): StreamPhase {
  const top = rows.filter((r) => r.depth === 0);
  const main = top.reduce<LoopRow | undefined>((m, r) => (!m || r.latency > m.latency ? r : m), undefined);
  if (!main || main.tripCount === 0) return { offset: 0, trip: 1, ii: 1, il: latency };
  const inner = main.ii === undefined ? pipelinedIn(rows, rows.indexOf(main)) : undefined;
  const trip = inner?.trip ?? main.tripCount;
  const il = Math.max(1, inner?.il ?? main.iterationLatency);
  const ii = inner
    ? Math.max(inner.ii, (main.latency - il) / Math.max(1, trip - 1))
    : (main.ii ?? main.iterationLatency);
  const offset = Math.max(0, latency - ii * (trip - 1) - il);
  return { offset, trip, ii, il };
}

/** The longest pipelined row inside row `at` (rows in pre-order): its iterations over all runs, II, IL. */
function pipelinedIn(
  rows: readonly LoopRow[],
  at: number,
): { trip: number; ii: number; il: number } | undefined {
  let end = at + 1;
  while (end < rows.length && rows[end].depth > rows[at].depth) end++;
  let best: number | undefined;
  for (let k = at + 1; k < end; k++)
    if (rows[k].ii !== undefined && (best === undefined || rows[k].latency > rows[best].latency)) best = k;
  if (best === undefined) return undefined;
  // Runs: the trip counts of the rows around it, each the nearest earlier row one level up.
  let trip = rows[best].tripCount;
  for (let k = best - 1, depth = rows[best].depth - 1; k >= at && depth >= rows[at].depth; k--)
    if (rows[k].depth === depth) {
      trip *= rows[k].tripCount;
      depth--;
    }
  return { trip, ii: rows[best].ii as number, il: rows[best].iterationLatency };
}

export interface CosimProcess extends Process {
  readonly stream: StreamPhase;
}

export function cosimTiming(
  ps: readonly CosimProcess[],
  depthOf: (fifo: string) => number,
  intervalExtra: number,
): { latency: number; interval: number } {
  if (ps.length === 0) return { latency: 0, interval: 1 };
  const putters = producers(ps, (p) => p.puts);
  const writers = producers(ps, (p) => p.writes);
  const fifo: { from: number; to: number; depth: number }[] = [];
  const pipo: { from: number; to: number }[] = [];
  ps.forEach((c, j) => {
    for (const k of c.gets)
      for (const i of putters.get(k) ?? []) if (i !== j) fifo.push({ from: i, to: j, depth: depthOf(k) });
    for (const b of c.reads) {
      const w = writers.get(b) ?? [];
      if (w.length === 1 && w[0] < j) pipo.push({ from: w[0], to: j });
    }
  });
  const span = (p: CosimProcess) => p.stream.ii * Math.max(0, p.stream.trip - 1);
  // Per process: begin, stream start (first read) and stream end (last read); end = stream end + IL.
  const begin = ps.map(() => 0);
  const first = ps.map((p) => p.stream.offset);
  const last = ps.map((p) => p.stream.offset + span(p));
  const end = (i: number) => last[i] + ps[i].stream.il;
  const raise = (a: number[], i: number, v: number): boolean => {
    if (v <= a[i]) return false;
    a[i] = v;
    return true;
  };
  // A FIFO cycle can keep raising times; after as many rounds as processes the rest is left as it is.
  for (let round = 0; round <= ps.length + 1; round++) {
    let changed = false;
    for (const { from, to } of pipo) changed = raise(begin, to, end(from)) || changed;
    ps.forEach((p, i) => {
      changed = raise(first, i, begin[i] + p.stream.offset) || changed;
      changed = raise(last, i, first[i] + span(p)) || changed;
    });
    for (const { from: q, to: p, depth } of fifo) {
      changed = raise(first, p, first[q] + ps[q].stream.il) || changed;
      changed = raise(last, p, last[q] + ps[q].stream.il) || changed;
      // The producer's token N - depth waits for the consumer to take token 1, and so on. The
      // consumer takes the N tokens evenly over its stream phase, whose loop need not run once per
      // token (a PE's outer loop takes many).
      const n = Math.max(1, ps[q].stream.trip);
      const behind = (Math.max(0, n - depth) / n) * ps[p].stream.ii * ps[p].stream.trip;
      changed = raise(last, q, first[p] + behind - ps[q].stream.il) || changed;
    }
    if (!changed) break;
  }
  const latency = Math.max(...ps.map((_, i) => end(i)));
  const busy = Math.max(...ps.map((_, i) => end(i) - begin[i]));
  return { latency, interval: busy + intervalExtra };
}
