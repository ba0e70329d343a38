// How the CPU backend holds each IR type in JavaScript, and the value ranges it reasons with.
// Floats are numbers; integer, index and fixed-point raw values are exact JS numbers up to 53 bits
// ("n") and BigInt past that ("b"). Buffers are flat typed arrays chosen by raw width and signedness,
// except that 33..53-bit integers live in Float64Array so their arithmetic stays on numbers.

import { rawRange } from "../../semantics/scalar.ts";
import { type ElemType, INDEX_BITS } from "../../types/dtype.ts";

export type Repr = "f" | "n" | "b";

/** Inclusive bounds of an exact integer (raw) value. */
export type Range = readonly [bigint, bigint];

/** Doubles represent every integer of magnitude <= 2^53 exactly. */
export const EXACT = 2n ** 53n;

export function rawBits(t: ElemType): number {
  return t.kind === "index" ? INDEX_BITS : t.bits;
}

export const isUnsigned = (t: ElemType): boolean => (t.kind === "int" || t.kind === "fixed") && !t.signed;
export const fracBits = (t: ElemType): number => (t.kind === "fixed" ? t.frac : 0);

export function reprOf(t: ElemType): Repr {
  if (t.kind === "float") return "f";
  return rawBits(t) <= 53 ? "n" : "b";
}

export type StorageClass =
  | "Int8Array"
  | "Uint8Array"
  | "Int16Array"
  | "Uint16Array"
  | "Int32Array"
  | "Uint32Array"
  | "Float32Array"
  | "Float64Array"
  | "BigInt64Array"
  | "BigUint64Array"
  | "Array";

function intClass(bits: number, unsigned: boolean): StorageClass {
  if (bits <= 8) return unsigned ? "Uint8Array" : "Int8Array";
  if (bits <= 16) return unsigned ? "Uint16Array" : "Int16Array";
  if (bits <= 32) return unsigned ? "Uint32Array" : "Int32Array";
  if (bits <= 64) return unsigned ? "BigUint64Array" : "BigInt64Array";
  return "Array";
}

/** The array class the generated code keeps a buffer of element type t in (raw values). */
export function storageOf(t: ElemType): StorageClass {
  if (t.kind === "float") return t.bits === 64 ? "Float64Array" : "Float32Array";
  const w = rawBits(t);
  if (w > 32 && w <= 53) return "Float64Array";
  return intClass(w, isUnsigned(t));
}

/** The array class users pass and receive for element type t (api.md section 1.1). */
export function boundaryOf(t: ElemType): StorageClass {
  if (t.kind === "float") return t.bits === 64 ? "Float64Array" : "Float32Array";
  if (t.kind === "fixed") return "Float64Array";
  return intClass(rawBits(t), isUnsigned(t));
}

/** Zero of a repr, as source text. */
export const zeroOf = (r: Repr): string => (r === "b" ? "0n" : "0");

/** Raw value range of an integer-like type (bool: [0, 1]; index: int32). */
export const typeRange = (t: ElemType): Range => rawRange(t);

export const within = (r: Range, outer: Range): boolean => r[0] >= outer[0] && r[1] <= outer[1];
export const fitsExact = (r: Range): boolean => r[0] >= -EXACT && r[1] <= EXACT;
export const union = (a: Range, b: Range): Range => [a[0] < b[0] ? a[0] : b[0], a[1] > b[1] ? a[1] : b[1]];

const min = (xs: bigint[]) => xs.reduce((a, b) => (b < a ? b : a));
const max = (xs: bigint[]) => xs.reduce((a, b) => (b > a ? b : a));

export function addRange(a: Range, b: Range): Range {
  return [a[0] + b[0], a[1] + b[1]];
}
export function subRange(a: Range, b: Range): Range {
  return [a[0] - b[1], a[1] - b[0]];
}
export function mulRange(a: Range, b: Range): Range {
  const p = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]];
  return [min(p), max(p)];
}
/** Floor of a range divided by 2^k (an arithmetic right shift). */
export function shrRange(a: Range, k: number): Range {
  const s = BigInt(k);
  return [a[0] >> s, a[1] >> s];
}
export const negRange = (a: Range): Range => [-a[1], -a[0]];

/** Bound of |x| over a range. */
export const magnitude = (a: Range): bigint => max([a[0] < 0n ? -a[0] : a[0], a[1] < 0n ? -a[1] : a[1]]);

/** Range of C's truncating a / b and a % b. */
export function divRange(a: Range, b: Range): Range {
  const m = magnitude(a);
  return a[0] >= 0n && b[0] >= 0n ? [0n, m] : [-m, m];
}
export function remRange(a: Range, b: Range): Range {
  const limit = magnitude(b) - 1n;
  const m = magnitude(a) < limit ? magnitude(a) : limit < 0n ? 0n : limit;
  return a[0] >= 0n ? [0n, m] : a[1] <= 0n ? [-m, 0n] : [-m, m];
}

/** Range of a & b: non-negative when either side is. */
export function andRange(a: Range, b: Range, t: Range): Range {
  if (a[0] >= 0n && b[0] >= 0n) return [0n, a[1] < b[1] ? a[1] : b[1]];
  if (a[0] >= 0n) return [0n, a[1]];
  if (b[0] >= 0n) return [0n, b[1]];
  return t;
}
/** Range of a | b and a ^ b for non-negative operands: below the next power of two. */
export function orRange(a: Range, b: Range, t: Range): Range {
  if (a[0] < 0n || b[0] < 0n) return t;
  const hi = a[1] > b[1] ? a[1] : b[1];
  return [0n, (1n << BigInt(hi.toString(2).length)) - 1n];
}

/** A JS literal for an exact integer in a repr. */
export function intLiteral(v: bigint, r: Repr): string {
  if (r === "b") return v < 0n ? `(${v}n)` : `${v}n`;
  return v < 0n ? `(${v})` : `${v}`;
}

/** A JS literal for a double (NaN, infinities and -0 included). */
export function floatLiteral(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Number.POSITIVE_INFINITY) return "Infinity";
  if (v === Number.NEGATIVE_INFINITY) return "(-Infinity)";
  if (Object.is(v, -0)) return "(-0)";
  return v < 0 ? `(${v})` : `${v}`;
}
