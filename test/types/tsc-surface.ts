// Compile-time checks of the kernel type surface: CI type-checks this file, and each
// `@ts-expect-error` fails the type check if tsc stops reporting the mistake beneath it.
// (Nothing here runs; kernels are compiled by allo-ts, never executed.)
import { type float32, grid, type Int, type int8, type int32, zeros } from "../../src/index.ts";

const M = 4;
type M = typeof M;
const N = 8;
type N = typeof N;

function mm(A: float32<[M, N]>, B: float32<[N, M]>): float32<[M, M]> {
  const C: float32<[M, M]> = zeros();
  for (const [i, j, k] of grid(M, M, N)) C[i][j] += A[i][k] * B[k][j];
  return C;
}

export function callers(A: float32<[M, N]>, B: float32<[N, M]>, X: int8<[M, N]>, Y: Int<8, [M, N]>): void {
  mm(A, B);
  // @ts-expect-error shapes are swapped
  mm(B, A);
  // @ts-expect-error int8 is not float32
  mm(X, B);
  const sameType: int8<[M, N]> = Y; // Int<8> and int8 are the same type
  // @ts-expect-error a 2-D tensor is indexed twice
  const row: number = A[0];
  // @ts-expect-error too many indices
  A[0][1][2] = 1;
  const s: int32 = A[1][2] * 2; // elements are numbers
  void sameType;
  void row;
  void s;
}

/** A result extent written `number` (computed in the kernel's body) meets literal extents both ways. */
declare function pooled(X: float32<[M, N]>): float32<[M, number]>;
export function computedExtents(A: float32<[M, N]>): void {
  const _p: float32<[M, 2]> = pooled(A);
  // @ts-expect-error the known extent M (4) still differs from 5
  const _q: float32<[5, 2]> = pooled(A);
}
