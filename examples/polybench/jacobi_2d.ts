// PolyBench jacobi-2d: TSTEPS double sweeps of the 5-point average between A and B, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";
import { N } from "./params.ts";

export function kernel_jacobi_2d<TSTEPS extends number, N extends number>(
  A: Tensor<float32, [N, N]>,
  B: Tensor<float32, [N, N]>,
): void {
  for (const _t of range<TSTEPS>()) {
    for (const i of range(1, N - 1)) {
      for (const j of range(1, N - 1)) {
        B[i][j] = 0.2 * (A[i][j] + A[i][j - 1] + A[i][1 + j] + A[1 + i][j] + A[i - 1][j]);
      }
    }
    for (const i1 of range(1, N - 1)) {
      for (const j1 of range(1, N - 1)) {
        A[i1][j1] = 0.2 * (B[i1][j1] + B[i1][j1 - 1] + B[i1][1 + j1] + B[1 + i1][j1] + B[i1 - 1][j1]);
      }
    }
  }
}

export const SIZES = {
  mini: { TSTEPS: 20, N: 30 },
  small: { TSTEPS: 40, N: 90 },
  medium: { TSTEPS: 100, N: 250 },
};

export function schedule(s: Schedule): void {
  const lb = s.reuseAt("A", "i");
  s.reuseAt(lb, "j");
  s.pipeline("i");
  const lb1 = s.reuseAt("B", "i1");
  s.reuseAt(lb1, "j1");
  s.pipeline("i1");
  s.partition("A", { type: "complete", dim: 2 });
  s.partition("B", { type: "complete", dim: 2 });
}

/** Allo's jacobi_2d schedule (compute_A, compute_B): their i0, j0, A0 and i1, j1, B1 are i, j, A and i1, j1, B. */
export function alloSchedule(s: Schedule): void {
  const lb = s.reuseAt("A", "i");
  const wb = s.reuseAt(lb, "j");
  s.pipeline("i");
  s.partition(lb, { type: "complete" });
  s.partition(wb, { type: "complete" });
  const lb1 = s.reuseAt("B", "i1");
  const wb1 = s.reuseAt(lb1, "j1");
  s.pipeline("i1");
  s.partition(lb1, { type: "complete" });
  s.partition(wb1, { type: "complete" });
  s.partition("A", { type: "complete", dim: 2 });
  s.partition("B", { type: "complete", dim: 2 });
}
