// A kernel file with its schedule, as users hand it to `npx allo`.
import { type float32, grid, type Schedule, zeros } from "allo-ts";
export const N = 8;
export type N = typeof N;
export function add(A: float32<[N, N]>, B: float32<[N, N]>): float32<[N, N]> {
  const C: float32<[N, N]> = zeros();
  for (const [i, j] of grid(N, N)) C[i][j] = A[i][j] + B[i][j];
  return C;
}
export function schedule(s: Schedule): void {
  s.pipeline("j");
}
