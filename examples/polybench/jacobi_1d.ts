// PolyBench jacobi-1d: TSTEPS double sweeps of the 3-point average between A and B. The constant 0.33333 is
// a float32 literal here (allo-ts literals are float32); PolyBench's C writes a double literal.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";
import { N } from "./params.ts";

export function kernel_jacobi_1d<TSTEPS extends number, N extends number>(
  A: Tensor<float32, [N]>,
  B: Tensor<float32, [N]>,
): void {
  for (const _t of range<TSTEPS>()) {
    for (const i of range(1, N - 1)) B[i] = 0.33333 * (A[i - 1] + A[i] + A[i + 1]);
    for (const i1 of range(1, N - 1)) A[i1] = 0.33333 * (B[i1 - 1] + B[i1] + B[i1 + 1]);
  }
}

export const SIZES = {
  mini: { TSTEPS: 20, N: 30 },
  small: { TSTEPS: 40, N: 120 },
  medium: { TSTEPS: 100, N: 400 },
};

export function schedule(s: Schedule): void {
  s.reuseAt("A", "i");
  s.pipeline("i");
  s.reuseAt("B", "i1");
  s.pipeline("i1");
}
