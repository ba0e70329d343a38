// The initialiser of a local tensor: `zeros()` or `full(v)` with a constant v, as one constant fill.
// Plain local tensors and stateful ones (`stateful(zeros())`) read their fill here.

import { constOf } from "../ir/build.ts";
import type { ConstExpr } from "../ir/nodes.ts";
import type { ElemType } from "../types/dtype.ts";
import type { FnContext } from "./context.ts";
import { convertTo } from "./fold.ts";
import { lowerExpr } from "./lower-expr.ts";
import ts from "./typescript.cts";

export function isTensorInit(e: ts.Expression): e is ts.CallExpression {
  return (
    ts.isCallExpression(e) && ts.isIdentifier(e.expression) && ["zeros", "full"].includes(e.expression.text)
  );
}

/** The fill of a tensor of element type t declared with `init` (absent: zeros). */
export function tensorInit(ctx: FnContext, init: ts.Expression | undefined, t: ElemType): ConstExpr {
  const zero = constOf(t, t.kind === "float" ? 0 : 0n);
  if (!init) return zero;
  if (isTensorInit(init)) {
    const fn = (init.expression as ts.Identifier).text;
    if (fn === "zeros") return zero;
    if (fn === "full" && init.arguments.length === 1) {
      const v = lowerExpr(ctx, init.arguments[0]);
      if (v.kind !== "const")
        throw ctx.error(init.arguments[0], "AL1007", "full(v) needs a compile-time constant v");
      return convertTo(v, t) as ConstExpr;
    }
  }
  throw ctx.error(
    init,
    "AL1020",
    "a local tensor starts as zeros() or full(value), or is the result of a kernel call",
  );
}
