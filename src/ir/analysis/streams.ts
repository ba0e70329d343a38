// The stream network of a spatial region, computed once for every backend and the verifier: which
// FIFOs each block puts to and gets from (by constant index, or the whole array when an index is not a
// constant), the producer and consumer units of every stream, and a topological order of processes
// (producers before consumers) that visits each FIFO edge once.

import { constIndex } from "../build.ts";
import type { Expr, Func, SpatialStmt, Stmt } from "../nodes.ts";
import { childBlocks, stmtExprs, visitStmts, walkExpr } from "../walk.ts";

export type FifoOp = "put" | "get";

/** One kind of access of a block to a FIFO: its constant indices, or null when one is not a constant. */
export interface FifoAccess {
  readonly stream: string;
  readonly op: FifoOp;
  readonly indices: readonly number[] | null;
  /** `name|1,2` for constant indices, `name|*` for the whole array. */
  readonly key: string;
}

/** Key of a constant index tuple of a FIFO array. */
export const indexKey = (idx: readonly number[]): string => idx.join(",");

function constIndices(indices: readonly Expr[]): number[] | null {
  const idx = indices.map(constIndex);
  return idx.every((i) => i !== undefined) ? (idx as number[]) : null;
}

export const fifoKey = (name: string, indices: readonly Expr[]): string => {
  const idx = constIndices(indices);
  return `${name}|${idx ? indexKey(idx) : "*"}`;
};

/** The accesses of each block asked for (IR is immutable): ordering a PE array's units and drawing its graph walk the same units. */
const accessesOf = new WeakMap<readonly Stmt[], readonly FifoAccess[]>();

/**
 * Every distinct (op, FIFO) a block accesses, at any depth, in first-use order: a statement's put
 * comes before the gets in its expressions.
 */
export function fifoAccesses(body: readonly Stmt[]): readonly FifoAccess[] {
  const known = accessesOf.get(body);
  if (known) return known;
  const out: FifoAccess[] = [];
  const seen = new Set<string>();
  const note = (stream: string, op: FifoOp, ix: readonly Expr[]): void => {
    const indices = constIndices(ix);
    const key = `${stream}|${indices ? indexKey(indices) : "*"}`;
    if (seen.has(`${op}:${key}`)) return;
    seen.add(`${op}:${key}`);
    out.push({ stream, op, indices, key });
  };
  visitStmts(body, (st) => {
    if (st.kind === "streamPut") note(st.stream, "put", st.indices);
    for (const e of stmtExprs(st))
      walkExpr(e, (x) => x.kind === "streamGet" && note(x.stream, "get", x.indices));
  });
  accessesOf.set(body, out);
  return out;
}

/** The FIFO keys a block puts to and gets from. */
export function fifoSets(body: readonly Stmt[]): { puts: Set<string>; gets: Set<string> } {
  const puts = new Set<string>();
  const gets = new Set<string>();
  for (const a of fifoAccesses(body)) (a.op === "put" ? puts : gets).add(a.key);
  return { puts, gets };
}

/** For each stream used in a region, which units put to and get from it (constant indices or any). */
export type StreamUses = Readonly<
  Record<string, readonly { unit: string; op: FifoOp; indices: readonly number[] | null }[]>
>;

/** The producers and consumers of every stream the units use. */
export function streamUses(
  units: readonly { readonly name: string; readonly body: readonly Stmt[] }[],
): StreamUses {
  const uses: Record<string, { unit: string; op: FifoOp; indices: readonly number[] | null }[]> = {};
  for (const u of units) {
    for (const a of fifoAccesses(u.body))
      (uses[a.stream] ??= []).push({ unit: u.name, op: a.op, indices: a.indices });
  }
  return uses;
}

/** The streams a block puts to or gets from outside statement `skip` (at any depth). */
function streamsOutside(body: readonly Stmt[], skip: Stmt, out = new Set<string>()): Set<string> {
  for (const st of body) {
    if (st === skip) continue;
    if (st.kind === "streamPut") out.add(st.stream);
    for (const e of stmtExprs(st)) walkExpr(e, (x) => x.kind === "streamGet" && out.add(x.stream));
    for (const c of childBlocks(st)) streamsOutside(c, skip, out);
  }
  return out;
}

/**
 * The local streams a region owns: every value put to them must be got by the time it ends. Streams a
 * unit allocates belong to that unit's own (nested) region, not to this one; a stream the function also
 * uses outside the region (an enclosing region's other units) outlives it.
 */
export function regionLocalStreams(
  f: Func,
  s: SpatialStmt,
  /** The units to read (the verifier passes one template per group of alike instances). */
  units: SpatialStmt["units"] = s.units,
): string[] {
  const inner = new Set<string>();
  for (const u of units) visitStmts(u.body, (st) => st.kind === "alloc" && inner.add(st.buffer));
  const candidates = Object.keys(streamUses(units)).filter(
    (n) => f.buffers[n]?.role === "local" && !inner.has(n),
  );
  if (candidates.length === 0) return candidates;
  const outside = streamsOutside(f.body, s);
  return candidates.filter((n) => !outside.has(n));
}

/** The units that put (or get) element `indices` of `stream`, comma-separated; "?" when none does. */
export function endsOf(
  uses: StreamUses | undefined,
  stream: string,
  indices: readonly number[],
  op: FifoOp,
): string {
  const names = (uses?.[stream] ?? [])
    .filter((u) => u.op === op && (u.indices === null || u.indices.every((x, k) => x === indices[k])))
    .map((u) => u.unit);
  return names.length ? [...new Set(names)].join(",") : "?";
}

/** A process of a network for ordering: the FIFO keys it puts and gets, and a process that must run first. */
export interface OrderNode {
  readonly puts: Iterable<string>;
  readonly gets: Iterable<string>;
  /** Index of a process that must come before this one (an earlier segment of the same unit). */
  readonly after?: number;
}

export interface Order {
  /** Process indices, producers first; undefined when the FIFOs form a cycle. */
  readonly order: number[] | undefined;
  /** FIFO edges looked at while ordering: linear in the network's edges, whatever its size. */
  readonly visited: number;
}

/** For each process, the processes that must run before it, and the edges looked at to find them. */
function predecessors(nodes: readonly OrderNode[]): { preds: Set<number>[]; visited: number } {
  // Producers by exact FIFO key (`name|1,2`), of a whole array (`name|*`), and of any element of an array.
  const byKey = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, i: number): void => {
    const l = m.get(k);
    if (l) l.push(i);
    else m.set(k, [i]);
  };
  nodes.forEach((p, i) => {
    for (const put of p.puts) {
      push(byKey, put, i);
      push(byName, put.slice(0, put.indexOf("|")), i);
    }
  });
  let visited = 0;
  const preds = nodes.map((p, j) => {
    const pred = new Set<number>();
    const add = (l: readonly number[] | undefined): void => {
      for (const i of l ?? []) {
        visited++;
        if (i !== j) pred.add(i);
      }
    };
    for (const get of p.gets) {
      const name = get.slice(0, get.indexOf("|"));
      if (get.endsWith("|*")) add(byName.get(name));
      else {
        add(byKey.get(get));
        add(byKey.get(`${name}|*`));
      }
    }
    if (p.after !== undefined) pred.add(p.after);
    return pred;
  });
  return { preds, visited };
}

/**
 * Kahn's algorithm over FIFO edges, ties broken by position (the lowest-numbered ready process runs
 * next, so an acyclic region keeps its written order wherever the FIFOs allow). Each edge is visited
 * once to build the predecessor sets and once to release its consumer; the ready heap adds a log
 * factor in processes only.
 */
export function processOrder(nodes: readonly OrderNode[]): Order {
  const { preds, visited: found } = predecessors(nodes);
  let visited = found;
  const succs: number[][] = nodes.map(() => []);
  const waiting = preds.map((s, j) => {
    for (const i of s) succs[i].push(j);
    return s.size;
  });
  const ready = new MinHeap();
  waiting.forEach((w, j) => {
    if (w === 0) ready.push(j);
  });
  const out: number[] = [];
  for (let j = ready.pop(); j !== undefined; j = ready.pop()) {
    out.push(j);
    for (const k of succs[j]) {
      visited++;
      if (--waiting[k] === 0) ready.push(k);
    }
  }
  return { order: out.length === nodes.length ? out : undefined, visited };
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
