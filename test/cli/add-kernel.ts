// A kernel file with its schedule, as users hand it to `npx allo`. Its top-level code must not run
// when the CLI compiles it: the marker below would print on stderr if it did.
import { type float32, grid, type Schedule, zeros } from "allo-ts";
export const N = 8;
export type N = typeof N;
const II = N / 8;
export function add(A: float32<[N, N]>, B: float32<[N, N]>): float32<[N, N]> {
  const C: float32<[N, N]> = zeros();
  for (const [i, j] of grid(N, N)) C[i][j] = A[i][j] + B[i][j];
  return C;
}
export function schedule(s: Schedule): void {
  s.pipeline("j", { ii: II });
}
process.stderr.write("add-kernel.ts top-level code ran\n");
