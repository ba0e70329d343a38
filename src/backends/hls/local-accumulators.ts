// A PE that read-modify-writes its part of an array (a tiled PE's `C[p*2 + i][q*2 + j] += a * b` in its
// k loop) accumulates in a local scalar instead: around the outermost block in which every access of
// the array is to one element, the scalar is read from that element (when the block reads it before
// writing it), the block works on the scalar, and the scalar is stored back once at the end. The PE's
// only accesses of the array are then those reads and stores, which drainWrites turns into FIFOs from a
// feed process and to a store process: one writer of the array. A feed reads the array before any store
// lands, so the rewrite holds only when the PE reads each element once: distinct iterations of the
// loops around the block must reach distinct elements.

import { affineOf } from "../../ir/analysis/affine.ts";
import { load } from "../../ir/build.ts";
import type { Expr, ForStmt, Stmt } from "../../ir/nodes.ts";
import { canonical } from "../../ir/same.ts";
import { mapBlock, stmtExprs, visitStmts, walkExpr } from "../../ir/walk.ts";
import { control } from "./skeleton.ts";

/** The array being accumulated and the PE-local scalar that takes its place. */
export interface Accumulation {
  readonly array: string;
  readonly local: string;
  readonly type: Expr["type"];
}

interface Access {
  readonly indices: readonly Expr[];
  /** The access is a store at the block's top level whose value does not read the array. */
  readonly plainTopStore: boolean;
}

/** The block's accesses of the array in program order (a store's value before the store). */
function accessesOf(b: readonly Stmt[], array: string): Access[] {
  const out: Access[] = [];
  const top = new Set(b);
  const seeLoad = (x: Expr) => {
    if (x.kind === "load" && x.buffer === array) out.push({ indices: x.indices, plainTopStore: false });
  };
  visitStmts(b, (st) => {
    const before = out.length;
    for (const e of stmtExprs(st)) walkExpr(e, seeLoad);
    if (st.kind === "store" && st.buffer === array)
      out.push({ indices: st.indices, plainTopStore: top.has(st) && out.length === before });
  });
  return out;
}

/** The ivs of the loops inside a block. */
function innerIvs(b: readonly Stmt[]): Set<string> {
  const ivs = new Set<string>();
  visitStmts(b, (st) => void (st.kind === "for" && ivs.add(st.iv)));
  return ivs;
}

/** The one element every access reaches, when its indices use no loop of the block and load nothing. */
function oneElement(accesses: readonly Access[], inner: ReadonlySet<string>): readonly Expr[] | undefined {
  const [first] = accesses;
  const key = canonical(first.indices);
  if (!accesses.every((a) => canonical(a.indices) === key)) return undefined;
  let free = true;
  for (const e of first.indices) walkExpr(e, (x) => void (free &&= !(x.kind === "iv" && inner.has(x.name))));
  return free && first.indices.every(control) ? first.indices : undefined;
}

/**
 * Whether distinct iterations of `loops` reach distinct elements at `indices`: each loop's iv is the
 * only variable of some affine index (with a non-zero coefficient), so it alone sets that index.
 */
function injective(indices: readonly Expr[], loops: readonly ForStmt[]): boolean {
  const forms = indices.map((e) => affineOf(e));
  if (!forms.every((f) => f !== undefined)) return false;
  return loops.every((l) => l.step > 0 && forms.some((f) => f.terms.size === 1 && f.terms.has(l.iv)));
}

/** `b` working on the local scalar, with the read before it and the store after it. */
function accumulated(b: readonly Stmt[], at: readonly Expr[], acc: Accumulation, first: Access): Stmt[] {
  const { array, local, type } = acc;
  const inner = mapBlock(
    b,
    (e) => (e.kind === "load" && e.buffer === array ? load(local, [], e.type) : e),
    (st) => (st.kind === "store" && st.buffer === array ? { ...st, buffer: local, indices: [] } : st),
  );
  const read: Stmt[] = first.plainTopStore
    ? []
    : [{ kind: "store", buffer: local, indices: [], value: load(array, at, type) }];
  const write: Stmt = { kind: "store", buffer: array, indices: at, value: load(local, [], type) };
  return [{ kind: "alloc", buffer: local }, ...read, ...inner, write];
}

/**
 * The PE body with its accesses of the array done on the local scalar (see the head of this file), or
 * undefined when some access sits outside such a block (under a branch, at an index that moves inside
 * the block, or where an element would be read twice).
 */
export function accumulateLocally(body: readonly Stmt[], acc: Accumulation): readonly Stmt[] | undefined {
  const walk = (b: readonly Stmt[], loops: readonly ForStmt[]): readonly Stmt[] | undefined => {
    const accesses = accessesOf(b, acc.array);
    if (accesses.length === 0) return b;
    const at = oneElement(accesses, innerIvs(b));
    if (at) return injective(at, loops) ? accumulated(b, at, acc, accesses[0]) : undefined;
    const out: Stmt[] = [];
    for (const st of b) {
      const own = st.kind === "for" ? { ...st, body: [] } : st;
      if (accessesOf([own], acc.array).length > 0) return undefined;
      if (st.kind !== "for") {
        out.push(st);
        continue;
      }
      const inner = walk(st.body, [...loops, st]);
      if (!inner) return undefined;
      out.push(inner === st.body ? st : { ...st, body: inner });
    }
    return out;
  };
  return walk(body, []);
}
