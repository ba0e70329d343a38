// PolyBench trisolv: forward substitution L x = b for lower triangular L, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_trisolv<N extends number>(
  L: Tensor<float32, [N, N]>,
  x: Tensor<float32, [N]>,
  b: Tensor<float32, [N]>,
): void {
  for (const i of range<N>()) {
    x[i] = b[i];
    for (const j of range(i)) x[i] -= L[i][j] * x[j];
    x[i] = x[i] / L[i][i];
  }
}

export const SIZES = {
  mini: { N: 40 },
  small: { N: 120 },
  medium: { N: 400 },
};

export function schedule(s: Schedule): void {
  s.pipeline("j");
}
