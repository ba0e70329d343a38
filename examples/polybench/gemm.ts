// PolyBench gemm: C = alpha*A*B + beta*C, C updated in place, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_gemm<NI extends number, NJ extends number, NK extends number>(
  alpha: float32,
  beta: float32,
  C: Tensor<float32, [NI, NJ]>,
  A: Tensor<float32, [NI, NK]>,
  B: Tensor<float32, [NK, NJ]>,
): void {
  for (const i of range<NI>()) {
    for (const j of range<NJ>()) C[i][j] *= beta;
    for (const k of range<NK>()) {
      for (const j1 of range<NJ>()) C[i][j1] += alpha * A[i][k] * B[k][j1];
    }
  }
}

export const SIZES = {
  mini: { NI: 20, NJ: 25, NK: 30 },
  small: { NI: 60, NJ: 70, NK: 80 },
  medium: { NI: 200, NJ: 220, NK: 240 },
};

export function schedule(s: Schedule): void {
  s.bufferAt("C", "i");
  s.pipeline("j");
  s.pipeline("j1");
}

/** Allo's gemm schedule (mm1 + ele_add) on these loops: mm1's k0, j0, out_AB are k, j1 and C's row. */
export function alloSchedule(s: Schedule): void {
  s.reorder("k", "j1"); // PolyBench's order already has k outside j1: a no-op here
  s.bufferAt("C", "i");
  s.pipeline("k"); // j1 fully unrolled inside, as Allo's j0
  s.pipeline("j"); // ele_add's j2: here the beta-scaling loop
}
