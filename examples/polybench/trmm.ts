// PolyBench trmm: B = alpha * A^T * B with A unit lower triangular, B updated in place, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";
import { M } from "./params.ts";

export function kernel_trmm<M extends number, N extends number>(
  alpha: float32,
  A: Tensor<float32, [M, M]>,
  B: Tensor<float32, [M, N]>,
): void {
  for (const i of range<M>()) {
    for (const j of range<N>()) {
      for (const k of range(i + 1, M)) B[i][j] += A[k][i] * B[k][j];
      B[i][j] = alpha * B[i][j];
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
}

/** Allo's trmm schedule (S0, S1, fused in i/j here): S0's i1, j1, k1 are i, j, k; S1's j0 is j. */
export function alloSchedule(s: Schedule): void {
  s.partition("B", { type: "cyclic", dim: 2, factor: 20 });
  // reorder("k1", "j1"): AL3004 here (B is scaled in j's body, k is not perfectly nested); buffer_at(B, "i1")
  // is commented out in Allo's file (it broke Allo's functional test)
  s.pipeline("k"); // S0's j1 encloses the reduction k here, and pipelining j would unroll k (range(i + 1, M))
  // unroll("j1", 20) and S1's pipeline/unroll("j0", 20): j encloses the pipelined k, and S1's scaling is in j's body
}
