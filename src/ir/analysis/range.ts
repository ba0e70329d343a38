// The one integer range analysis of allo-ts: sound over-approximations of the values integer, index
// and bool expressions take, as closed bigint intervals of raw values. Backends and the verifier ask
// it whether exact arithmetic fits a type (no wrap to emit), whether an index is inside its buffer,
// and what a loop variable ranges over; each keeps only its own policy check on top (MLIR's index
// width, the CPU backend's exact doubles). Environments map loop variables by name, and scalar
// parameters by `paramKey`, to their ranges.

import { rawRange } from "../../semantics/scalar.ts";
import type { ElemType } from "../../types/dtype.ts";
import type { BinaryExpr, Expr } from "../nodes.ts";

/** Inclusive bounds [lo, hi] of an exact integer (raw) value. */
export type Range = readonly [bigint, bigint];

/** Known ranges of loop variables (by name) and parameters (by `paramKey`); a ReadonlyMap is one. */
export interface RangeEnv {
  get(key: string): Range | undefined;
}

/** The key of a scalar parameter's known range in a `RangeEnv` (loop variables use their name). */
export const paramKey = (name: string): string => `param:${name}`;

/** Width in bits of an integer-like type's values (index is 32-bit). */
export const widthOf = (t: ElemType): number => (t.kind === "index" ? 32 : t.bits);
/** Whether the type's raw values are signed two's complement (index is; bool is not). */
export const signedOf = (t: ElemType): boolean => t.kind === "index" || t.kind === "float" || t.signed;

/** Every raw value of an integer-like type (bool: [0, 1]; index: int32); floats: their bit patterns. */
export function typeRange(t: ElemType): Range {
  if (t.kind !== "float") return rawRange(t);
  const w = BigInt(t.bits);
  return [-(2n ** (w - 1n)), 2n ** (w - 1n) - 1n];
}

const lo = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => (b < a ? b : a));
const hi = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => (b > a ? b : a));
const abs = (x: bigint): bigint => (x < 0n ? -x : x);

export const within = (r: Range, outer: Range): boolean => r[0] >= outer[0] && r[1] <= outer[1];
/** The smallest range holding every given bound. */
export const hull = (xs: readonly bigint[]): Range => [lo(xs), hi(xs)];
export const union = (a: Range, b: Range): Range => hull([...a, ...b]);
/** Bound of |x| over a range. */
export const magnitude = (a: Range): bigint => hi([abs(a[0]), abs(a[1])]);
const containsZero = (b: Range): boolean => b[0] <= 0n && b[1] >= 0n;

export const addRange = (a: Range, b: Range): Range => [a[0] + b[0], a[1] + b[1]];
export const subRange = (a: Range, b: Range): Range => [a[0] - b[1], a[1] - b[0]];
export const mulRange = (a: Range, b: Range): Range =>
  hull([a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]]);
export const negRange = (a: Range): Range => [-a[1], -a[0]];
export const bitNotRange = (a: Range): Range => [-a[1] - 1n, -a[0] - 1n];
export const minRange = (a: Range, b: Range): Range => [lo([a[0], b[0]]), lo([a[1], b[1]])];
export const maxRange = (a: Range, b: Range): Range => [hi([a[0], b[0]]), hi([a[1], b[1]])];
/** Floor of a range divided by 2^k (an arithmetic right shift). */
export const shrRange = (a: Range, k: number): Range => [a[0] >> BigInt(k), a[1] >> BigInt(k)];

/**
 * Truncating a / b, where a zero divisor gives 0 (docs/ir-semantics.md). Per sign of the divisor the
 * quotient is monotone in each operand, so the corners of each part bound it.
 */
export function divRange(a: Range, b: Range): Range {
  const corners = (d: Range) => [a[0] / d[0], a[0] / d[1], a[1] / d[0], a[1] / d[1]];
  const xs: bigint[] = containsZero(b) ? [0n] : [];
  if (b[1] >= 1n) xs.push(...corners([b[0] < 1n ? 1n : b[0], b[1]]));
  if (b[0] <= -1n) xs.push(...corners([b[0], b[1] > -1n ? -1n : b[1]]));
  return hull(xs);
}

/** Truncating a % b (the dividend's sign, below the divisor's magnitude; a zero divisor gives 0). */
export function remRange(a: Range, b: Range): Range {
  const m = magnitude(b) > 0n ? magnitude(b) - 1n : 0n;
  return [a[0] < 0n ? (-m > a[0] ? -m : a[0]) : 0n, a[1] > 0n ? (m < a[1] ? m : a[1]) : 0n];
}

/** Range of a & b: non-negative when either side is; `t` (the type's range) otherwise. */
export function andRange(a: Range, b: Range, t: Range): Range {
  if (a[0] >= 0n && b[0] >= 0n) return [0n, a[1] < b[1] ? a[1] : b[1]];
  if (a[0] >= 0n) return [0n, a[1]];
  if (b[0] >= 0n) return [0n, b[1]];
  return t;
}

/** Range of a | b and a ^ b: below the next power of two for non-negative operands; else `t`. */
export function orRange(a: Range, b: Range, t: Range): Range {
  if (a[0] < 0n || b[0] < 0n) return t;
  const top = a[1] > b[1] ? a[1] : b[1];
  return [0n, (1n << BigInt(top.toString(2).length)) - 1n];
}

/**
 * The exact range of `a op b` before any wrap, or undefined for operators it does not track and for
 * a division whose divisor may be zero (a printer must guard that one).
 */
export function exactRange(op: BinaryExpr["op"], a: Range, b: Range): Range | undefined {
  switch (op) {
    case "+":
      return addRange(a, b);
    case "-":
      return subRange(a, b);
    case "*":
      return mulRange(a, b);
    case "/":
      return containsZero(b) ? undefined : divRange(a, b);
    case "%":
      return containsZero(b) ? undefined : remRange(a, b);
    case "min":
      return minRange(a, b);
    case "max":
      return maxRange(a, b);
    default:
      return undefined;
  }
}

const COMPARISONS = new Set(["==", "!=", "<", "<=", ">", ">="]);

/** Range of an integer, index or bool expression (fixed point: of its raw value; floats: undefined). */
export function rangeOf(e: Expr, env: RangeEnv): Range | undefined {
  const t = e.type;
  if (t.kind === "float") return undefined;
  const full = typeRange(t);
  switch (e.kind) {
    case "const":
      return typeof e.value === "bigint" ? [e.value, e.value] : full;
    case "iv":
      return env.get(e.name) ?? full;
    case "param":
      return env.get(paramKey(e.name)) ?? full;
    case "cast": {
      const src = e.value.type.kind === "fixed" || t.kind === "fixed" ? undefined : rangeOf(e.value, env);
      return src && within(src, full) ? src : full;
    }
    case "binary": {
      const a = rangeOf(e.lhs, env);
      const b = rangeOf(e.rhs, env);
      if (!a || !b || t.kind === "fixed") return full;
      if (COMPARISONS.has(e.op)) return [0n, 1n];
      const r = exactRange(e.op, a, b);
      return r && within(r, full) ? r : full;
    }
    case "unary": {
      if (e.op === "not") return [0n, 1n];
      const a = rangeOf(e.operand, env);
      if (!a) return full;
      const r = e.op === "neg" ? negRange(a) : bitNotRange(a);
      return within(r, full) ? r : full;
    }
    case "select": {
      const a = rangeOf(e.then, env);
      const b = rangeOf(e.else, env);
      return a && b ? union(a, b) : full;
    }
    case "logical":
      return [0n, 1n];
    case "bitPos": {
      // Checked: past the check it lies in 0 .. bits - width.
      const r = rangeOf(e.value, env) ?? full;
      const top = BigInt(e.bits - e.width);
      return r[0] > top || r[1] < 0n ? [0n, top] : [r[0] < 0n ? 0n : r[0], r[1] > top ? top : r[1]];
    }
    default:
      return full;
  }
}

/** Whether the exact result of a binary node lies in its type's range (so no wrap can happen). */
export function fitsExactly(e: BinaryExpr, env: RangeEnv): boolean {
  const a = rangeOf(e.lhs, env);
  const b = rangeOf(e.rhs, env);
  const r = a && b ? exactRange(e.op, a, b) : undefined;
  return r !== undefined && within(r, typeRange(e.type));
}

/**
 * The range of a loop variable running from a value in `lb` to below a value in `ub`, its last
 * `spare` values left to someone else (a remainder loop). An empty loop binds nothing, so any
 * range is sound for its body; [lb, lb] keeps the range well-formed.
 */
export function ivSpan(lb: Range, ub: Range, spare = 0n): Range {
  const top = ub[1] - 1n - spare;
  return [lb[0], top > lb[0] ? top : lb[0]];
}

/** The range of a loop variable iterating over [lb, ub). */
export function loopRange(lb: Expr, ub: Expr, env: RangeEnv): Range {
  return ivSpan(rangeOf(lb, env) ?? typeRange(lb.type), rangeOf(ub, env) ?? typeRange(ub.type));
}
