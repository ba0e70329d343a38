// Small kernels for schedule tests: float and integer bands, non-zero lower bounds and steps,
// triangular bounds, repeated loop names across bands, reductions, calls between kernels.
import {
  type float32,
  type float64,
  grid,
  type int8,
  type int16,
  type int32,
  range,
  reduction,
  type uint8,
  zeros,
} from "allo-ts";

/** float32 GEMM, one grid band i, j, k. */
export function gemm(A: float32<[8, 6]>, B: float32<[6, 10]>): float32<[8, 10]> {
  const C: float32<[8, 10]> = zeros();
  for (const [i, j, k] of grid(8, 10, 6)) {
    C[i][j] += A[i][k] * B[k][j];
  }
  return C;
}

/** int8 x int8 -> int16 into an output parameter, band "PE" with an inner range loop (Allo's seed). */
export function mm(A: int8<[6, 20]>, B: int8<[20, 4]>, C: int16<[6, 4]>): void {
  for (const [i, j] of grid(6, 4, { name: "PE" })) {
    for (const k of range(20)) {
      C[i][j] += A[i][k] * B[k][j];
    }
  }
}

/** A 5-point integer stencil over the interior (lower bounds 1). */
export function stencil(A: int32<[10, 12]>, B: int32<[10, 12]>): void {
  for (const [i, j] of grid(8, 10)) {
    B[i + 1][j + 1] = A[i][j + 1] + A[i + 2][j + 1] + A[i + 1][j] + A[i + 1][j + 2] - 4 * A[i + 1][j + 1];
  }
}

/** Two bands whose loops share the names i and j. */
export function twoStage(A: int32<[6, 6]>): int32<[6, 6]> {
  const T: int32<[6, 6]> = zeros();
  for (const [i, j] of grid(6, 6)) {
    T[i][j] = A[i][j] * 3;
  }
  const B: int32<[6, 6]> = zeros();
  for (const [i, j] of grid(6, 6)) {
    B[i][j] = T[i][j] - T[j][i];
  }
  return B;
}

/** Triangular bounds, a lower bound of 1 and a step of 2. */
export function tri(A: float64<[9, 9]>, B: float64<[9, 9]>): void {
  for (const i of range(1, 9, 2)) {
    for (const j of range(0, i + 1)) {
      B[i][j] = A[i][j] * 0.5 + A[j][i];
    }
  }
}

/** Row sums into a scalar accumulator (an imperfect nest with a reduction loop). */
export function rowsum(A: uint8<[7, 9]>): int32<[7]> {
  const S: int32<[7]> = zeros();
  for (const i of range(7)) {
    let acc: int32 = 0;
    for (const j of reduction(9)) acc += A[i][j];
    S[i] = acc * 2;
  }
  return S;
}

/** A callee with loops named like the caller's, for function-qualified names. */
export function scale(X: int32<[4, 5]>, Y: int32<[4, 5]>): void {
  for (const [i, j] of grid(4, 5)) {
    Y[i][j] = X[i][j] * 5;
  }
}

export function caller(X: int32<[4, 5]>): int32<[4, 5]> {
  const Y: int32<[4, 5]> = zeros();
  scale(X, Y);
  const Z: int32<[4, 5]> = zeros();
  for (const [i, j] of grid(4, 5)) {
    Z[i][j] = Y[i][j] + i - j;
  }
  return Z;
}

/** A dependence carried diagonally: interchanging i and j changes the result. */
export function skew(A: int32<[5, 5]>): void {
  for (const [i, j] of grid(4, 4)) {
    A[i + 1][j] = A[i][j + 1] + 1;
  }
}
