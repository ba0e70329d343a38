// Control flow and scalars: if/else if/else, ternary, && || !, while, C-style loops with steps,
// triangular ranges, compound assignments, reduction loops with scalar accumulators.
import { type float32, type int32, range, reduction, zeros } from "allo-ts";
import { CFG, L } from "./sizes.ts";

const R = CFG.rows;
type R = typeof R;
const Q = CFG.cols;
type Q = typeof Q;

export function branches(A: int32<[L]>, B: int32<[L]>): int32<[L]> {
  const C: int32<[L]> = zeros();
  for (const i of range(L)) {
    if (A[i] > 10 && B[i] !== 0) {
      C[i] = A[i] / B[i];
    } else if (!(A[i] < -10) || B[i] > 5) {
      C[i] = A[i] % 7;
    } else {
      C[i] = A[i] > B[i] ? A[i] : B[i] - 1;
    }
  }
  return C;
}

/** Collatz steps: a data-dependent while loop. */
export function collatz(A: int32<[L]>, C: int32<[L]>): void {
  for (const i of range(L)) {
    let x: int32 = A[i];
    let steps: int32 = 0;
    while (x > 1 && steps < 100) {
      if (x % 2 === 0) {
        x = x / 2;
      } else {
        x = 3 * x + 1;
      }
      steps += 1;
    }
    C[i] = steps;
  }
}

/** C-style loops with a step and an inclusive bound, and a triangular nest. */
export function triangular(A: float32<[L, L]>, B: float32<[L, L]>): void {
  for (let i = 0; i < L; i += 2) {
    for (let j = 0; j <= i; j++) {
      B[i][j] = A[i][j] * 2.0;
    }
  }
  for (const i of range(1, L, 2)) {
    for (const j of range(i + 1, L)) {
      B[i][j] = A[j][i] - A[i][j];
    }
  }
}

/** Compound assignments on a scalar and on elements. */
export function compound(A: int32<[R, Q]>, B: int32<[R, Q]>): int32 {
  let acc: int32 = 1;
  for (const i of range(R)) {
    for (const j of range(Q)) {
      B[i][j] = A[i][j];
      B[i][j] *= 3;
      B[i][j] -= j;
      B[i][j] %= 1000;
      B[i][j] |= 1;
      acc += B[i][j];
      acc ^= i;
      acc++;
    }
  }
  return acc;
}

/** Row sums with a reduction loop and a float accumulator. */
export function rowsum(A: float32<[R, Q]>): float32<[R]> {
  const S: float32<[R]> = zeros();
  for (const i of range(R)) {
    let s: float32 = 0.0;
    for (const j of reduction(Q)) s += A[i][j];
    S[i] = s;
  }
  return S;
}
