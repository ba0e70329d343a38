// PolyBench 2mm: D = alpha*A*B*C + beta*D through the temporary tmp = alpha*A*B, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_two_mm<NI extends number, NJ extends number, NK extends number, NL extends number>(
  alpha: float32,
  beta: float32,
  tmp: Tensor<float32, [NI, NJ]>,
  A: Tensor<float32, [NI, NK]>,
  B: Tensor<float32, [NK, NJ]>,
  C: Tensor<float32, [NJ, NL]>,
  D: Tensor<float32, [NI, NL]>,
): void {
  for (const i of range<NI>()) {
    for (const j of range<NJ>()) {
      tmp[i][j] = 0.0;
      for (const k of range<NK>()) tmp[i][j] += alpha * A[i][k] * B[k][j];
    }
  }
  for (const i1 of range<NI>()) {
    for (const j1 of range<NL>()) {
      D[i1][j1] *= beta;
      for (const k1 of range<NJ>()) D[i1][j1] += tmp[i1][k1] * C[k1][j1];
    }
  }
}

export const SIZES = {
  mini: { NI: 16, NJ: 18, NK: 22, NL: 24 },
  small: { NI: 40, NJ: 50, NK: 70, NL: 80 },
  medium: { NI: 180, NJ: 190, NK: 210, NL: 220 },
};

export function schedule(s: Schedule): void {
  s.bufferAt("tmp", "j");
  s.pipeline("k");
  s.bufferAt("D", "j1");
  s.pipeline("k1");
}

/** Allo's 2mm schedule (mm1, mm2, ele_add) on these loops: mm1's i0, j0, k0 are i, j, k; mm2's are i1, j1, k1. */
export function alloSchedule(s: Schedule): void {
  // reorder("k0", "j0") and reorder("k1", "j1"): AL3004 here (tmp and D are set in j's body, k is not perfectly nested)
  s.bufferAt("tmp", "i");
  s.pipeline("k");
  s.dataflow("i");
  s.bufferAt("D", "i1");
  s.pipeline("k1");
  s.dataflow("i1");
  // ele_add's pipeline("j2"): D's beta-scaling has no loop of its own here (it is in j1's body);
  // dataflow("mm1"), dataflow("mm2") mark sub-kernel functions, and this kernel is one function
}
