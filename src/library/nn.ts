// Normalisations of allo-ts/library over the last axis of a float32 [M, N] matrix: softmax
// (max-subtracted) and layerNorm (biased variance, template value Eps = 1e-5, then gamma and beta per
// column). Each row runs its passes in order, sums from column 0 up; the default schedules pipeline
// every pass.
import { type float32, range, registerSchedule, zeros } from "allo-ts";

/** The value twins tsc needs for the template parameters used as numbers (row length, epsilon). */
declare const N: number, Eps: number;

/** `softmax(X)` per row: `e^(x - max) / sum(e^(x - max))`. */
export function softmax<M extends number, N extends number>(X: float32<[M, N]>): float32<[M, N]> {
  const Y: float32<[M, N]> = zeros();
  for (const i of range<M>()) {
    let m: float32 = X[i][0];
    for (const j of range<N>()) m = Math.max(m, X[i][j]);
    let s: float32 = 0.0;
    for (const j1 of range<N>()) {
      Y[i][j1] = Math.exp(X[i][j1] - m);
      s += Y[i][j1];
    }
    for (const j2 of range<N>()) Y[i][j2] = Y[i][j2] / s;
  }
  return Y;
}

/** `(x - mean) / sqrt(var + Eps) * gamma + beta` per row, var the biased variance. */
export function layerNorm<
  M extends number,
  N extends number,
  // biome-ignore lint/correctness/noUnusedVariables: used as a value through its declare const twin
  Eps extends number = 1e-5,
>(X: float32<[M, N]>, gamma: float32<[N]>, beta: float32<[N]>): float32<[M, N]> {
  const Y: float32<[M, N]> = zeros();
  for (const i of range<M>()) {
    let sum: float32 = 0.0;
    for (const j of range<N>()) sum += X[i][j];
    const mean: float32 = sum / N;
    let sq: float32 = 0.0;
    for (const j1 of range<N>()) sq += (X[i][j1] - mean) * (X[i][j1] - mean);
    const rstd: float32 = 1.0 / Math.sqrt(sq / N + Eps);
    for (const j2 of range<N>()) Y[i][j2] = (X[i][j2] - mean) * rstd * gamma[j2] + beta[j2];
  }
  return Y;
}

for (const k of [softmax, layerNorm]) {
  registerSchedule(k, (s) => {
    s.pipeline("j");
    s.pipeline("j1");
    s.pipeline("j2");
  });
}
