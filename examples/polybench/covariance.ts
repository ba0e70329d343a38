// PolyBench covariance: column means, the centred data (updated in place) and the symmetric covariance
// matrix, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";
import { M } from "./params.ts";

export function kernel_covariance<M extends number, N extends number>(
  float_n: float32,
  data: Tensor<float32, [N, M]>,
  cov: Tensor<float32, [M, M]>,
  mean: Tensor<float32, [M]>,
): void {
  for (const j of range<M>()) {
    mean[j] = 0.0;
    for (const i of range<N>()) mean[j] += data[i][j];
    mean[j] /= float_n;
  }
  for (const i1 of range<N>()) {
    for (const j1 of range<M>()) data[i1][j1] -= mean[j1];
  }
  for (const i2 of range<M>()) {
    for (const j2 of range(i2, M)) {
      cov[i2][j2] = 0.0;
      for (const k of range<N>()) cov[i2][j2] += data[k][i2] * data[k][j2];
      cov[i2][j2] /= float_n - 1.0;
      cov[j2][i2] = cov[i2][j2];
    }
  }
}

export const SIZES = {
  mini: { M: 28, N: 32 },
  small: { M: 80, N: 100 },
  medium: { M: 240, N: 260 },
};

export function schedule(s: Schedule): void {
  s.bufferAt("mean", "j");
  s.pipeline("i");
  s.pipeline("j1");
  s.partition("mean", { type: "complete", dim: 1 });
  s.pipeline("k");
}
