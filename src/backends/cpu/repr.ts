// How the CPU backend holds each IR type in JavaScript: floats and integers up to 53 bits as numbers
// (exact), wider integers as BigInt; buffers as typed arrays chosen by raw width and signedness.

import type { DType } from "../../types/dtype.ts";

export type Repr = "f" | "n" | "b";

export function rawBits(t: DType): number {
  return t.kind === "index" ? 32 : t.bits;
}

export function reprOf(t: DType): Repr {
  if (t.kind === "float") return "f";
  return rawBits(t) <= 53 ? "n" : "b";
}

export const isUnsigned = (t: DType): boolean => (t.kind === "int" || t.kind === "fixed") && !t.signed;

/** Constructor name of the internal storage of a buffer of element type t. */
export function storageOf(t: DType): string {
  if (t.kind === "float") return t.bits === 64 ? "Float64Array" : "Float32Array";
  const w = rawBits(t);
  const u = isUnsigned(t);
  if (w <= 8) return u ? "Uint8Array" : "Int8Array";
  if (w <= 16) return u ? "Uint16Array" : "Int16Array";
  if (w <= 32) return u ? "Uint32Array" : "Int32Array";
  if (w <= 64) return u ? "BigUint64Array" : "BigInt64Array";
  return "Array";
}

/** Whether the storage holds BigInt elements. */
export const bigStorage = (t: DType): boolean => t.kind !== "float" && rawBits(t) > 32;
