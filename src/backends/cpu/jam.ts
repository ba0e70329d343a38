// Unroll-and-jam legality (register blocking): `for j { for k { C[..j..] op= f(j, k) } }` may run four
// j iterations side by side inside one k loop (four accumulators in locals, each operand load shared
// by the copies through the JS engine) when the copies cannot see each other: the inner loop holds
// only stores and branches, its bounds do not use j, and every store goes to an element that scalar
// replacement keeps in a local and that is a different element for every j.

import { exactAffine } from "../../ir/analysis/affine.ts";
import type { Range } from "../../ir/analysis/range.ts";
import type { Expr, ForStmt, Stmt } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { stmtExprs, visitStmts, walkExpr } from "../../ir/walk.ts";
import type { Promotion } from "./promote.ts";

/** How many outer iterations run side by side. */
export const JAM = 4;

const usesIv = (e: Expr, iv: string): boolean => {
  let found = false;
  walkExpr(e, (x) => {
    found ||= x.kind === "iv" && x.name === iv;
  });
  return found;
};

/** The inner loop of a loop whose body is exactly one loop of stores and branches, else undefined. */
export function innerOf(s: ForStmt): ForStmt | undefined {
  const inner = s.body.length === 1 && s.body[0].kind === "for" ? s.body[0] : undefined;
  if (!inner || usesIv(inner.lb, s.iv) || usesIv(inner.ub, s.iv)) return undefined;
  let simple = true;
  visitStmts(inner.body, (x: Stmt) => {
    simple &&= x.kind === "store" || x.kind === "if";
    for (const e of stmtExprs(x)) walkExpr(e, (y) => void (simple &&= y.kind !== "streamGet"));
  });
  return simple ? inner : undefined;
}

/**
 * Whether the inner loop's copies for different values of `iv` touch disjoint written elements: each
 * stored buffer is promoted, and its element's flat offset moves with `iv`.
 */
export function jammable(
  iv: string,
  inner: ForStmt,
  promos: readonly Promotion[],
  shape: (buffer: string) => readonly number[],
  ivRange: (iv: string) => Range | undefined,
): boolean {
  const stored = new Set<string>();
  visitStmts(inner.body, (x) => {
    if (x.kind === "store") stored.add(x.buffer);
  });
  if (stored.size === 0) return false;
  return [...stored].every((b) => {
    const p = promos.find((q) => q.buffer === b);
    if (!p) return false;
    const dims = shape(b);
    let coef = 0n;
    for (let k = 0; k < p.indices.length; k++) {
      const a = exactAffine(p.indices[k], { get: ivRange });
      if (!a) return false;
      const stride = BigInt(elementCount(dims.slice(k + 1)));
      coef += (a.form.terms.get(iv) ?? 0n) * stride;
    }
    return coef !== 0n;
  });
}
