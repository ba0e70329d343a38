// PolyBench syr2k: the lower triangle of C = alpha*A*B^T + alpha*B*A^T + beta*C, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_syr2k<M extends number, N extends number>(
  alpha: float32,
  beta: float32,
  C: Tensor<float32, [N, N]>,
  A: Tensor<float32, [N, M]>,
  B: Tensor<float32, [N, M]>,
): void {
  for (const i of range<N>()) {
    for (const j of range(i + 1)) C[i][j] *= beta;
    for (const k of range<M>()) {
      for (const j1 of range(i + 1)) {
        C[i][j1] += A[j1][k] * alpha * B[i][k] + B[j1][k] * alpha * A[i][k];
      }
    }
  }
}

export const SIZES = {
  mini: { M: 20, N: 30 },
  small: { M: 60, N: 80 },
  medium: { M: 200, N: 240 },
};

export function schedule(s: Schedule): void {
  s.pipeline("j");
  s.pipeline("j1");
  s.partition("A", { type: "cyclic", dim: 1, factor: 2 });
  s.partition("B", { type: "cyclic", dim: 1, factor: 2 });
}
