// PolyBench gesummv: y = alpha*A*x + beta*B*x with the partial product tmp = A*x kept as an output.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_gesummv<N extends number>(
  alpha: float32,
  beta: float32,
  A: Tensor<float32, [N, N]>,
  B: Tensor<float32, [N, N]>,
  tmp: Tensor<float32, [N]>,
  x: Tensor<float32, [N]>,
  y: Tensor<float32, [N]>,
): void {
  for (const i of range<N>()) {
    tmp[i] = 0.0;
    y[i] = 0.0;
    for (const j of range<N>()) {
      tmp[i] = A[i][j] * x[j] + tmp[i];
      y[i] = B[i][j] * x[j] + y[i];
    }
    y[i] = alpha * tmp[i] + beta * y[i];
  }
}

export const SIZES = {
  mini: { N: 30 },
  small: { N: 90 },
  medium: { N: 250 },
};

export function schedule(s: Schedule): void {
  s.bufferAt("tmp", "i");
  s.bufferAt("y", "i");
  s.pipeline("j");
}

/** Allo's gesummv schedule (compute_tmp, compute_y): compute_tmp's i, j are i, j; compute_y's i0 is i. */
export function alloSchedule(s: Schedule): void {
  // reorder("j", "i"): AL3004 here (tmp and y are set in i's body, j is not perfectly nested)
  s.pipeline("i"); // compute_y's i0: y's update is in i's body here, so j is unrolled with it
}
