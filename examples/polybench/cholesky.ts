// PolyBench cholesky: in-place Cholesky factorisation A = L*L^T (L in the lower triangle), PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_cholesky<N extends number>(A: Tensor<float32, [N, N]>): void {
  for (const i of range<N>()) {
    for (const j of range(i)) {
      for (const k of range(j)) A[i][j] -= A[i][k] * A[j][k];
      A[i][j] /= A[j][j];
    }
    for (const k1 of range(i)) A[i][i] -= A[i][k1] * A[i][k1];
    A[i][i] = Math.sqrt(A[i][i]);
  }
}

export const SIZES = {
  mini: { N: 40 },
  small: { N: 120 },
  medium: { N: 400 },
};

export function schedule(s: Schedule): void {
  s.pipeline("k");
  s.pipeline("k1");
}
