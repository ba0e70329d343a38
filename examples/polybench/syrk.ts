// PolyBench syrk: the lower triangle of C = alpha*A*A^T + beta*C, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_syrk<M extends number, N extends number>(
  alpha: float32,
  beta: float32,
  C: Tensor<float32, [N, N]>,
  A: Tensor<float32, [N, M]>,
): void {
  for (const i of range<N>()) {
    for (const j of range(i + 1)) C[i][j] *= beta;
    for (const k of range<M>()) {
      for (const j1 of range(i + 1)) C[i][j1] += alpha * A[i][k] * A[j1][k];
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
}

/** Allo's syrk schedule (update_C, compute_sum): update_C's j0 is j, compute_sum's k1, j1 are k, j1. */
export function alloSchedule(s: Schedule): void {
  s.pipeline("j"); // update_C's i0 (j0 unrolled there); j's bound range(i + 1) varies, so j itself
  s.partition("C", { type: "complete", dim: 2 }); // Cin, Cout and compute_sum's buffer are all C here
  s.pipeline("j1"); // compute_sum's k1 would unroll j1, whose bound range(i + 1) varies
  s.partition("A", { type: "complete", dim: 1 }); // A_copy's
  // the load and store loops (pipeline("i0"), pipeline("i2")) copy C into compute_sum's buffer: none here
}
