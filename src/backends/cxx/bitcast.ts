// `bitcast` as C++: the value's W bits as an unsigned integer of width W, then read as the target type.
// Integers convert (same-width casts keep every bit), fixed point reads and writes its raw bits with
// `.range(W - 1, 0)`, and float32/float64 go through a union, the type pun Vitis HLS and g++ both accept.

import { type ElemType, uintType } from "../../types/dtype.ts";
import { atom, castText } from "./convert.ts";
import type { Helper } from "./prelude.ts";
import { category, cType, widthOf } from "./types.ts";

/** x (C++ of IR type `from`) as C++ of IR type `UInt<W>` holding its raw bits. */
function rawOf(x: string, from: ElemType, helpers: Set<Helper>): string {
  const W = widthOf(from);
  const U = uintType(W);
  if (from.kind === "float") {
    helpers.add(W === 32 ? "f32bits" : "f64bits");
    return `allo_${W === 32 ? "f32" : "f64"}_bits(${x})`;
  }
  if (from.kind !== "fixed") return castText(x, from, U, helpers);
  const bits = `ap_uint<${W}>(${atom(x)}.range(${W - 1}, 0))`;
  return category(U) === "ap" ? bits : `(${cType(U)})${bits}`;
}

/** The C++ of `bitcast(x, to)` for x of IR type `from` (same width, not index or float16). */
export function bitcastText(x: string, from: ElemType, to: ElemType, helpers: Set<Helper>): string {
  const W = widthOf(to);
  const U = uintType(W);
  const raw = rawOf(x, from, helpers);
  if (to.kind === "float") {
    helpers.add(W === 32 ? "bitsf32" : "bitsf64");
    return `allo_bits_${W === 32 ? "f32" : "f64"}(${raw})`;
  }
  if (to.kind !== "fixed") return castText(raw, U, to, helpers);
  helpers.add("fixedbits");
  return `allo_fixed_bits<${cType(to)}, ${W}>(${category(U) === "ap" ? raw : `ap_uint<${W}>(${raw})`})`;
}
