// reshape(buffer, shape): give a buffer a new shape with the same number of elements and the same
// row-major order, rewriting every access. Exact: element k of the flat buffer stays element k.

import { idx, idxOp } from "../../ir/build.ts";
import type { Expr, Module, Stmt } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { mapChildBlocks, mapList, mapStmtExprs, visitStmts } from "../../ir/walk.ts";
import type { BufferRef } from "../refs.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { getFunc, withFunc } from "./util/loops.ts";

const P = "reshape";

/**
 * Reshapes `buf` to `shape` (positive integers with the same product, else AL3013).
 *
 * Before (A: [4, 6]): `A[i][j]`
 * After  (A: [2, 2, 6]): `A[i / 2][i % 2][j]`
 *
 * Dimensions are matched in groups whose extents have equal products (here [4] ~ [2, 2] and [6] ~ [6]),
 * so each new index only involves the old indices of its group; in the worst case one group linearizes
 * the whole index. Not allowed (AL3013): streams, partitioned buffers (partition after reshaping),
 * buffers passed to or returned from calls, and a callee's own parameters and results (either way the
 * callee's interface would change).
 */
export function reshape(m: Module, buf: BufferRef, shape: readonly number[]): PrimitiveResult {
  const f = getFunc(m, buf.func, P);
  const decl = f.buffers[buf.buffer];
  if (!decl) throw primitiveError("AL3003", P, `no buffer '${buf.buffer}' in '${f.name}'`);
  const name = decl.name;
  const old = `[${decl.shape.join(", ")}]`;
  const want = `[${shape.join(", ")}]`;
  if (shape.length === 0 || shape.some((n) => !Number.isInteger(n) || n < 1)) {
    throw primitiveError(
      "AL3013",
      P,
      `the new shape ${want} of '${name}' must be a list of positive integers`,
    );
  }
  if (elementCount(shape) !== elementCount(decl.shape)) {
    throw primitiveError(
      "AL3013",
      P,
      `'${name}' has shape ${old} (${elementCount(decl.shape)} elements); the new shape ${want} has ${elementCount(shape)}`,
    );
  }
  if (decl.stream) throw primitiveError("AL3013", P, `'${name}' is a stream; only memory can be reshaped`);
  if (decl.partitions.length > 0) {
    throw primitiveError("AL3013", P, `'${name}' is already partitioned; reshape it before partitioning`);
  }
  const role = f.results.includes(name) ? "result" : f.params.some((p) => p.name === name) ? "parameter" : "";
  if (role && f.name !== m.top) {
    throw primitiveError(
      "AL3013",
      P,
      `'${name}' is a ${role} of '${f.name}', which is called by other functions; a reshape would change its interface`,
    );
  }
  visitStmts(f.body, (s) => {
    const used =
      s.kind === "call" &&
      (s.results.includes(name) || s.args.some((a) => a.kind === "buffer" && a.name === name));
    if (used && s.kind === "call") {
      throw primitiveError(
        "AL3013",
        P,
        `'${name}' is passed to or returned from '${s.callee}'; a reshape would change that interface`,
      );
    }
  });
  if (shape.length === decl.shape.length && shape.every((n, k) => n === decl.shape[k])) return { module: m };
  const remap = indexMap(decl.shape, shape);
  const onExpr = (e: Expr): Expr =>
    e.kind === "load" && e.buffer === name ? { ...e, indices: remap(e.indices) } : e;
  const block = (b: readonly Stmt[]): readonly Stmt[] =>
    mapList(b, (s) => {
      let t = mapStmtExprs(s, onExpr);
      if (t.kind === "store" && t.buffer === name) t = { ...t, indices: remap(t.indices) };
      return mapChildBlocks(t, block);
    });
  const body = block(f.body);
  const buffers = { ...f.buffers, [name]: { ...decl, shape: [...shape] } };
  return { module: withFunc(m, { ...f, body, buffers }) };
}

/** Old indices -> new indices, group by group (groups of dimensions with equal extent products). */
function indexMap(from: readonly number[], to: readonly number[]): (ix: readonly Expr[]) => Expr[] {
  const groups: { olds: number[]; news: number[] }[] = [];
  let i = 0;
  let j = 0;
  while (i < from.length || j < to.length) {
    const olds: number[] = [];
    const news: number[] = [];
    let a = 1;
    let b = 1;
    const takeOld = () => {
      olds.push(i);
      a *= from[i++];
    };
    const takeNew = () => {
      news.push(j);
      b *= to[j++];
    };
    if (i < from.length) takeOld();
    if (j < to.length) takeNew();
    // Equal totals guarantee a dimension remains on the side with the smaller product.
    while (a !== b) (a < b ? takeOld : takeNew)();
    groups.push({ olds, news });
  }
  return (ix) => {
    const out: Expr[] = [];
    for (const g of groups) {
      let linear: Expr = idx(0);
      for (const d of g.olds) linear = idxOp("+", idxOp("*", linear, idx(from[d])), ix[d]);
      let stride = g.news.reduce((s, d) => s * to[d], 1);
      g.news.forEach((d, k) => {
        stride /= to[d];
        const q = idxOp("/", linear, idx(stride));
        out.push(k === 0 ? q : idxOp("%", q, idx(to[d])));
      });
    }
    return out;
  };
}
