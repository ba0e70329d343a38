// Floating point and fixed point: Math functions, float16/float64, fixed-point arithmetic.
import {
  type Fixed,
  type float16,
  type float32,
  type float64,
  grid,
  range,
  type UFixed,
  zeros,
} from "allo-ts";
import { L } from "./sizes.ts";

export function mathfns(A: float32<[L]>, B: float32<[L]>): float32<[L]> {
  const C: float32<[L]> = zeros();
  for (const i of range(L)) {
    C[i] = Math.exp(A[i] * 0.1) + Math.sqrt(Math.abs(B[i])) - Math.max(A[i], B[i]) * Math.min(A[i], 0.5);
  }
  return C;
}

export function softplus64(A: float64<[L]>, C: float64<[L]>): void {
  for (const i of range(L)) C[i] = Math.log(1.0 + Math.exp(A[i])) + Math.tanh(A[i]);
}

export function half(A: float16<[L]>, B: float16<[L]>, C: float16<[L]>): void {
  for (const i of range(L)) C[i] = A[i] * B[i] + A[i];
}

export function fixedmac(
  A: Fixed<16, 8, [L]>,
  B: Fixed<16, 8, [L]>,
  C: Fixed<16, 8, [L]>,
  D: UFixed<12, 4, [L]>,
): void {
  for (const i of range(L)) {
    C[i] = A[i] * B[i] + C[i];
    D[i] = A[i] + B[i];
  }
}

/** 2-D float32 stencil (jacobi-like) with boundary rows skipped. */
export function jacobi(A: float32<[L, L]>, B: float32<[L, L]>): void {
  for (const [i, j] of grid(L - 2, L - 2)) {
    B[i + 1][j + 1] = 0.2 * (A[i + 1][j + 1] + A[i][j + 1] + A[i + 2][j + 1] + A[i + 1][j] + A[i + 1][j + 2]);
  }
}
