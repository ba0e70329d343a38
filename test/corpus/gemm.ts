// The seed's float32 GEMM: returned tensor, one grid band.
import { type float32, grid, zeros } from "allo-ts";

export const M = 16,
  N = 16,
  K = 16;
export type M = typeof M;
export type N = typeof N;
export type K = typeof K;

export function gemm(A: float32<[M, K]>, B: float32<[K, N]>): float32<[M, N]> {
  const C: float32<[M, N]> = zeros();
  for (const [i, j, k] of grid(M, N, K)) {
    C[i][j] += A[i][k] * B[k][j];
  }
  return C;
}
