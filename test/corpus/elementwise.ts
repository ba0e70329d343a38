// Elementwise kernels over integer widths, signedness, shifts, bitwise operators, casts and bools.
import {
  bool,
  type DType,
  type float32,
  grid,
  type Int,
  type int8,
  type int16,
  type int32,
  type int64,
  range,
  type Tensor,
  float32 as toFloat32,
  int16 as toInt16,
  type uint8,
  type uint16,
  type uint64,
  zeros,
} from "allo-ts";
import { L } from "./sizes.ts";

/** Template over the element type: instantiated for widths 1..64 and wider. */
export function addmul<T extends DType>(A: Tensor<T, [L]>, B: Tensor<T, [L]>, C: Tensor<T, [L]>): void {
  for (const i of range(L)) {
    C[i] = A[i] * B[i] + A[i] - B[i];
  }
}

/** int32 + int32 is int33; the store wraps back to int32. */
export function vadd(A: int32<[L]>, B: int32<[L]>): int32<[L]> {
  const C: int32<[L]> = zeros();
  for (const i of range(L)) C[i] = A[i] + B[i];
  return C;
}

/** uint8 - int8 computes in int10; compare across signedness; unary minus of unsigned is signed. */
export function mixed(A: uint8<[L]>, B: int8<[L]>, C: int16<[L]>, D: bool<[L]>): void {
  for (const i of range(L)) {
    C[i] = A[i] - B[i] + -A[i];
    D[i] = bool(A[i] > B[i]);
  }
}

/** Shifts keep the lhs type; compound shifts and bitwise operators. */
export function shifts(A: int16<[L]>, B: uint16<[L]>, S: uint8<[L]>, C: int16<[L]>, D: uint16<[L]>): void {
  for (const i of range(L)) {
    C[i] = (A[i] << 3) >> S[i];
    let x: uint16 = B[i];
    x >>= 2;
    x <<= S[i];
    x ^= 0x5a5a;
    D[i] = (x & B[i]) | (~A[i] & 255);
  }
}

/** 64-bit arithmetic (BigInt storage) and an unsigned 64-bit wrap. */
export function wide(A: int64<[L]>, B: uint64<[L]>, C: int64<[L]>, D: uint64<[L]>, E: Int<100, [L]>): void {
  for (const i of range(L)) {
    C[i] = A[i] * 3 - (A[i] >> 7);
    D[i] = B[i] * B[i] + 1;
    E[i] = A[i] * A[i] * 5;
  }
}

/** Casts through dtype values and loop indices as values. */
export function casts(A: float32<[L]>, C: int16<[L]>, D: float32<[L]>): void {
  for (const i of range(L)) {
    C[i] = toInt16(A[i] * 100.0) + i;
    D[i] = toFloat32(i) * 0.5 + A[i];
  }
}

/** 2-D elementwise with a compile-time-constant if: the else branch is never compiled. */
export const SCALE: number = 2;
export function scale2d(A: int32<[L, L]>, B: int32<[L, L]>): void {
  for (const [i, j] of grid(L, L)) {
    if (SCALE === 2) {
      B[i][j] = A[i][j] * 2;
    } else {
      B[i][j] = A[i][j] * Math.random();
    }
  }
}
