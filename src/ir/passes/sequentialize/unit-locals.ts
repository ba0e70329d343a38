// The locals of a region's units once they share one sequential scope: a buffer several units each
// allocate gets one copy per unit. Arrays each unit allocates once, zero-filled, before any other use
// (a PE's row buffer) become rows of one stacked array allocated with the region, so a 16x16 array
// allocates two arrays per run rather than 512; any other such local is renamed per unit.

import { idx } from "../../build.ts";
import type { BufferDecl, Func, SpatialStmt, Stmt } from "../../nodes.ts";
import { mapBlockExprs, mapChildBlocks, mapList, stmtExprs, visitStmts, walkExpr } from "../../walk.ts";

export interface UnitLocals {
  /** Allocations of the stacked arrays, to run where the region starts. */
  readonly allocs: readonly Stmt[];
  /** A unit's statements with its locals renamed or stacked. */
  rewrite(unit: number, b: readonly Stmt[]): readonly Stmt[];
}

/** Per unit: buffer -> its copy, and (for a stacked array) the unit's row in it. */
type Copies = ReadonlyMap<string, { readonly name: string; readonly row?: number }>;

/** Whether a buffer is mentioned in a statement (at any depth). */
function mentions(st: Stmt, n: string): boolean {
  let found = false;
  visitStmts([st], (x) => {
    if ((x.kind === "store" || x.kind === "alloc") && x.buffer === n) found = true;
    if (
      x.kind === "call" &&
      (x.results.includes(n) || x.args.some((a) => a.kind === "buffer" && a.name === n))
    )
      found = true;
    for (const e of stmtExprs(x)) walkExpr(e, (y) => y.kind === "load" && y.buffer === n && (found = true));
  });
  return found;
}

/** An array the unit allocates once at top level, zero-filled, before any other use, never passed on. */
function stackable(body: readonly Stmt[], n: string, decl: BufferDecl): boolean {
  if (decl.shape.length === 0) return false;
  const uses = body.filter((st) => mentions(st, n));
  const first = uses[0];
  if (
    first?.kind !== "alloc" ||
    (first.init !== undefined && first.init.value !== 0n && first.init.value !== 0)
  )
    return false;
  let again = false;
  for (const st of body) {
    visitStmts([st], (x) => {
      if (x !== first && x.kind === "alloc" && x.buffer === n) again = true;
      if (x.kind === "call" && mentions(x, n)) again = true;
    });
  }
  return !again;
}

export function unitLocals(
  s: SpatialStmt,
  f: Func,
  fresh: (hint: string) => string,
  decls: Record<string, BufferDecl>,
): UnitLocals {
  const definedBy = s.units.map((u) => {
    const out = new Set<string>();
    visitStmts(u.body, (x) => {
      if (x.kind === "alloc") out.add(x.buffer);
      if (x.kind === "call") for (const r of x.results) out.add(r);
    });
    return out;
  });
  const count = new Map<string, number>();
  for (const d of definedBy) for (const n of d) count.set(n, (count.get(n) ?? 0) + 1);
  const shared = [...count].filter(([, c]) => c > 1).map(([n]) => n);
  const copies: Map<string, { name: string; row?: number }>[] = s.units.map(() => new Map());
  const allocs: Stmt[] = [];
  for (const n of shared) {
    const users = s.units.flatMap((_, k) => (definedBy[k].has(n) ? [k] : []));
    if (users.every((k) => stackable(s.units[k].body, n, f.buffers[n]))) {
      const name = fresh(`${n}_rows`);
      const { layout: _, ...decl } = f.buffers[n];
      decls[name] = { ...decl, name, shape: [users.length, ...decl.shape], partitions: [] };
      allocs.push({ kind: "alloc", buffer: name });
      for (const [row, k] of users.entries()) copies[k].set(n, { name, row });
    } else {
      for (const k of users) {
        const name = fresh(`${n}_${s.units[k].name}`);
        decls[name] = { ...f.buffers[n], name };
        copies[k].set(n, { name });
      }
    }
  }
  return { allocs, rewrite: (unit, b) => rewriteLocals(b, copies[unit]) };
}

/** Renames a unit's locals (loads, stores, allocs, call arguments and results); a stacked one gets its row. */
function rewriteLocals(b: readonly Stmt[], copies: Copies): readonly Stmt[] {
  if (copies.size === 0) return b;
  const to = (n: string): string => copies.get(n)?.name ?? n;
  const rowOf = (n: string) => copies.get(n)?.row;
  const loads = mapBlockExprs(b, (e) => {
    if (e.kind !== "load" || !copies.has(e.buffer)) return e;
    const row = rowOf(e.buffer);
    return { ...e, buffer: to(e.buffer), indices: row === undefined ? e.indices : [idx(row), ...e.indices] };
  });
  const stmts = (block: readonly Stmt[]): readonly Stmt[] =>
    mapList(block, (st) => {
      let next: Stmt = st;
      if (st.kind === "store" && copies.has(st.buffer)) {
        const row = rowOf(st.buffer);
        next = {
          ...st,
          buffer: to(st.buffer),
          indices: row === undefined ? st.indices : [idx(row), ...st.indices],
        };
      }
      if (st.kind === "alloc" && copies.has(st.buffer)) next = { ...st, buffer: to(st.buffer) };
      if (st.kind === "call") {
        const args = st.args.map((a) => (a.kind === "buffer" ? { ...a, name: to(a.name) } : a));
        next = { ...st, args, results: st.results.map(to) };
      }
      return mapChildBlocks(next, stmts);
    });
  // A stacked array's own allocation is the region's: the unit's alloc goes.
  const dropped = (block: readonly Stmt[]): readonly Stmt[] =>
    block.filter((st) => !(st.kind === "alloc" && rowOf(st.buffer) !== undefined));
  return stmts(dropped(loads));
}
