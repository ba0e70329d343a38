// Value ranges of integer expressions (sound over-approximations), so a C++ printer can write plain
// arithmetic wherever the exact result provably fits its type (index expressions over loop variables,
// int8 * int8 in int16, ...), and so outlining can tell a function the range of a loop variable it
// receives as a parameter. Ranges are keyed by loop variable name, and by `paramKey` for parameters.

import type { ElemType } from "../types/dtype.ts";
import type { BinaryExpr, Expr } from "./nodes.ts";

export type Interval = readonly [bigint, bigint];
export type IvRanges = ReadonlyMap<string, Interval>;

/** The key of a scalar parameter's known range in an `IvRanges` map (loop variables use their name). */
export const paramKey = (name: string): string => `param:${name}`;

/** Width in bits of an integer-like type's values (index is 32-bit). */
export const widthOf = (t: ElemType): number =>
  t.kind === "index" ? 32 : t.kind === "float" ? t.bits : t.bits;
/** Whether the type's raw values are signed two's complement (index is; bool is not). */
export const signedOf = (t: ElemType): boolean => t.kind === "index" || t.kind === "float" || t.signed;

/** Every value of an integer-like type, as a closed interval of raw values. */
export function typeRange(t: ElemType): [bigint, bigint] {
  const w = BigInt(widthOf(t));
  return signedOf(t) ? [-(2n ** (w - 1n)), 2n ** (w - 1n) - 1n] : [0n, 2n ** w - 1n];
}

const within = (a: Interval, b: Interval): boolean => a[0] >= b[0] && a[1] <= b[1];
const hull = (xs: readonly bigint[]): Interval => [
  xs.reduce((a, b) => (b < a ? b : a)),
  xs.reduce((a, b) => (b > a ? b : a)),
];
const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** The exact range of `a op b` before any wrap, or undefined for operators it does not track. */
export function exactRange(op: BinaryExpr["op"], a: Interval, b: Interval): Interval | undefined {
  switch (op) {
    case "+":
      return [a[0] + b[0], a[1] + b[1]];
    case "-":
      return [a[0] - b[1], a[1] - b[0]];
    case "*":
      return hull([a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]]);
    case "/":
      // Truncating division is monotone in each operand while the divisor keeps its sign.
      if (b[0] <= 0n && b[1] >= 0n) return undefined;
      return hull([a[0] / b[0], a[0] / b[1], a[1] / b[0], a[1] / b[1]]);
    case "%": {
      if (b[0] <= 0n && b[1] >= 0n) return undefined;
      const m = (abs(b[0]) > abs(b[1]) ? abs(b[0]) : abs(b[1])) - 1n;
      return [a[0] < 0n ? (-m > a[0] ? -m : a[0]) : 0n, a[1] > 0n ? (m < a[1] ? m : a[1]) : 0n];
    }
    case "min":
      return [a[0] < b[0] ? a[0] : b[0], a[1] < b[1] ? a[1] : b[1]];
    case "max":
      return [a[0] > b[0] ? a[0] : b[0], a[1] > b[1] ? a[1] : b[1]];
    default:
      return undefined;
  }
}

/** Range of an integer, index or bool expression (fixed point: of its raw value; floats: undefined). */
export function rangeOf(e: Expr, ivs: IvRanges): Interval | undefined {
  const t = e.type;
  if (t.kind === "float") return undefined;
  const full = typeRange(t);
  switch (e.kind) {
    case "const":
      return typeof e.value === "bigint" ? [e.value, e.value] : full;
    case "iv":
      return ivs.get(e.name) ?? full;
    case "param":
      return ivs.get(paramKey(e.name)) ?? full;
    case "cast": {
      const src = e.value.type.kind === "fixed" || t.kind === "fixed" ? undefined : rangeOf(e.value, ivs);
      return src && within(src, full) ? src : full;
    }
    case "binary": {
      const a = rangeOf(e.lhs, ivs);
      const b = rangeOf(e.rhs, ivs);
      if (!a || !b || t.kind === "fixed") return full;
      if (["==", "!=", "<", "<=", ">", ">="].includes(e.op)) return [0n, 1n];
      const r = exactRange(e.op, a, b);
      return r && within(r, full) ? r : full;
    }
    case "unary": {
      const a = rangeOf(e.operand, ivs);
      if (e.op === "not" || !a) return e.op === "not" ? [0n, 1n] : full;
      const r: Interval = e.op === "neg" ? [-a[1], -a[0]] : [-a[1] - 1n, -a[0] - 1n];
      return within(r, full) ? r : full;
    }
    case "select": {
      const a = rangeOf(e.then, ivs);
      const b = rangeOf(e.else, ivs);
      return a && b ? hull([...a, ...b]) : full;
    }
    case "logical":
      return [0n, 1n];
    default:
      return full;
  }
}

/** Whether the exact result of a binary node lies in its type's range (so no wrap can happen). */
export function fitsExactly(e: BinaryExpr, ivs: IvRanges): boolean {
  const a = rangeOf(e.lhs, ivs);
  const b = rangeOf(e.rhs, ivs);
  const r = a && b ? exactRange(e.op, a, b) : undefined;
  return r !== undefined && within(r, typeRange(e.type));
}

/** The range of a loop variable iterating over [lb, ub). */
export function loopRange(lb: Expr, ub: Expr, ivs: IvRanges): Interval {
  const l = rangeOf(lb, ivs) ?? typeRange(lb.type);
  const u = rangeOf(ub, ivs) ?? typeRange(ub.type);
  return [l[0], u[1] - 1n < l[0] ? l[0] : u[1] - 1n];
}
