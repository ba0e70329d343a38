// PolyBench correlation: column means, standard deviations (near-zero ones replaced by 1), the centred and
// reduced data (updated in place) and the symmetric M x M correlation matrix, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";
import { M } from "./params.ts";

export function kernel_correlation<M extends number, N extends number>(
  float_n: float32,
  data: Tensor<float32, [N, M]>,
  corr: Tensor<float32, [M, M]>,
  mean: Tensor<float32, [M]>,
  stddev: Tensor<float32, [M]>,
): void {
  const eps: float32 = 0.1;
  for (const j of range<M>()) {
    mean[j] = 0.0;
    for (const i of range<N>()) mean[j] += data[i][j];
    mean[j] /= float_n;
  }
  for (const j1 of range<M>()) {
    stddev[j1] = 0.0;
    for (const i1 of range<N>()) stddev[j1] += (data[i1][j1] - mean[j1]) * (data[i1][j1] - mean[j1]);
    stddev[j1] /= float_n;
    stddev[j1] = Math.sqrt(stddev[j1]);
    stddev[j1] = stddev[j1] <= eps ? 1.0 : stddev[j1];
  }
  for (const i2 of range<N>()) {
    for (const j2 of range<M>()) {
      data[i2][j2] -= mean[j2];
      data[i2][j2] /= Math.sqrt(float_n) * stddev[j2];
    }
  }
  for (const i3 of range(M - 1)) {
    corr[i3][i3] = 1.0;
    for (const j3 of range(i3 + 1, M)) {
      corr[i3][j3] = 0.0;
      for (const k of range<N>()) corr[i3][j3] += data[k][i3] * data[k][j3];
      corr[j3][i3] = corr[i3][j3];
    }
  }
  corr[M - 1][M - 1] = 1.0;
}

export const SIZES = {
  mini: { M: 28, N: 32 },
  small: { M: 80, N: 100 },
  medium: { M: 240, N: 260 },
};

export function schedule(s: Schedule): void {
  s.bufferAt("mean", "j");
  s.pipeline("i");
  s.bufferAt("stddev", "j1");
  s.pipeline("i1");
  s.pipeline("j2");
  s.partition("mean", { type: "complete", dim: 1 });
  s.partition("stddev", { type: "complete", dim: 1 });
  s.pipeline("k");
}

/** Allo's correlation schedule (compute_mean, compute_stddev, center_reduce, compute_corr) on j, j1, i2, j3. */
export function alloSchedule(s: Schedule): void {
  s.pipeline("j");
  s.partition("data", { type: "complete", dim: 1 }); // compute_mean's and compute_stddev's
  s.pipeline("j1");
  s.pipeline("i2");
  s.partition("data", { type: "complete", dim: 2 }); // center_reduce's (one data array here, so both dims)
  s.partition("mean", { type: "complete", dim: 1 });
  s.partition("stddev", { type: "complete", dim: 1 });
  s.pipeline("j3");
}
