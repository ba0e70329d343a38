// A kernel whose while loop never ends, for the budget tests of the CPU target and of C simulation.
export const ENDLESS = `import { int32 } from "allo-ts";
export function spin(A: int32<[1]>): void {
  let x: int32 = A[0];
  while (x >= 0) {
    x = (x + 1) % 7;
  }
  A[0] = x;
}`;
