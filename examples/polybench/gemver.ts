// PolyBench gemver: A += u1*v1^T + u2*v2^T, x += beta*A^T*y + z, w += alpha*A*x, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_gemver<N extends number>(
  alpha: float32,
  beta: float32,
  A: Tensor<float32, [N, N]>,
  u1: Tensor<float32, [N]>,
  v1: Tensor<float32, [N]>,
  u2: Tensor<float32, [N]>,
  v2: Tensor<float32, [N]>,
  w: Tensor<float32, [N]>,
  x: Tensor<float32, [N]>,
  y: Tensor<float32, [N]>,
  z: Tensor<float32, [N]>,
): void {
  for (const i of range<N>()) {
    for (const j of range<N>()) A[i][j] = A[i][j] + u1[i] * v1[j] + u2[i] * v2[j];
  }
  for (const i1 of range<N>()) {
    for (const j1 of range<N>()) x[i1] = x[i1] + beta * A[j1][i1] * y[j1];
  }
  for (const i2 of range<N>()) x[i2] = x[i2] + z[i2];
  for (const i3 of range<N>()) {
    for (const j3 of range<N>()) w[i3] = w[i3] + alpha * A[i3][j3] * x[j3];
  }
}

export const SIZES = {
  mini: { N: 40 },
  small: { N: 120 },
  medium: { N: 400 },
};

export function schedule(s: Schedule): void {
  s.pipeline("j");
  s.reorder("j1", "i1");
  s.pipeline("i1");
  s.pipeline("i2");
  s.bufferAt("w", "i3");
  s.pipeline("j3");
}
