// Higher-rank tensors and data-dependent indexing.
import { grid, type int32, range, type uint8 } from "allo-ts";

export const P = 2,
  Q = 3,
  S = 4;
export type P = typeof P;
export type Q = typeof Q;
export type S = typeof S;

/** out[k][i][j] = in[i][j][k] + i - k over a 3-D tensor. */
export function permute3d(A: int32<[P, Q, S]>, B: int32<[S, P, Q]>): void {
  for (const [i, j, k] of grid(P, Q, S)) {
    B[k][i][j] = A[i][j][k] + i - k;
  }
}

/** A histogram: the index comes from data (masked to the bin count). */
export function histogram(A: uint8<[64]>, H: int32<[16]>): void {
  for (const i of range(64)) {
    H[A[i] & 15] += 1;
  }
}
