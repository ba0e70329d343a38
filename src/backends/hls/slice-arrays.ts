// The sliceArrays pass: a process of a dataflow region gets only the part of an array it touches. When
// every access of an array parameter in a process's function starts with the same constant indices
// (PE(i, j) reads and writes only C[i][j]), the call passes that part (`C[i][j]` or the row `C[i]`) and
// the parameter loses those dims. Each process then owns its part: the array has one writer per part,
// which is what Vitis's dataflow checks ask. Run after outlineUnits, before shareProcesses (which would
// otherwise see the coordinates in the bodies).

import { constIndex, idx } from "../../ir/build.ts";
import type {
  BufferDecl,
  CallArg,
  CallStmt,
  Expr,
  Func,
  Module,
  Partition,
  SpatialStmt,
  SpatialUnit,
  Stmt,
} from "../../ir/nodes.ts";
import type { Pass } from "../../ir/passes/pass.ts";
import { mapBlock, mapList, rewriteBlock, stmtExprs, visitStmts, walkExpr } from "../../ir/walk.ts";

/**
 * The constant index prefix all accesses of each buffer in `body` share (one walk for every buffer);
 * a buffer passed on to a call or allocated here maps to undefined.
 */
export function commonPrefixes(body: readonly Stmt[]): Map<string, number[] | undefined> {
  const prefixes = new Map<string, number[] | undefined>();
  const see = (buffer: string, ix: readonly Expr[]) => {
    if (prefixes.has(buffer) && prefixes.get(buffer) === undefined) return;
    const prefix = prefixes.get(buffer);
    const consts: number[] = [];
    for (const e of ix) {
      const c = constIndex(e);
      if (c === undefined || (prefix && consts.length >= prefix.length)) break;
      consts.push(c);
    }
    if (prefix === undefined) return void prefixes.set(buffer, consts);
    let n = 0;
    while (n < prefix.length && n < consts.length && prefix[n] === consts[n]) n++;
    prefix.length = n;
  };
  const passed: string[] = [];
  visitStmts(body, (st) => {
    if (st.kind === "store") see(st.buffer, st.indices);
    if (st.kind === "call") for (const a of st.args) if (a.kind === "buffer") passed.push(a.name);
    if (st.kind === "alloc") passed.push(st.buffer);
    for (const e of stmtExprs(st)) walkExpr(e, (x) => void (x.kind === "load" && see(x.buffer, x.indices)));
  });
  for (const n of passed) prefixes.set(n, undefined);
  return prefixes;
}

/** The parameter without its first `p` dims (partitions of dropped dims go, later ones shift). */
function sliced(b: BufferDecl, p: number): BufferDecl {
  const shape = b.shape.slice(p);
  const partitions: Partition[] = shape.length
    ? b.partitions
        .filter((q) => q.dim === 0 || q.dim > p)
        .map((q) => (q.dim === 0 ? q : { ...q, dim: q.dim - p }))
    : [];
  const { layout, ...rest } = b;
  return { ...rest, shape, partitions, ...(layout && shape.length ? { layout: layout.slice(p) } : {}) };
}

/** The callee with each parameter of `cuts` cut to its part after that many constant indices. */
function sliceParams(f: Func, cuts: ReadonlyMap<string, number>): Func {
  const drop = (name: string, ix: readonly Expr[]) => ix.slice(cuts.get(name));
  const body = mapBlock(
    f.body,
    (e) => (e.kind === "load" && cuts.has(e.buffer) ? { ...e, indices: drop(e.buffer, e.indices) } : e),
    (st) =>
      st.kind === "store" && cuts.has(st.buffer) ? { ...st, indices: drop(st.buffer, st.indices) } : st,
  );
  const buffers = { ...f.buffers };
  for (const [name, p] of cuts) buffers[name] = sliced(f.buffers[name], p);
  return { ...f, body, buffers };
}

/** Counts the calls of every function of `m`. */
function callCounts(m: Module): Map<string, number> {
  const calls = new Map<string, number>();
  visitStmts(
    m.functions.flatMap((f) => f.body),
    (st) => void (st.kind === "call" && calls.set(st.callee, (calls.get(st.callee) ?? 0) + 1)),
  );
  return calls;
}

/**
 * The processes of a module's regions: for a unit that is one call of a function nothing else calls
 * (what outlineUnits makes), that call and function; undefined for any other unit.
 */
export function processesOf(m: Module): (u: SpatialUnit) => { call: CallStmt; f: Func } | undefined {
  const funcs = new Map(m.functions.map((f) => [f.name, f]));
  const calls = callCounts(m);
  return (u) => {
    const call = u.body[0];
    const f = call?.kind === "call" && u.body.length === 1 ? funcs.get(call.callee) : undefined;
    return f && call.kind === "call" && calls.get(f.name) === 1 && call.results.length === 0
      ? { call, f }
      : undefined;
  };
}

/** Slices the array arguments of every process call of the regions in `m`. */
export const sliceArrays: Pass = (m: Module) => {
  const processOf = processesOf(m);
  // Applied after the walk, so a process that holds a region of its own keeps that rewrite too.
  const cuts = new Map<string, Map<string, number>>();
  const region = (st: SpatialStmt): SpatialStmt => {
    const units = mapList(st.units, (u) => {
      const proc = processOf(u);
      if (!proc) return u;
      const { call, f } = proc;
      const mine = new Map<string, number>();
      let prefixes: Map<string, number[] | undefined> | undefined;
      const args = call.args.map((a, k): CallArg => {
        const p = f.params[k];
        const b = p?.kind === "buffer" ? f.buffers[p.name] : undefined;
        if (a.kind !== "buffer" || a.at || !b || b.stream || b.shape.length === 0 || p.kind !== "buffer")
          return a;
        prefixes ??= commonPrefixes(f.body);
        const prefix = prefixes.get(p.name);
        if (!prefix?.length) return a;
        mine.set(p.name, prefix.length);
        return { ...a, at: prefix.map(idx) };
      });
      if (mine.size === 0) return u;
      cuts.set(f.name, mine);
      return { ...u, body: [{ ...call, args }] };
    });
    return units === st.units ? st : { ...st, units };
  };
  const functions = mapList(m.functions, (f) => {
    const body = rewriteBlock(f.body, (st) => (st.kind === "spatial" ? [region(st)] : undefined));
    return body === f.body ? f : { ...f, body };
  });
  if (functions === m.functions) return m;
  const cut = (f: Func) => {
    const mine = cuts.get(f.name);
    return mine ? sliceParams(f, mine) : f;
  };
  return { ...m, functions: functions.map(cut) };
};
