// transpose of allo-ts/library on float32, row-major. The products (matmul, bmm, linear, conv2d) are in
// ./products.ts, generated with their integer forms.
import { type float32, grid, registerSchedule, zeros } from "allo-ts";

/** `X^T`: [M, N] -> [N, M]. */
export function transpose<M extends number, N extends number>(X: float32<[M, N]>): float32<[N, M]> {
  const Y: float32<[N, M]> = zeros();
  for (const [i, j] of grid<[M, N]>()) Y[j][i] = X[i][j];
  return Y;
}

registerSchedule(transpose, (s) => {
  s.pipeline("j");
});
