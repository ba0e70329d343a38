// Truncation push-down: when a wide integer expression (held as BigInt) is converted to an integer of
// at most 32 bits, only its low 32 bits matter, and + - * ~ & | ^ and wrapping casts commute with
// taking them. Such trees are computed on int32 numbers instead (`| 0`, Math.imul), which keeps
// `int32 acc += int32 * int32` (an int64 product, an int65 sum) off BigInt entirely.

import { type Range, within } from "../../ir/analysis/range.ts";
import type { Expr } from "../../ir/nodes.ts";
import type { DType } from "../../types/dtype.ts";
import { INT32, type Val, wrapN } from "./int-ops.ts";
import { rawBits } from "./values.ts";

const integral = (t: DType): boolean => t.kind === "int" || t.kind === "index";

/** Whether cast(value -> to) is worth computing through int32 arithmetic. */
export function narrowable(value: Expr, to: DType): boolean {
  return (
    integral(to) && rawBits(to) <= 32 && integral(value.type) && rawBits(value.type) > 53 && isRing(value)
  );
}

/** A tree whose root is one of the operations that commute with truncation. */
function isRing(e: Expr): boolean {
  if (e.kind === "binary") return ["+", "-", "*", "&", "|", "^"].includes(e.op);
  if (e.kind === "unary") return e.op !== "not";
  return e.kind === "cast" && integral(e.value.type);
}

/** Code for a number congruent to an expression modulo 2^32, and the range it lies in. */
interface Low {
  readonly code: string;
  readonly range: Range;
}

/**
 * A number congruent to e modulo 2^32 within (-2^32, 2^32), so that sums of two stay exact.
 * `leaf` compiles anything that is not pushed through.
 */
export function low32(e: Expr, leaf: (e: Expr) => Val): Low {
  const low = ring(e, leaf);
  if (low === undefined) return small(leaf(e));
  // An operation of a type narrower than 32 bits wraps to that width, which is not a congruence mod 2^32.
  return rawBits(e.type) < 32 ? (wrapN(low.code, low.range, e.type) as Low) : low;
}

/** Ring operations pushed through; undefined when e is not one. */
function ring(e: Expr, leaf: (e: Expr) => Val): Low | undefined {
  if (!integral(e.type)) return undefined;
  if (e.kind === "cast") return integral(e.value.type) ? low32(e.value, leaf) : undefined;
  const code = ringCode(e, leaf);
  return code === undefined ? undefined : { code, range: INT32 };
}

/** The int32 code of a ring operation. */
function ringCode(e: Expr, leaf: (e: Expr) => Val): string | undefined {
  switch (e.kind) {
    case "const": {
      const v = BigInt.asIntN(32, BigInt(e.value));
      return v < 0n ? `(${v})` : `${v}`;
    }
    case "binary": {
      if (!["+", "-", "*", "&", "|", "^"].includes(e.op)) return undefined;
      const a = low32(e.lhs, leaf).code;
      const b = low32(e.rhs, leaf).code;
      if (e.op === "*") return `Math.imul(${a}, ${b})`;
      if (e.op === "+" || e.op === "-") return `((${a} ${e.op} ${b}) | 0)`;
      return `(${a} ${e.op} ${b})`;
    }
    case "unary":
      if (e.op === "neg") return `(-${low32(e.operand, leaf).code} | 0)`;
      if (e.op === "bnot") return `(~${low32(e.operand, leaf).code})`;
      return undefined;
    default:
      return undefined;
  }
}

/** What low32 code can hold: int32 results, or a leaf of uint32 range passed through. */
const LOW32: Range = [INT32[0], 2n ** 32n - 1n];

/** A value's code as a number within (-2^32, 2^32) congruent to it modulo 2^32. */
function small(v: Val): Low {
  if (v.repr === "b") return { code: `Number(BigInt.asIntN(32, ${v.code}))`, range: INT32 };
  const r = v.range;
  if (r && within(r, LOW32)) return { code: v.code, range: r };
  return { code: `(${v.code} | 0)`, range: INT32 };
}

/** cast(value -> to) for a narrowable pair: the low bits, wrapped to `to`. */
export function narrowCast(value: Expr, to: DType, leaf: (e: Expr) => Val): Val {
  const low = low32(value, leaf);
  return wrapN(low.code, low.range, to);
}
