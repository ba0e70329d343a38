// The seed's int8 x int8 -> int16 matmul with a named band "PE" and an output parameter. K = 768 so
// the int16 accumulation wraps; and a reduction-loop form with a scalar accumulator.
import { grid, type int8, type int16, type int32, range, reduction, zeros } from "allo-ts";

export const M = 4,
  N = 4,
  K = 768;
export type M = typeof M;
export type N = typeof N;
export type K = typeof K;

export function matmul(A: int8<[M, K]>, B: int8<[K, N]>, C: int16<[M, N]>): void {
  for (const [i, j] of grid(M, N, { name: "PE" })) {
    for (const k of range(K)) {
      C[i][j] += A[i][k] * B[k][j];
    }
  }
}

export function matmul_acc(A: int8<[M, K]>, B: int8<[K, N]>): int32<[M, N]> {
  const C: int32<[M, N]> = zeros();
  for (const [i, j] of grid(M, N)) {
    let acc: int32 = 0;
    for (const k of reduction(K)) {
      acc += A[i][k] * B[k][j];
    }
    C[i][j] = acc;
  }
  return C;
}
