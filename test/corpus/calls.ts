// Kernels calling kernels: output parameters, returned tensors, imported callees, generic callees
// instantiated explicitly and from argument types, scalar parameters.
import { type DType, grid, type int8, type int16, type int32, range, type Tensor, zeros } from "allo-ts";
import { M, matmul, N } from "./matmul.ts";
import { L } from "./sizes.ts";

export function scaleBy<T extends DType, S extends number>(A: Tensor<T, [S]>, f: int32): Tensor<T, [S]> {
  const B: Tensor<T, [S]> = zeros();
  for (const i of range<S>()) B[i] = A[i] * f;
  return B;
}

export function addOne(A: int32<[L]>, B: int32<[L]>): void {
  for (const i of range(L)) B[i] = A[i] + 1;
}

/** Calls a local kernel with outputs, a generic one explicitly and by inference, and returns. */
export function pipeline(A: int32<[L]>): int32<[L]> {
  const T: int32<[L]> = zeros();
  addOne(A, T);
  const U = scaleBy<int32, L>(T, 3);
  const V: int32<[L]> = scaleBy(U, -2);
  return V;
}

/** Calls the imported int8 matmul twice and adds the results. */
export function twoMatmuls(A: int8<[M, 768]>, B: int8<[768, N]>, W: int8<[768, N]>): int16<[M, N]> {
  const C1: int16<[M, N]> = zeros();
  const C2: int16<[M, N]> = zeros();
  matmul(A, B, C1);
  matmul(A, W, C2);
  const D: int16<[M, N]> = zeros();
  for (const [i, j] of grid(M, N)) D[i][j] = C1[i][j] - C2[i][j];
  return D;
}
