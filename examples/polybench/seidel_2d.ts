// PolyBench seidel-2d: TSTEPS in-place Gauss-Seidel sweeps of the 9-point average over A.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";
import { N } from "./params.ts";

export function kernel_seidel_2d<TSTEPS extends number, N extends number>(A: Tensor<float32, [N, N]>): void {
  for (const _t of range<TSTEPS>()) {
    for (const i of range(1, N - 1)) {
      for (const j of range(1, N - 1)) {
        A[i][j] =
          (A[i - 1][j - 1] +
            A[i - 1][j] +
            A[i - 1][j + 1] +
            A[i][j - 1] +
            A[i][j] +
            A[i][j + 1] +
            A[i + 1][j - 1] +
            A[i + 1][j] +
            A[i + 1][j + 1]) /
          9.0;
      }
    }
  }
}

export const SIZES = {
  mini: { TSTEPS: 20, N: 40 },
  small: { TSTEPS: 40, N: 120 },
  medium: { TSTEPS: 100, N: 400 },
};

export function schedule(s: Schedule): void {
  s.pipeline("j");
  s.partition("A", { type: "cyclic", dim: 2, factor: 3 });
}
