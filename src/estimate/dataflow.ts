// Dataflow regions and PE arrays as csynth reports them: processes (the units of a spatial region, or the
// statements of a `dataflow` function) connected by FIFOs (streams: producer and consumer start together)
// and ping-pong buffers (an array one process writes and later ones read: the consumers start when the
// producer is done; an array several processes write is taken as written in disjoint parts). Region latency = the longest such path, interval = the slowest process + the
// profile's dataflow.intervalExtra.

import { constIndex } from "../ir/build.ts";
import type { Expr, Func, Stmt } from "../ir/nodes.ts";
import { stmtExprs, visitStmts, walkExpr } from "../ir/walk.ts";

export interface Process {
  readonly latency: number;
  readonly interval: number;
  readonly reads: ReadonlySet<string>;
  readonly writes: ReadonlySet<string>;
  /** Streams it reads / writes. */
  readonly gets: ReadonlySet<string>;
  readonly puts: ReadonlySet<string>;
}

/** A region's csynth-equivalent timing and, beside it, the cosim-like one (./cosim.ts). */
export interface RegionTiming {
  readonly latency: number;
  readonly interval: number;
  readonly cosim: { readonly latency: number; readonly interval: number };
}

/** A stream element as a key: the stream and its constant indices (the whole stream when they vary). */
function fifoKey(stream: string, indices: readonly Expr[]): string {
  const at = indices.map(constIndex);
  return at.every((x) => x !== undefined) ? `${stream}[${at.join(",")}]` : stream;
}

type Io = Pick<Process, "reads" | "writes" | "gets" | "puts">;

/** The streams (by name, whatever elements) a callee gets from and puts to, by its body. */
const calleeStreams = new WeakMap<Func, { gets: ReadonlySet<string>; puts: ReadonlySet<string> }>();

/** A stream access keyed by the stream alone, whatever its indices. */
const streamName = (stream: string): string => stream;

/** Whether a callee reads and writes the FIFO its parameter `p` is (by the streams its body uses). */
function fifoUse(
  f: Func,
  p: string,
  funcOf: (name: string) => Func | undefined,
): { get: boolean; put: boolean } {
  let streams = calleeStreams.get(f);
  if (!streams) {
    // By name: a PE array's thousands of callees are walked without element keys.
    const { gets, puts } = processIo(f.body, (b) => f.buffers[b]?.stream !== undefined, funcOf, streamName);
    streams = { gets, puts };
    calleeStreams.set(f, streams);
  }
  return { get: streams.gets.has(p), put: streams.puts.has(p) };
}

/**
 * The buffers and stream elements (by `key`, fifoKey unless told) a process's statements read and
 * write. A FIFO passed to a call is read or written as the callee uses it (`funcOf` finds the callee);
 * without the callee, both.
 */
export function processIo(
  body: readonly Stmt[],
  isStream: (b: string) => boolean,
  funcOf: (name: string) => Func | undefined = () => undefined,
  key: (stream: string, indices: readonly Expr[]) => string = fifoKey,
): Io {
  const reads = new Set<string>();
  const writes = new Set<string>();
  const gets = new Set<string>();
  const puts = new Set<string>();
  visitStmts(body, (st) => {
    if (st.kind === "store") writes.add(st.buffer);
    if (st.kind === "streamPut") puts.add(key(st.stream, st.indices));
    if (st.kind === "call") {
      const callee = funcOf(st.callee);
      st.args.forEach((a, k) => {
        if (a.kind !== "buffer") return;
        if (!isStream(a.name)) {
          reads.add(a.name);
          writes.add(a.name);
          return;
        }
        const p = callee?.params[k];
        const use =
          callee && p?.kind === "buffer" ? fifoUse(callee, p.name, funcOf) : { get: true, put: true };
        if (use.get) gets.add(a.name);
        if (use.put) puts.add(a.name);
      });
      for (const r of st.results) writes.add(r);
    }
    for (const e of stmtExprs(st))
      walkExpr(e, (x) => {
        if (x.kind === "load") reads.add(x.buffer);
        if (x.kind === "streamGet") gets.add(key(x.stream, x.indices));
      });
  });
  return { reads, writes, gets, puts };
}

/** Producers of each key over processes (by index). */
export function producers<P extends Process>(
  ps: readonly P[],
  of: (p: P) => ReadonlySet<string>,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  ps.forEach((p, i) => {
    for (const k of of(p)) {
      const l = out.get(k);
      if (l) l.push(i);
      else out.set(k, [i]);
    }
  });
  return out;
}

/** Arrays that are ping-pong channels: one process writes them and a later one reads them (the PIPO edges). */
export function pipoChannels(ps: readonly Process[]): string[] {
  const writers = producers(ps, (p) => p.writes);
  return [...writers].flatMap(([b, w]) =>
    w.length === 1 && ps.some((c, j) => j > w[0] && c.reads.has(b)) ? [b] : [],
  );
}

/** csynth-equivalent latency and interval of processes run as one dataflow region, in program order. */
export function regionTiming(
  ps: readonly Process[],
  intervalExtra: number,
): { latency: number; interval: number } {
  if (ps.length === 0) return { latency: 0, interval: 1 };
  // Edges (from, to, weight): a PIPO edge waits for the producer to finish, a FIFO edge only for it to start.
  const out: { to: number; w: number }[][] = ps.map(() => []);
  const writers = producers(ps, (p) => p.writes);
  const putters = producers(ps, (p) => p.puts);
  ps.forEach((c, j) => {
    // An array with several writers is written in disjoint parts (a PE array's output): no PIPO order.
    for (const b of c.reads) {
      const w = writers.get(b) ?? [];
      if (w.length === 1 && w[0] < j) out[w[0]].push({ to: j, w: ps[w[0]].latency });
    }
    for (const f of c.gets) for (const i of putters.get(f) ?? []) if (i !== j) out[i].push({ to: j, w: 0 });
  });
  const start = ps.map(() => 0);
  const updates = ps.map(() => 0);
  const work = ps.map((_, i) => i);
  // Longest path by relaxation; a node relaxed more than n times sits on a cycle with a PIPO edge (a
  // design that cannot run) and keeps its value.
  while (work.length) {
    const i = work.pop() as number;
    for (const { to, w } of out[i]) {
      if (start[i] + w <= start[to] || updates[to] > ps.length) continue;
      start[to] = start[i] + w;
      updates[to]++;
      work.push(to);
    }
  }
  const latency = Math.max(...ps.map((p, k) => start[k] + p.latency));
  return { latency, interval: Math.max(...ps.map((p) => p.interval)) + intervalExtra };
}
