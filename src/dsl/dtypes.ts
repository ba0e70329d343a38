// Element types as values: each is a dtype descriptor and a cast function (`int16(x)`), used in kernels
// for casts and on the host for `instantiate`. Their type twins (`int8<[M, K]>`) make tensors.

import { fixedType, floatType, INDEX, intType, uintType } from "../types/dtype.ts";
import { type DTypeValue, dtypeValue } from "./dtype-value.ts";
import { INT_DTYPES } from "./int-widths.ts";
import type { Shape, TensorOf } from "./tensor-types.ts";

export type { DTypeValue } from "./dtype-value.ts";
export * from "./int-widths.ts";

export const bool = dtypeValue(uintType(1), "bool");
export const index = dtypeValue(INDEX, "index");
export const float16 = dtypeValue(floatType(16), "float16");
export const float32 = dtypeValue(floatType(32), "float32");
export const float64 = dtypeValue(floatType(64), "float64");

export const Int = (w: number): DTypeValue => dtypeValue(intType(w), `Int(${w})`);
export const UInt = (w: number): DTypeValue => dtypeValue(uintType(w), `UInt(${w})`);
export const Fixed = (w: number, f: number): DTypeValue =>
  dtypeValue(fixedType(w, f, true), `Fixed(${w}, ${f})`);
export const UFixed = (w: number, f: number): DTypeValue =>
  dtypeValue(fixedType(w, f, false), `UFixed(${w}, ${f})`);

// Type twins: `int8` is a scalar, `int8<[M, K]>` a tensor.
export type bool<S extends Shape = []> = TensorOf<"bool", S>;
export type index<S extends Shape = []> = TensorOf<"index", S>;
export type float16<S extends Shape = []> = TensorOf<"float16", S>;
export type float32<S extends Shape = []> = TensorOf<"float32", S>;
export type float64<S extends Shape = []> = TensorOf<"float64", S>;
/** `Int<12>` scalar, `Int<12, [M, N]>` tensor; `Int<8>` and `int8` are the same type. */
export type Int<W extends number, S extends Shape = []> = TensorOf<`int${W}`, S>;
export type UInt<W extends number, S extends Shape = []> = TensorOf<`uint${W}`, S>;
export type Fixed<W extends number, F extends number, S extends Shape = []> = TensorOf<`Fixed<${W},${F}>`, S>;
export type UFixed<W extends number, F extends number, S extends Shape = []> = TensorOf<
  `UFixed<${W},${F}>`,
  S
>;

/** Every named dtype value, by the name kernels use for it. */
export const NAMED_DTYPES: Readonly<Record<string, DTypeValue>> = {
  ...INT_DTYPES,
  bool,
  index,
  float16,
  float32,
  float64,
};
