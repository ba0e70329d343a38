// PolyBench symm: C = alpha*A*B + beta*C with A symmetric and only its lower triangle read, in PolyBench's
// loop order (the upper rows of C are updated while row i is formed).
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_symm<M extends number, N extends number>(
  alpha: float32,
  beta: float32,
  C: Tensor<float32, [M, N]>,
  A: Tensor<float32, [M, M]>,
  B: Tensor<float32, [M, N]>,
): void {
  for (const i of range<M>()) {
    for (const j of range<N>()) {
      let temp2: float32 = 0.0;
      for (const k of range(i)) {
        C[k][j] += alpha * B[i][j] * A[i][k];
        temp2 += B[k][j] * A[i][k];
      }
      C[i][j] = beta * C[i][j] + alpha * B[i][j] * A[i][i] + alpha * temp2;
    }
  }
}

export const SIZES = {
  mini: { M: 20, N: 30 },
  small: { M: 60, N: 80 },
  medium: { M: 200, N: 240 },
};

export function schedule(s: Schedule): void {
  s.pipeline("k");
  s.partition("C", { type: "cyclic", dim: 2, factor: 2 });
  s.partition("B", { type: "cyclic", dim: 2, factor: 2 });
}

/** Allo's symm schedule (update_C, compute_sum, fused in i/j/k here): update_C's k is k; summ is temp2. */
export function alloSchedule(s: Schedule): void {
  s.pipeline("k");
  s.partition("C", { type: "complete", dim: 2 });
  s.partition("B", { type: "complete", dim: 2 });
  // update_C's pipeline("j1"): C's final update is in j's body, and pipelining j would unroll k (range(i))
  // compute_sum's reorder("k1", "j1"): AL3004 here (temp2 is set in j's body); buffer_at(summ) and
  // partition(summ): summ is the scalar temp2 here; partition(B, cyclic 24): AL3401 (B's dim 2 is banked
  // above); unroll("j1", 24): j encloses the pipelined k, so its copies would run one after another
}
