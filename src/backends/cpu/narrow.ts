// Truncation push-down, an IR -> IR pass of the CPU backend: when a wide integer expression (over 53
// bits, so BigInt in the generated JS) is converted to an integer of at most 32 bits, only its low 32
// bits matter, and + - * ~ & | ^ and integer casts commute with taking them. Such trees are rewritten
// into int32 arithmetic, which wraps modulo 2^32 (docs/ir-semantics.md), so the generator emits `| 0`
// and Math.imul for `int32 acc += int32 * int32` (an int64 product, an int65 sum) instead of BigInt.

import { cast, constOf } from "../../ir/build.ts";
import type { Expr, Func } from "../../ir/nodes.ts";
import type { Pass } from "../../ir/passes/pass.ts";
import { mapBlockExprs, mapList } from "../../ir/walk.ts";
import { type ElemType, I32, sameType } from "../../types/dtype.ts";
import { rawBits } from "./values.ts";

const RING = new Set(["+", "-", "*", "&", "|", "^"]);

const integral = (t: ElemType): boolean => t.kind === "int" || t.kind === "index";

/** Whether cast(value -> to) is worth computing through int32 arithmetic. */
function narrowable(value: Expr, to: ElemType): boolean {
  return (
    integral(to) && rawBits(to) <= 32 && integral(value.type) && rawBits(value.type) > 53 && isRing(value)
  );
}

/** A tree whose root is one of the operations that commute with truncation. */
function isRing(e: Expr): boolean {
  if (e.kind === "binary") return RING.has(e.op);
  if (e.kind === "unary") return e.op !== "not";
  return e.kind === "cast" && integral(e.value.type);
}

/**
 * An int32 expression congruent to e modulo 2^32. Ring operations of at least 32 bits are rebuilt at
 * int32; anything else (floats, divisions, narrower operations, which wrap to their own width) is a
 * leaf converted to int32.
 */
function low32(e: Expr): Expr {
  if (integral(e.type) && rawBits(e.type) >= 32) {
    switch (e.kind) {
      case "const":
        return constOf(I32, BigInt.asIntN(32, BigInt(e.value)));
      case "binary":
        if (RING.has(e.op)) return { ...e, type: I32, lhs: low32(e.lhs), rhs: low32(e.rhs) };
        break;
      case "unary":
        if (e.op !== "not") return { ...e, type: I32, operand: low32(e.operand) };
        break;
      case "cast":
        if (integral(e.value.type)) return low32(e.value);
        break;
      default:
        break;
    }
  }
  return sameType(e.type, I32) ? e : cast(e, I32);
}

const narrowExpr = (e: Expr): Expr => {
  if (e.kind !== "cast" || !narrowable(e.value, e.type)) return e;
  const low = low32(e.value);
  return sameType(e.type, I32) ? low : cast(low, e.type);
};

export const narrowTruncations: Pass = (m) => {
  const functions = mapList(m.functions, (f): Func => {
    const body = mapBlockExprs(f.body, narrowExpr);
    return body === f.body ? f : { ...f, body };
  });
  return functions === m.functions ? m : { ...m, functions };
};
