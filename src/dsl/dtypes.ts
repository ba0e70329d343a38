// Element types as values: each is a dtype descriptor and a cast function (`int16(x)`), used in kernels
// for casts and on the host for `instantiate`. Their type twins (`int8<[M, K]>`) make tensors.

import { fixedType, floatType, INDEX, intType, type DType as ModelType, uintType } from "../types/dtype.ts";
import type { Shape, TensorOf } from "./tensor-types.ts";

/** A dtype value: callable as a cast inside kernels; `.dtype` is its descriptor. */
export interface DTypeValue {
  (x: number | bigint | boolean): number;
  readonly dtype: ModelType;
}

function dt(t: ModelType, name: string): DTypeValue {
  const f = (() => {
    throw new Error(
      `${name}(...) is a cast inside kernels; kernels are compiled with customize(), not called`,
    );
  }) as unknown as DTypeValue;
  Object.defineProperty(f, "dtype", { value: t, enumerable: true });
  Object.defineProperty(f, "name", { value: name });
  return f;
}

export const bool = dt(uintType(1), "bool");
export const index = dt(INDEX, "index");
export const float16 = dt(floatType(16), "float16");
export const float32 = dt(floatType(32), "float32");
export const float64 = dt(floatType(64), "float64");
export const int1 = dt(intType(1), "int1");
export const int2 = dt(intType(2), "int2");
export const int3 = dt(intType(3), "int3");
export const int4 = dt(intType(4), "int4");
export const int5 = dt(intType(5), "int5");
export const int6 = dt(intType(6), "int6");
export const int7 = dt(intType(7), "int7");
export const int8 = dt(intType(8), "int8");
export const int16 = dt(intType(16), "int16");
export const int32 = dt(intType(32), "int32");
export const int64 = dt(intType(64), "int64");
export const uint1 = dt(uintType(1), "uint1");
export const uint2 = dt(uintType(2), "uint2");
export const uint3 = dt(uintType(3), "uint3");
export const uint4 = dt(uintType(4), "uint4");
export const uint5 = dt(uintType(5), "uint5");
export const uint6 = dt(uintType(6), "uint6");
export const uint7 = dt(uintType(7), "uint7");
export const uint8 = dt(uintType(8), "uint8");
export const uint16 = dt(uintType(16), "uint16");
export const uint32 = dt(uintType(32), "uint32");
export const uint64 = dt(uintType(64), "uint64");

export const Int = (w: number): DTypeValue => dt(intType(w), `Int(${w})`);
export const UInt = (w: number): DTypeValue => dt(uintType(w), `UInt(${w})`);
export const Fixed = (w: number, f: number): DTypeValue => dt(fixedType(w, f, true), `Fixed(${w}, ${f})`);
export const UFixed = (w: number, f: number): DTypeValue => dt(fixedType(w, f, false), `UFixed(${w}, ${f})`);

// Type twins: `int8` is a scalar, `int8<[M, K]>` a tensor.
export type bool<S extends Shape = []> = TensorOf<"bool", S>;
export type index<S extends Shape = []> = TensorOf<"index", S>;
export type float16<S extends Shape = []> = TensorOf<"float16", S>;
export type float32<S extends Shape = []> = TensorOf<"float32", S>;
export type float64<S extends Shape = []> = TensorOf<"float64", S>;
export type int1<S extends Shape = []> = TensorOf<"int1", S>;
export type int2<S extends Shape = []> = TensorOf<"int2", S>;
export type int3<S extends Shape = []> = TensorOf<"int3", S>;
export type int4<S extends Shape = []> = TensorOf<"int4", S>;
export type int5<S extends Shape = []> = TensorOf<"int5", S>;
export type int6<S extends Shape = []> = TensorOf<"int6", S>;
export type int7<S extends Shape = []> = TensorOf<"int7", S>;
export type int8<S extends Shape = []> = TensorOf<"int8", S>;
export type int16<S extends Shape = []> = TensorOf<"int16", S>;
export type int32<S extends Shape = []> = TensorOf<"int32", S>;
export type int64<S extends Shape = []> = TensorOf<"int64", S>;
export type uint1<S extends Shape = []> = TensorOf<"uint1", S>;
export type uint2<S extends Shape = []> = TensorOf<"uint2", S>;
export type uint3<S extends Shape = []> = TensorOf<"uint3", S>;
export type uint4<S extends Shape = []> = TensorOf<"uint4", S>;
export type uint5<S extends Shape = []> = TensorOf<"uint5", S>;
export type uint6<S extends Shape = []> = TensorOf<"uint6", S>;
export type uint7<S extends Shape = []> = TensorOf<"uint7", S>;
export type uint8<S extends Shape = []> = TensorOf<"uint8", S>;
export type uint16<S extends Shape = []> = TensorOf<"uint16", S>;
export type uint32<S extends Shape = []> = TensorOf<"uint32", S>;
export type uint64<S extends Shape = []> = TensorOf<"uint64", S>;
/** `Int<12>` scalar, `Int<12, [M, N]>` tensor. */
export type Int<W extends number, S extends Shape = []> = TensorOf<`Int<${W}>`, S>;
export type UInt<W extends number, S extends Shape = []> = TensorOf<`UInt<${W}>`, S>;
export type Fixed<W extends number, F extends number, S extends Shape = []> = TensorOf<`Fixed<${W},${F}>`, S>;
export type UFixed<W extends number, F extends number, S extends Shape = []> = TensorOf<
  `UFixed<${W},${F}>`,
  S
>;

/** Every named dtype value, by the name kernels use for it. */
export const NAMED_DTYPES: Readonly<Record<string, DTypeValue>> = {
  bool,
  index,
  float16,
  float32,
  float64,
  int1,
  int2,
  int3,
  int4,
  int5,
  int6,
  int7,
  int8,
  int16,
  int32,
  int64,
  uint1,
  uint2,
  uint3,
  uint4,
  uint5,
  uint6,
  uint7,
  uint8,
  uint16,
  uint32,
  uint64,
};
