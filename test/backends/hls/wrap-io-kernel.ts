// The kernel of the wrapIo tests: an in-out argument read before it is written (C), a read-only input
// (A), a scalar (n) and a returned tensor, so every copy direction of the Vitis top is exercised.
import { grid, type int32, range, zeros } from "allo-ts";

export function scaleAcc(A: int32<[8, 8]>, C: int32<[8, 8]>, n: int32): int32<[8]> {
  const r: int32<[8]> = zeros();
  for (const [i, j] of grid(8, 8)) {
    C[i][j] += A[i][j] * n;
  }
  for (const i of range(8)) {
    r[i] = C[i][0] - A[i][7];
  }
  return r;
}
