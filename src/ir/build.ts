// Small constructors for IR nodes, so frontend, primitives and tests build nodes the same way.

import { BOOL, type ElemType, INDEX } from "../types/dtype.ts";
import type { BinaryOp } from "../types/typing-rules.ts";
import type { ConstExpr, Expr, ForStmt, LoopAttrs, Stmt } from "./nodes.ts";
import { elementCount } from "./shape.ts";

export const constOf = (type: ElemType, value: bigint | number): ConstExpr => ({
  kind: "const",
  type,
  value,
});
export const idx = (n: number | bigint): ConstExpr => constOf(INDEX, BigInt(n));
export const ivRef = (name: string): Expr => ({ kind: "iv", type: INDEX, name });
export const load = (buffer: string, indices: readonly Expr[], type: ElemType): Expr => ({
  kind: "load",
  type,
  buffer,
  indices,
});
export const cast = (value: Expr, type: ElemType): Expr => ({ kind: "cast", type, value });
export const bitcastOf = (value: Expr, type: ElemType): Expr => ({ kind: "bitcast", type, value });
export const bin = (op: BinaryOp, lhs: Expr, rhs: Expr, type: ElemType): Expr => ({
  kind: "binary",
  op,
  lhs,
  rhs,
  type,
});
export const cmp = (op: BinaryOp, lhs: Expr, rhs: Expr): Expr => ({
  kind: "binary",
  op,
  lhs,
  rhs,
  type: BOOL,
});

/** Index arithmetic with constant folding of the trivial cases (x + 0, x * 1, c1 op c2). */
export function idxOp(op: "+" | "-" | "*" | "/" | "%" | "min" | "max", a: Expr, b: Expr): Expr {
  if (a.kind === "const" && b.kind === "const") {
    const x = a.value as bigint;
    const y = b.value as bigint;
    const r =
      op === "+"
        ? x + y
        : op === "-"
          ? x - y
          : op === "*"
            ? x * y
            : op === "/"
              ? x / y
              : op === "%"
                ? x % y
                : op === "min"
                  ? x < y
                    ? x
                    : y
                  : x > y
                    ? x
                    : y;
    return idx(r);
  }
  if ((op === "+" || op === "-") && b.kind === "const" && b.value === 0n) return a;
  if (op === "+" && a.kind === "const" && a.value === 0n) return b;
  if ((op === "*" || op === "/") && b.kind === "const" && b.value === 1n) return a;
  if (op === "*" && a.kind === "const" && a.value === 1n) return b;
  return bin(op, a, b, INDEX);
}

export function forLoop(
  iv: string,
  name: string,
  lb: Expr,
  ub: Expr,
  body: readonly Stmt[],
  attrs: LoopAttrs = {},
  step = 1,
): ForStmt {
  return { kind: "for", iv, name, lb, ub, step, attrs, body };
}

/** The indices of element `e` of an array of `shape` in row-major order (`e / stride % extent`). */
export function rowMajorIndices(shape: readonly number[], e: Expr): Expr[] {
  return shape.map((n, k) => {
    const q = idxOp("/", e, idx(elementCount(shape.slice(k + 1))));
    return k === 0 ? q : idxOp("%", q, idx(n));
  });
}

/** The constant value of an index expression, or undefined. */
export function constIndex(e: Expr): number | undefined {
  return e.kind === "const" && typeof e.value === "bigint" ? Number(e.value) : undefined;
}
