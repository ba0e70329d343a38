// PolyBench heat-3d: TSTEPS double sweeps of the 3-D heat equation's 7-point stencil between A and B.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";
import { N } from "./params.ts";

export function kernel_heat_3d<TSTEPS extends number, N extends number>(
  A: Tensor<float32, [N, N, N]>,
  B: Tensor<float32, [N, N, N]>,
): void {
  for (const _t of range<TSTEPS>()) {
    for (const i of range(1, N - 1)) {
      for (const j of range(1, N - 1)) {
        for (const k of range(1, N - 1)) {
          B[i][j][k] =
            0.125 * (A[i + 1][j][k] - 2.0 * A[i][j][k] + A[i - 1][j][k]) +
            0.125 * (A[i][j + 1][k] - 2.0 * A[i][j][k] + A[i][j - 1][k]) +
            0.125 * (A[i][j][k + 1] - 2.0 * A[i][j][k] + A[i][j][k - 1]) +
            A[i][j][k];
        }
      }
    }
    for (const i1 of range(1, N - 1)) {
      for (const j1 of range(1, N - 1)) {
        for (const k1 of range(1, N - 1)) {
          A[i1][j1][k1] =
            0.125 * (B[i1 + 1][j1][k1] - 2.0 * B[i1][j1][k1] + B[i1 - 1][j1][k1]) +
            0.125 * (B[i1][j1 + 1][k1] - 2.0 * B[i1][j1][k1] + B[i1][j1 - 1][k1]) +
            0.125 * (B[i1][j1][k1 + 1] - 2.0 * B[i1][j1][k1] + B[i1][j1][k1 - 1]) +
            B[i1][j1][k1];
        }
      }
    }
  }
}

export const SIZES = {
  mini: { TSTEPS: 20, N: 10 },
  small: { TSTEPS: 40, N: 20 },
  medium: { TSTEPS: 100, N: 40 },
};

export function schedule(s: Schedule): void {
  s.pipeline("k");
  s.pipeline("k1");
  s.partition("A", { type: "cyclic", dim: 3, factor: 2 });
  s.partition("B", { type: "cyclic", dim: 3, factor: 2 });
}
