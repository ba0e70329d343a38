// Bit access on integers in the kernel language: single bits, lo-inclusive/hi-exclusive slices, their
// replacement, reversal and same-width reinterpretation. Like the loops they only type-check kernels: the
// compiler reads the calls from the source (src/frontend/lower-bits.ts); calling them on the host is a
// mistake we explain.

import type { DTypeValue } from "./dtype-value.ts";
import { notOnHost } from "./loops.ts";

/** Bit i of x (0 = least significant), a `UInt<1>`. */
export function bit(_x: number, _i: number): number {
  return notOnHost("bit()");
}

/** Bits lo (inclusive) to hi (exclusive) of x, a `UInt<hi - lo>`. */
export function bits(_x: number, _lo: number, _hi: number): number {
  return notOnHost("bits()");
}

/** x with bit i replaced by v's low bit; the result has x's type. */
export function withBit(_x: number, _i: number, _v: number | boolean): number {
  return notOnHost("withBit()");
}

/** x with bits lo..hi-1 replaced by v's low `hi - lo` bits; the result has x's type. */
export function withBits(_x: number, _lo: number, _hi: number, _v: number): number {
  return notOnHost("withBits()");
}

/** All bits of x in reverse order, in x's own type (`uint8` 1 -> 128). */
export function reverseBits(_x: number): number {
  return notOnHost("reverseBits()");
}

/** x's bits read as type T of the same width. */
export function bitcast(_x: number, _t: DTypeValue): number {
  return notOnHost("bitcast()");
}
