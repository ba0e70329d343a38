// PolyBench lu: in-place LU decomposition without pivoting (unit L below the diagonal, U on and above it).
import { type float32, range, type Schedule, type Tensor } from "allo-ts";
import { N } from "./params.ts";

export function kernel_lu<N extends number>(A: Tensor<float32, [N, N]>): void {
  for (const i of range<N>()) {
    for (const j of range(i)) {
      for (const k of range(j)) A[i][j] -= A[i][k] * A[k][j];
      A[i][j] /= A[j][j];
    }
    for (const j1 of range(i, N)) {
      for (const k1 of range(i)) A[i][j1] -= A[i][k1] * A[k1][j1];
    }
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
}
