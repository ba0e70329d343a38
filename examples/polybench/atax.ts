// PolyBench atax: y = A^T * (A * x), with tmp = A * x kept as an output, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_atax<M extends number, N extends number>(
  A: Tensor<float32, [M, N]>,
  x: Tensor<float32, [N]>,
  y: Tensor<float32, [N]>,
  tmp: Tensor<float32, [M]>,
): void {
  for (const i of range<N>()) y[i] = 0.0;
  for (const i1 of range<M>()) {
    tmp[i1] = 0.0;
    for (const j of range<N>()) tmp[i1] = tmp[i1] + A[i1][j] * x[j];
    for (const j1 of range<N>()) y[j1] = y[j1] + A[i1][j1] * tmp[i1];
  }
}

export const SIZES = {
  mini: { M: 38, N: 42 },
  small: { M: 116, N: 124 },
  medium: { M: 390, N: 410 },
};

export function schedule(s: Schedule): void {
  s.bufferAt("tmp", "i1");
  s.pipeline("j");
  s.pipeline("j1");
  s.partition("A", { type: "cyclic", dim: 2, factor: 2 });
  s.partition("y", { type: "cyclic", dim: 1, factor: 2 });
  s.unroll("j1", 2);
}

/** Allo's atax schedule (stage_M, stage_N): stage_M's m, r are i1, j; stage_N's n, k are j1, i1. */
export function alloSchedule(s: Schedule): void {
  // reorder("r", "m"): AL3004 here (j is not perfectly nested in i1), so the reduction j stays innermost
  s.pipeline("j");
  // reorder("k", "n"): PolyBench's order already has i1 outside j1 (not a perfect band, so not restated)
  s.pipeline("j1");
}
