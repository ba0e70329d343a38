// PolyBench ludcmp: LU decomposition of A in place, then forward (y) and backward (x) substitution for A x = b.
// PolyBench's downward loop `for (i = N-1; i >= 0; i--)` is written as ii = 0..N-1 with i = N-1-ii.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";
import { N } from "./params.ts";

export function kernel_ludcmp<N extends number>(
  A: Tensor<float32, [N, N]>,
  b: Tensor<float32, [N]>,
  x: Tensor<float32, [N]>,
  y: Tensor<float32, [N]>,
): void {
  for (const i of range<N>()) {
    for (const j of range(i)) {
      let w: float32 = A[i][j];
      for (const k of range(j)) w -= A[i][k] * A[k][j];
      A[i][j] = w / A[j][j];
    }
    for (const j1 of range(i, N)) {
      let w1: float32 = A[i][j1];
      for (const k1 of range(i)) w1 -= A[i][k1] * A[k1][j1];
      A[i][j1] = w1;
    }
  }
  for (const i1 of range<N>()) {
    let w2: float32 = b[i1];
    for (const j2 of range(i1)) w2 -= A[i1][j2] * y[j2];
    y[i1] = w2;
  }
  for (const ii of range<N>()) {
    let w3: float32 = y[N - 1 - ii];
    for (const j3 of range(N - ii, N)) w3 -= A[N - 1 - ii][j3] * x[j3];
    x[N - 1 - ii] = w3 / A[N - 1 - ii][N - 1 - ii];
  }
}

export const SIZES = {
  mini: { N: 40 },
  small: { N: 120 },
  medium: { N: 400 },
};

export function schedule(s: Schedule): void {
  s.pipeline("k");
  s.pipeline("k1");
  s.pipeline("j2");
  s.pipeline("j3");
}
