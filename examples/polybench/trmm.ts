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
