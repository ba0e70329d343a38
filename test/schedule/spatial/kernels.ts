// Kernels for the spatial-primitive tests (unfold, relay): the seed's int8 x int8 -> int16 matmul
// with band "PE" at a test size (sums wrap in int16) and at a size small enough to read as a golden,
// a float variant, and bands unfold must refuse.
import { type float32, grid, type int8, type int16, range } from "allo-ts";

export const M = 4,
  N = 4,
  K = 8;
export type M = typeof M;
export type N = typeof N;
export type K = typeof K;

/** The seed's systolic-array kernel (Allo's tutorial), int8 x int8 accumulated into int16. */
export function matmul(A: int8<[M, K]>, B: int8<[K, N]>, C: int16<[M, N]>): void {
  for (const [i, j] of grid(M, N, { name: "PE" })) {
    for (const k of range(K)) {
      C[i][j] += A[i][k] * B[k][j];
    }
  }
}

/** The same at 2 x 2 x 3, for IR goldens. */
export function matmul2(A: int8<[2, 3]>, B: int8<[3, 2]>, C: int16<[2, 2]>): void {
  for (const [i, j] of grid(2, 2, { name: "PE" })) {
    for (const k of range(3)) {
      C[i][j] += A[i][k] * B[k][j];
    }
  }
}

/** A float matmul with a rectangular PE grid (3 x 5) and K = 4. */
export function fmm(A: float32<[3, 4]>, B: float32<[4, 5]>, C: float32<[3, 5]>): void {
  for (const [i, j] of grid(3, 5, { name: "PE" })) {
    for (const k of range(4)) {
      C[i][j] += A[i][k] * B[k][j];
    }
  }
}

/** A triangular band: its inner loop's bound depends on the outer one. */
export function tri(A: float32<[4, 4]>, B: float32<[4, 4]>): void {
  for (const i of range(4, { name: "T" })) {
    for (const j of range(i + 1)) {
      B[i][j] = A[i][j] * 2.0;
    }
  }
}

/** Every PE accumulates into the same vector S: no single chain of PEs can carry it. */
export function shared(A: int16<[2, 2, 3]>, S: int16<[3]>): void {
  for (const [i, j] of grid(2, 2, { name: "PE" })) {
    for (const k of range(3)) {
      S[k] += A[i][j][k];
    }
  }
}

/** Every PE reads the same vector X (a broadcast), and each its own W[i][j][k]. */
export function bcast(X: int8<[5]>, W: int8<[3, 2, 5]>, C: int16<[3, 2]>): void {
  for (const [i, j] of grid(3, 2, { name: "PE" })) {
    for (const k of range(5)) {
      C[i][j] += X[k] * W[i][j][k];
    }
  }
}

/** One scalar per row (s[i]) used by every PE of that row. */
export function rowscale(s: float32<[3]>, B: float32<[4, 3]>, C: float32<[3, 3]>): void {
  for (const [i, j] of grid(3, 3, { name: "PE" })) {
    for (const k of range(4)) {
      C[i][j] += s[i] * B[k][j];
    }
  }
}
