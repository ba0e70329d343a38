// The reference semantics of one IR scalar operation on concrete values (docs/ir-semantics.md).
// Integers, index and fixed point are bigints (fixed point: the raw integer scaled by 2^frac);
// floats are numbers rounded to their format after every operation. The CPU backend's slow path,
// constant folding and the verifier's concrete evaluation all call these functions.

import { internalError } from "../diagnostics/error.ts";
import type { IntrinsicFn } from "../ir/nodes.ts";
import { type ElemType, type FloatType, INDEX_BITS, isSigned } from "../types/dtype.ts";
import type { BinaryOp } from "../types/typing-rules.ts";

export type Scalar = bigint | number;

/** Round a double to IEEE binary16 (round to nearest, ties to even), returned as a double. */
export function roundHalf(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  if (a >= 65520) return x > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e -= 1;
  else if (2 ** (e + 1) <= a) e += 1;
  const q = 2 ** (Math.max(e, -14) - 10); // spacing of binary16 values near a (subnormal below 2^-14)
  const m = a / q;
  let r = Math.floor(m);
  const rest = m - r;
  if (rest > 0.5 || (rest === 0.5 && r % 2 === 1)) r += 1;
  return Math.sign(x) * r * q;
}

export function roundFloat(x: number, t: FloatType): number {
  return t.bits === 32 ? Math.fround(x) : t.bits === 16 ? roundHalf(x) : x;
}

/** Two's-complement wrap of an exact integer into an integer, index or fixed type's raw width. */
export function wrap(v: bigint, t: ElemType): bigint {
  switch (t.kind) {
    case "int":
      return t.signed ? BigInt.asIntN(t.bits, v) : BigInt.asUintN(t.bits, v);
    case "index":
      return BigInt.asIntN(INDEX_BITS, v);
    case "fixed":
      return t.signed ? BigInt.asIntN(t.bits, v) : BigInt.asUintN(t.bits, v);
    case "float":
      throw internalError("wrap() on a float type");
  }
}

const fracOf = (t: ElemType): number => (t.kind === "fixed" ? t.frac : 0);

/** Floor of an exact rational n / 2^k for k >= 0 (arithmetic shift), or n * 2^-k for k < 0. */
function shiftFrac(n: bigint, k: number): bigint {
  return k >= 0 ? n >> BigInt(k) : n << BigInt(-k);
}

/** Truncation toward zero of n / 2^k. */
function truncFrac(n: bigint, k: number): bigint {
  if (k <= 0) return n << BigInt(-k);
  const d = 1n << BigInt(k);
  return n / d; // BigInt division truncates toward zero
}

/**
 * Exact conversion of a finite double to a bigint after scaling by 2^frac, rounding toward -inf.
 * Where x * 2^frac overflows a double, x is an integer already and the scaling is a bigint shift. With
 * negative frac, x is floored first (the same floor, as 2^-frac is an integer), so that a tiny negative
 * x cannot round to -0 on scaling and lose its -1.
 */
function floorScaled(x: number, frac: number): bigint {
  if (!Number.isFinite(x)) return 0n;
  const y = (frac < 0 ? Math.floor(x) : x) * 2 ** frac;
  return Number.isFinite(y) ? BigInt(Math.floor(y)) : BigInt(x) << BigInt(frac);
}

const PRECISION = { 16: 11, 32: 24, 64: 53 } as const;

/**
 * v / 2^frac rounded once to nearest even in format t. Number(v) alone rounds to 53 bits first, and a
 * second rounding to float32/float16 can then go the wrong way at a tie; so the bits past the format's
 * precision and a guard bit are folded into one sticky bit first (as C's int-to-float conversions round).
 */
export function scaledToFloat(v: bigint, frac: number, t: FloatType): number {
  const neg = v < 0n;
  let a = neg ? -v : v;
  let scale = -frac;
  // Keep the format's precision plus a guard and a sticky bit (a shorter value converts exactly).
  const drop = a.toString(2).length - (PRECISION[t.bits] + 2);
  if (drop > 0) {
    const sticky = (a & ((1n << BigInt(drop)) - 1n)) !== 0n ? 1n : 0n;
    a = (a >> BigInt(drop)) | sticky;
    scale += drop;
  }
  const x = Number(a) * 2 ** scale;
  return roundFloat(neg ? -x : x, t);
}

/**
 * Conversion between types. int->int wraps; float->int truncates toward zero then wraps; float->fixed
 * and fixed->fixed quantize toward -inf (ap_fixed's AP_TRN) and wrap (AP_WRAP); fixed->int truncates
 * toward zero; anything->float rounds to nearest.
 */
export function convert(v: Scalar, from: ElemType, to: ElemType): Scalar {
  if (to.kind === "float")
    return typeof v === "number" ? roundFloat(v, to) : scaledToFloat(v, fracOf(from), to);
  if (typeof v === "number") {
    if (to.kind === "fixed") return wrap(floorScaled(v, to.frac), to);
    return wrap(Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n, to);
  }
  const f1 = fracOf(from);
  if (to.kind === "fixed") return wrap(shiftFrac(v, f1 - to.frac), to);
  return wrap(truncFrac(v, f1), to);
}

function intBinary(op: BinaryOp, a: bigint, b: bigint, t: ElemType): bigint {
  switch (op) {
    case "+":
      return wrap(a + b, t);
    case "-":
      return wrap(a - b, t);
    case "*":
      return wrap(shiftFrac(a * b, fracOf(t)), t);
    case "/":
      return b === 0n ? 0n : wrap(a / b, t);
    case "%":
      return b === 0n ? 0n : wrap(a % b, t);
    case "min":
      return a < b ? a : b;
    case "max":
      return a > b ? a : b;
    case "&":
      return wrap(a & b, t);
    case "|":
      return wrap(a | b, t);
    case "^":
      return wrap(a ^ b, t);
    case "<<":
    case ">>":
      return shift(op, a, b, t);
    case "==":
    case "!=":
    case "<":
    case "<=":
    case ">":
    case ">=":
      return compare(op, a, b);
  }
}

/** A comparison of two numbers or two bigints, as 1n (true) or 0n (false). */
function compare<T extends number | bigint>(op: "==" | "!=" | "<" | "<=" | ">" | ">=", a: T, b: T): bigint {
  const r =
    op === "=="
      ? a === b
      : op === "!="
        ? a !== b
        : op === "<"
          ? a < b
          : op === "<="
            ? a <= b
            : op === ">"
              ? a > b
              : a >= b;
  return r ? 1n : 0n;
}

/** Shift amounts below 0 count as 0; at or past the width, << gives 0 and >> gives the sign fill. */
function shift(op: "<<" | ">>", a: bigint, amount: bigint, t: ElemType): bigint {
  const width = BigInt(t.kind === "index" ? INDEX_BITS : (t as { bits: number }).bits);
  const s = amount < 0n ? 0n : amount > width ? width : amount;
  return op === "<<" ? wrap(a << s, t) : wrap(a >> s, t);
}

function floatBinary(op: BinaryOp, a: number, b: number, t: FloatType): Scalar {
  switch (op) {
    case "+":
      return roundFloat(a + b, t);
    case "-":
      return roundFloat(a - b, t);
    case "*":
      return roundFloat(a * b, t);
    case "/":
      return roundFloat(a / b, t);
    case "%":
      return roundFloat(a % b, t);
    case "min":
      return Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : a < b ? a : b;
    case "max":
      return Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : a > b ? a : b;
    case "==":
    case "!=":
    case "<":
    case "<=":
    case ">":
    case ">=":
      return compare(op, a, b);
    default:
      throw internalError(`'${op}' on floats`);
  }
}

/**
 * One binary operation. `opType` is the type the operands are in (the result type, or for comparisons
 * the common operand type); comparisons return 0n/1n.
 */
export function binary(op: BinaryOp, a: Scalar, b: Scalar, opType: ElemType): Scalar {
  if (opType.kind === "float") return floatBinary(op, a as number, b as number, opType);
  return intBinary(op, a as bigint, b as bigint, opType);
}

export function negate(a: Scalar, t: ElemType): Scalar {
  return typeof a === "number" ? roundFloat(-a, t as FloatType) : wrap(-a, t);
}

export function bitNot(a: bigint, t: ElemType): bigint {
  return wrap(~a, t);
}

const INTRINSICS: Record<IntrinsicFn, (...x: number[]) => number> = {
  exp: Math.exp,
  log: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  sqrt: Math.sqrt,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  tanh: Math.tanh,
  abs: Math.abs,
  floor: Math.floor,
  ceil: Math.ceil,
  pow: Math.pow,
};

/** Every Math function kernels may call, in a fixed order. */
export const INTRINSIC_FNS = Object.keys(INTRINSICS) as readonly IntrinsicFn[];

/** Math functions: evaluated in double precision, then rounded to the float result type. */
export function intrinsic(fn: IntrinsicFn, args: readonly number[], t: FloatType): number {
  return roundFloat(INTRINSICS[fn](...args), t);
}

/** Whether a value of type t is "true" as a condition. */
export const truthy = (v: Scalar): boolean => (typeof v === "number" ? v !== 0 : v !== 0n);

/** Range of an integer-like type's raw values, used to draw random inputs and to check constants. */
export function rawRange(t: ElemType): [bigint, bigint] {
  const bits = t.kind === "index" ? INDEX_BITS : t.kind === "float" ? 0 : t.bits;
  return isSigned(t) && !(t.kind === "int" && !t.signed)
    ? [-(1n << BigInt(bits - 1)), (1n << BigInt(bits - 1)) - 1n]
    : [0n, (1n << BigInt(bits)) - 1n];
}

const BITS_VIEW = new DataView(new ArrayBuffer(8));

/**
 * The IEEE encoding of a float32/float64 value as an unsigned bigint. JavaScript holds a float32 as a
 * double, so a float32 signalling NaN reaches here already quieted (its payload otherwise kept).
 */
export function floatBits(x: number, bits: 32 | 64): bigint {
  if (bits === 32) {
    BITS_VIEW.setFloat32(0, x);
    return BigInt(BITS_VIEW.getUint32(0));
  }
  BITS_VIEW.setFloat64(0, x);
  return BITS_VIEW.getBigUint64(0);
}

/** The float32/float64 value whose IEEE encoding is the low `bits` bits of u. */
export function bitsFloat(u: bigint, bits: 32 | 64): number {
  if (bits === 32) {
    BITS_VIEW.setUint32(0, Number(BigInt.asUintN(32, u)));
    return BITS_VIEW.getFloat32(0);
  }
  BITS_VIEW.setBigUint64(0, BigInt.asUintN(64, u));
  return BITS_VIEW.getFloat64(0);
}

/**
 * `bitcast`: v's bits read as `to`, a type of the same width. Integers and fixed point are raw
 * two's-complement values, so between them it is a wrap; floats go through their IEEE encoding.
 */
export function bitcast(v: Scalar, from: ElemType, to: ElemType): Scalar {
  const raw = typeof v === "number" ? floatBits(v, (from as FloatType).bits as 32 | 64) : v;
  return to.kind === "float" ? bitsFloat(raw, to.bits as 32 | 64) : wrap(raw, to);
}
