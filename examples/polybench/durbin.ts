// PolyBench durbin: Levinson-Durbin recursion for the Toeplitz system given by r, solution y, with the
// temporary z and the scalars alpha, beta, sum local as in PolyBench.
import { type float32, range, type Schedule, type Tensor, zeros } from "allo-ts";
import { N } from "./params.ts";

export function kernel_durbin<N extends number>(r: Tensor<float32, [N]>, y: Tensor<float32, [N]>): void {
  const z: Tensor<float32, [N]> = zeros();
  y[0] = -r[0];
  let beta: float32 = 1.0;
  let alpha: float32 = -r[0];
  for (const k of range(1, N)) {
    beta = (1 - alpha * alpha) * beta;
    let sum: float32 = 0.0;
    for (const i of range(k)) sum += r[k - i - 1] * y[i];
    alpha = -(r[k] + sum) / beta;
    for (const i1 of range(k)) z[i1] = y[i1] + alpha * y[k - i1 - 1];
    for (const i2 of range(k)) y[i2] = z[i2];
    y[k] = alpha;
  }
}

export const SIZES = {
  mini: { N: 40 },
  small: { N: 120 },
  medium: { N: 400 },
};

export function schedule(s: Schedule): void {
  s.pipeline("i");
  s.pipeline("i1");
  s.pipeline("i2");
}
