// Edge values shared by the semantics tests of every backend: floats around integer widths, ties,
// overflow, infinities and NaN, rounded to each float format; and raw values at the call boundary.
import { roundHalf, type Scalar } from "../../src/semantics/scalar.ts";
import type { ElemType } from "../../src/types/dtype.ts";

const FLOATS = [
  0,
  -0,
  0.5,
  -0.5,
  1.5,
  -1.5,
  -2.7,
  127.9,
  128.5,
  -128.5,
  255.5,
  32767.7,
  -32768.9,
  65536.3,
  -70000.8,
  2 ** 31,
  -(2 ** 31) - 0.5,
  4294967295.5,
  1e10,
  -1e10,
  2 ** 63,
  -(2 ** 63),
  1.8e19,
  1e20,
  3e38,
  -3e38,
  1e300,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
];

/** The edge floats as values of float type t (distinct after rounding; -0 and +0 kept apart). */
export function edgeFloats(t: ElemType): number[] {
  if (t.kind !== "float") throw new Error("not a float type");
  const round = t.bits === 16 ? roundHalf : t.bits === 32 ? Math.fround : (x: number) => x;
  const out: number[] = [];
  for (const x of FLOATS.map(round)) if (!out.some((y) => Object.is(x, y))) out.push(x);
  return out;
}

/** A raw value as kernels take it at the boundary: fixed point as its real value, integers as bigint. */
export function boundaryValue(t: ElemType, v: Scalar): number | bigint {
  if (t.kind === "fixed") return Number(v) / 2 ** t.frac;
  if (t.kind === "float") return v as number;
  return BigInt(v);
}
