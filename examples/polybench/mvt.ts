// PolyBench mvt: x1 += A * y_1 and x2 += A^T * y_2, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_mvt<N extends number>(
  x1: Tensor<float32, [N]>,
  x2: Tensor<float32, [N]>,
  y_1: Tensor<float32, [N]>,
  y_2: Tensor<float32, [N]>,
  A: Tensor<float32, [N, N]>,
): void {
  for (const i of range<N>()) {
    for (const j of range<N>()) x1[i] = x1[i] + A[i][j] * y_1[j];
  }
  for (const i1 of range<N>()) {
    for (const j1 of range<N>()) x2[i1] = x2[i1] + A[j1][i1] * y_2[j1];
  }
}

export const SIZES = {
  mini: { N: 40 },
  small: { N: 120 },
  medium: { N: 400 },
};

export function schedule(s: Schedule): void {
  s.bufferAt("x1", "i");
  s.pipeline("j");
  s.reorder("j1", "i1");
  s.pipeline("i1");
  s.partition("A", { type: "cyclic", dim: 2, factor: 2 });
  s.partition("y_1", { type: "cyclic", dim: 1, factor: 2 });
  s.partition("x2", { type: "cyclic", dim: 1, factor: 2 });
}

/** Allo's mvt schedule (stageA, stageB): i0, y1 are i, y_1; i1, y2 are i1, y_2; both A and A_copy are A. */
export function alloSchedule(s: Schedule): void {
  s.pipeline("i");
  s.partition("A", { type: "complete", dim: 2 });
  s.partition("y_1", { type: "complete", dim: 1 });
  s.pipeline("i1");
  s.partition("A", { type: "complete", dim: 1 });
  s.partition("y_2", { type: "complete", dim: 1 });
}
