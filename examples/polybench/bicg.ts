// PolyBench bicg: s = A^T * r and q = A * p in one sweep over A, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_bicg<M extends number, N extends number>(
  A: Tensor<float32, [N, M]>,
  s: Tensor<float32, [M]>,
  q: Tensor<float32, [N]>,
  p: Tensor<float32, [M]>,
  r: Tensor<float32, [N]>,
): void {
  for (const i of range<M>()) s[i] = 0.0;
  for (const i1 of range<N>()) {
    q[i1] = 0.0;
    for (const j of range<M>()) {
      s[j] = s[j] + r[i1] * A[i1][j];
      q[i1] = q[i1] + A[i1][j] * p[j];
    }
  }
}

export const SIZES = {
  mini: { M: 38, N: 42 },
  small: { M: 116, N: 124 },
  medium: { M: 390, N: 410 },
};

export function schedule(s: Schedule): void {
  s.bufferAt("q", "i1");
  s.pipeline("i");
  s.pipeline("j");
  s.partition("A", { type: "cyclic", dim: 2, factor: 2 });
  s.partition("s", { type: "cyclic", dim: 1, factor: 2 });
  s.partition("p", { type: "cyclic", dim: 1, factor: 2 });
}
