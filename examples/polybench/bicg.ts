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

/** Allo's bicg schedule (stageS, stageQ, both fused in i1/j here): stageS's i0, j0 are i1, j. */
export function alloSchedule(s: Schedule): void {
  s.pipeline("i1"); // stageS's i0; j fully unrolled inside
  s.partition("A", { type: "complete", dim: 2 });
  s.partition("s", { type: "complete", dim: 1 });
  // stageQ's reorder("j1", "i1") + pipeline("j1"): AL3004 here (q is set in i1's body); its j is unrolled above
  s.partition("q", { type: "complete", dim: 1 });
  // stageQ's partition(A_copy, dim=1) banks the operand its unrolled loop indexes; here that is p (j unrolled)
  s.partition("p", { type: "complete", dim: 1 });
}
