// The one trip count of allo-ts: how many times `for iv in [lb, ub) step s` runs (ceil((ub - lb) / s),
// 0 for an empty loop). Symbolic for the schedule primitives that rewrite bounds (split, fuse),
// concrete for constant bounds (unfold's factors, jam remainders, the verifier's progress estimate).

import { constIndex, idx, idxOp } from "../build.ts";
import type { Expr, ForStmt } from "../nodes.ts";

/** Iterations of a loop with concrete bounds: ceil((ub - lb) / step), never below 0 (step >= 1). */
export function tripCount(lb: bigint, ub: bigint, step: number | bigint): bigint {
  const s = BigInt(step);
  return ub > lb ? (ub - lb + s - 1n) / s : 0n;
}

/**
 * The number of iterations as an index expression, (ub - lb + step - 1) / step: exact when the loop
 * runs, and <= 0 (not necessarily 0) when it does not.
 */
export function tripCountExpr(l: ForStmt): Expr {
  const span = idxOp("-", l.ub, l.lb);
  return l.step === 1 ? span : idxOp("/", idxOp("+", span, idx(l.step - 1)), idx(l.step));
}

/** The trip count of a loop with constant bounds; undefined when they depend on enclosing loops. */
export function constTripCount(l: ForStmt): number | undefined {
  const lb = constIndex(l.lb);
  const ub = constIndex(l.ub);
  return lb === undefined || ub === undefined ? undefined : Number(tripCount(BigInt(lb), BigInt(ub), l.step));
}
