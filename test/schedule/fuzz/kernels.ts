// Tiny kernels for the schedule fuzzer (besides those of ../kernels.ts): reductions in float and
// integer arithmetic, 1-D to 3-D tensors, stencils, transposes, several bands and calls.
import {
  type float32,
  type float64,
  grid,
  type int8,
  type int16,
  type int32,
  range,
  reduction,
  type uint16,
  zeros,
} from "allo-ts";

/** 1-D convolution: the float reduction over r must keep its order. */
export function conv1d(X: float32<[12]>, W: float32<[3]>): float32<[10]> {
  const Y: float32<[10]> = zeros();
  for (const [i, r] of grid(10, 3)) {
    Y[i] += W[r] * X[i + r];
  }
  return Y;
}

/** Matrix-vector product in float64, the reduction j innermost. */
export function matvec(A: float64<[6, 5]>, x: float64<[5]>, y: float64<[6]>): void {
  for (const i of range(6)) {
    for (const j of reduction(5)) {
      y[i] += A[i][j] * x[j];
    }
  }
}

/** A 3-D permutation with index arithmetic in the values. */
export function permute(A: int32<[2, 3, 4]>, B: int32<[4, 2, 3]>): void {
  for (const [i, j, k] of grid(2, 3, 4)) {
    B[k][i][j] = A[i][j][k] * 2 + i - k;
  }
}

/** Two float bands: a row average, then a scaled copy that reads it. */
export function smooth(A: float32<[6, 8]>): float32<[6, 8]> {
  const T: float32<[6, 8]> = zeros();
  for (const [i, j] of grid(6, 6)) {
    T[i][j + 1] = (A[i][j] + A[i][j + 1] + A[i][j + 2]) * 0.25;
  }
  const B: float32<[6, 8]> = zeros();
  for (const [i, j] of grid(6, 8)) {
    B[i][j] = T[i][j] * 2.0 - A[i][j];
  }
  return B;
}

/** Integer elementwise work with narrowing stores, shifts and a select. */
export function mix(A: int8<[4, 6]>, B: uint16<[4, 6]>, C: int16<[4, 6]>): void {
  for (const [i, j] of grid(4, 6)) {
    const a: int16 = A[i][j] * 3;
    C[i][j] = a > 10 ? (B[i][j] >> 2) + a : a - (B[i][j] & 255);
  }
}

/** A batched integer matmul with three parallel loops and one reduction. */
export function bmm(A: int8<[2, 3, 4]>, B: int8<[2, 4, 3]>): int32<[2, 3, 3]> {
  const C: int32<[2, 3, 3]> = zeros();
  for (const [b, i, j, k] of grid(2, 3, 3, 4)) {
    C[b][i][j] += A[b][i][k] * B[b][k][j];
  }
  return C;
}

/** Producer and consumer bands over the same grid (computeAt can merge them at i or at j). */
export function prodcons(A: int32<[5, 4]>): int32<[5, 4]> {
  const T: int32<[5, 4]> = zeros();
  for (const [i, j] of grid(5, 4)) {
    T[i][j] = A[i][j] * A[i][j] - 3;
  }
  const B: int32<[5, 4]> = zeros();
  for (const [i, j] of grid(5, 4)) {
    B[i][j] = T[i][j] + A[i][j];
  }
  return B;
}
