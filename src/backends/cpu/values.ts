// How the CPU backend holds each IR type in JavaScript, and its exact-double check on value ranges.
// Floats are numbers; integer, index and fixed-point raw values are exact JS numbers up to 53 bits
// ("n") and BigInt past that ("b"). Buffers are flat typed arrays chosen by raw width and signedness,
// except that 33..53-bit integers live in Float64Array so their arithmetic stays on numbers.

import type { Range } from "../../ir/analysis/range.ts";
import { type ArrayClass, intArrayClass } from "../../runtime/host-abi.ts";
import { type ElemType, INDEX_BITS } from "../../types/dtype.ts";

export type Repr = "f" | "n" | "b";

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

/** The array class the generated code keeps a buffer of element type t in (raw values). */
export function storageOf(t: ElemType): ArrayClass {
  if (t.kind === "float") return t.bits === 64 ? "Float64Array" : "Float32Array";
  const w = rawBits(t);
  if (w > 32 && w <= 53) return "Float64Array";
  return intArrayClass(w, isUnsigned(t));
}

/** Zero of a repr, as source text. */
export const zeroOf = (r: Repr): string => (r === "b" ? "0n" : "0");

/** The CPU backend's policy on the shared ranges: doubles hold every integer of magnitude <= 2^53. */
export const fitsExact = (r: Range): boolean => r[0] >= -EXACT && r[1] <= EXACT;

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
