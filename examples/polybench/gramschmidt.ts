// PolyBench gramschmidt: QR decomposition of A by modified Gram-Schmidt (A is overwritten), PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";
import { N } from "./params.ts";

export function kernel_gramschmidt<M extends number, N extends number>(
  A: Tensor<float32, [M, N]>,
  R: Tensor<float32, [N, N]>,
  Q: Tensor<float32, [M, N]>,
): void {
  for (const k of range<N>()) {
    let nrm: float32 = 0.0;
    for (const i of range<M>()) nrm += A[i][k] * A[i][k];
    R[k][k] = Math.sqrt(nrm);
    for (const i1 of range<M>()) Q[i1][k] = A[i1][k] / R[k][k];
    for (const j of range(k + 1, N)) {
      R[k][j] = 0.0;
      for (const i2 of range<M>()) R[k][j] += Q[i2][k] * A[i2][j];
      for (const i3 of range<M>()) A[i3][j] = A[i3][j] - Q[i3][k] * R[k][j];
    }
  }
}

export const SIZES = {
  mini: { M: 20, N: 30 },
  small: { M: 60, N: 80 },
  medium: { M: 200, N: 240 },
};

export function schedule(s: Schedule): void {
  s.pipeline("i");
  s.pipeline("i1");
  s.bufferAt("R", "j");
  s.pipeline("i2");
  s.pipeline("i3");
}
