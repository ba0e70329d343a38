// Run-time helpers the generated code calls for the rare operations that do not fit an inline idiom:
// wraps of 33..53-bit numbers, shifts whose amount must be clamped, float16 rounding, conversions
// between floats and wide integers, float encodings (bitcast), float min/max, and the out-of-bounds and
// bit-position errors. Each one computes
// exactly what src/semantics/scalar.ts says, most by calling it.

import { AlloError, type AlloErrorInit } from "../../diagnostics/error.ts";
import { bitPosInRange, bitPosMessage } from "../../ir/bit-position.ts";
import type { BitPosExpr, Span } from "../../ir/nodes.ts";
import { bitsFloat, convert, floatBits, roundHalf, scaledToFloat, wrap } from "../../semantics/scalar.ts";
import { type ElemType, floatType, intType, uintType } from "../../types/dtype.ts";

const F64 = floatType(64);
const FLOATS = { 16: floatType(16), 32: floatType(32), 64: F64 } as const;

/** Two's-complement wrap of an exact integer held in a double (|x| <= 2^53) to `bits` <= 53 bits. */
export function wrapU(x: number, bits: number): number {
  const m = 2 ** bits;
  const r = x % m;
  return (r < 0 ? r + m : r) + 0;
}
export function wrapS(x: number, bits: number): number {
  const r = wrapU(x, bits);
  return r >= 2 ** (bits - 1) ? r - 2 ** bits : r;
}

const intOf = (bits: number, signed: boolean): ElemType => (signed ? intType(bits) : uintType(bits));

/** x << s on a number-held value of `bits` bits, s clamped to [0, bits]. */
export function shlN(x: number, s: number, bits: number, signed: boolean): number {
  if (!(s > 0)) return x;
  if (s >= bits) return 0;
  if (bits <= 32) {
    const y = x << s;
    if (bits === 32) return signed ? y : y >>> 0;
    return signed ? (y << (32 - bits)) >> (32 - bits) : y & (2 ** bits - 1);
  }
  return Number(wrap(BigInt(x) << BigInt(s), intOf(bits, signed)));
}

/** x >> s (arithmetic when signed, logical otherwise), s clamped to [0, bits]. */
export function shrN(x: number, s: number, bits: number, signed: boolean): number {
  if (!(s > 0)) return x;
  if (s >= bits) return signed && x < 0 ? -1 : 0;
  if (bits <= 32) return signed ? x >> s : x >>> s;
  return Math.floor(x / 2 ** s);
}

export function shlB(x: bigint, s: number, bits: number, signed: boolean): bigint {
  if (!(s > 0)) return x;
  return s >= bits ? 0n : wrap(x << BigInt(s), intOf(bits, signed));
}

/** BigInt >> is arithmetic, and unsigned values are non-negative, so signedness needs no case. */
export function shrB(x: bigint, s: number, bits: number, _signed: boolean): bigint {
  if (!(s > 0)) return x;
  return x >> BigInt(s >= bits ? bits : s);
}

export { roundHalf };

/** A BigInt raw value scaled by 2^-frac, rounded once to float16/32/64. */
export function bigToFloat(v: bigint, frac: number, bits: 16 | 32 | 64): number {
  return scaledToFloat(v, frac, FLOATS[bits]);
}

/** float -> int/index/fixed for targets the inline ToInt32 idiom does not cover (wider than 32 bits). */
export function fromFloat(x: number, to: ElemType): bigint {
  return convert(x, F64, to) as bigint;
}

/** bitcast: a float32's encoding as a uint32 number, a float64's as a bigint. */
export function f32Bits(x: number): number {
  return Number(floatBits(x, 32));
}
export function f64Bits(x: number): bigint {
  return floatBits(x, 64);
}
/** bitcast: the float32 whose encoding is the uint32 number u, the float64 of the 64-bit bigint u. */
export function bitsF32(u: number): number {
  return bitsFloat(BigInt(u), 32);
}
export function bitsF64(u: bigint): number {
  return bitsFloat(u, 64);
}

/** Float min/max exactly as scalar.ts defines them (NaN if either is NaN; ties keep the second). */
export function fmin(a: number, b: number): number {
  return Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : a < b ? a : b;
}
export function fmax(a: number, b: number): number {
  return Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : a > b ? a : b;
}

/** Position p, or AL5015 when it is outside the value (a `bitPos` node no range proved). */
export function bitPos(p: number, e: BitPosExpr): number {
  if (bitPosInRange(e, p)) return p;
  const details = { position: p, bits: e.bits, width: e.width };
  throw new AlloError("AL5015", bitPosMessage(e, p), e.span ? { span: e.span, details } : { details });
}

/** AL5010: an element access outside its buffer. */
export function outOfBounds(
  fn: string,
  buffer: string,
  indices: readonly number[],
  shape: readonly number[],
  span: Span | undefined,
): never {
  const init: AlloErrorInit = span
    ? { span, details: { buffer, indices, shape } }
    : { details: { buffer, indices, shape } };
  throw new AlloError(
    "AL5010",
    `index out of bounds: ${buffer}[${indices.join("][")}] in '${fn}', but ${buffer} has shape [${shape.join(", ")}]`,
    init,
  );
}
