// Truncation push-down: when an integer tree a backend computes slowly (BigInt past 53 bits in the
// JavaScript backend, ap_int at widths C++ has no type for in the native one) is converted to an
// integer the backend computes fast, only the low bits matter, and + - * ~ & | ^ and integer casts
// commute with taking them. Such trees are rebuilt at the backend's work type, whose arithmetic wraps
// modulo 2^W (docs/ir-semantics.md): `int32 acc += int32 * int32` (an int64 product, an int65 sum)
// becomes int32 arithmetic, `int16 acc += int8 * int8` (an int17 sum) int16 arithmetic.

import { bitWidth, type ElemType, sameType } from "../../types/dtype.ts";
import { cast, constOf } from "../build.ts";
import type { Expr, Func } from "../nodes.ts";
import { mapBlockExprs, mapList } from "../walk.ts";
import type { Pass } from "./pass.ts";

export interface Narrowing {
  /** Whether the backend computes integers of this type slowly. */
  readonly slow: (t: ElemType) => boolean;
  /** The type to compute a tree converted to `to` at, or undefined to leave such trees alone. */
  readonly work: (to: ElemType) => ElemType | undefined;
}

const RING = new Set(["+", "-", "*", "&", "|", "^"]);

const integral = (t: ElemType): boolean => t.kind === "int" || t.kind === "index";

/** A tree whose root is one of the operations that commute with truncation. */
function isRing(e: Expr): boolean {
  if (e.kind === "binary") return RING.has(e.op);
  if (e.kind === "unary") return e.op !== "not";
  return e.kind === "cast" && integral(e.value.type);
}

/**
 * An expression of type `w` congruent to e modulo 2^W. Ring operations at least W bits wide are
 * rebuilt at `w`; anything else (floats, divisions, narrower operations, which wrap to their own
 * width) is a leaf converted to `w`.
 */
function low(e: Expr, w: ElemType): Expr {
  const bits = bitWidth(w);
  if (integral(e.type) && bitWidth(e.type) >= bits) {
    switch (e.kind) {
      case "const": {
        const v = BigInt(e.value);
        const signed = w.kind === "index" || (w.kind === "int" && w.signed);
        return constOf(w, signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v));
      }
      case "binary":
        if (RING.has(e.op)) return { ...e, type: w, lhs: low(e.lhs, w), rhs: low(e.rhs, w) };
        break;
      case "unary":
        if (e.op !== "not") return { ...e, type: w, operand: low(e.operand, w) };
        break;
      case "cast":
        if (integral(e.value.type)) return low(e.value, w);
        break;
      default:
        break;
    }
  }
  return sameType(e.type, w) ? e : cast(e, w);
}

/** The pass for a backend: slow trees under a conversion to a type with a work type get rebuilt. */
export function narrowTruncations({ slow, work }: Narrowing): Pass {
  const narrowExpr = (e: Expr): Expr => {
    if (e.kind !== "cast" || !integral(e.type) || !integral(e.value.type)) return e;
    const w = work(e.type);
    if (!w || !slow(e.value.type) || bitWidth(e.value.type) <= bitWidth(w) || !isRing(e.value)) return e;
    const narrowed = low(e.value, w);
    return sameType(e.type, w) ? narrowed : cast(narrowed, e.type);
  };
  return (m) => {
    const functions = mapList(m.functions, (f): Func => {
      const body = mapBlockExprs(f.body, narrowExpr);
      return body === f.body ? f : { ...f, body };
    });
    return functions === m.functions ? m : { ...m, functions };
  };
}
