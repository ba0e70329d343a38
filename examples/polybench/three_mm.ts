// PolyBench 3mm: G = (A*B)*(C*D) through E = A*B and F = C*D, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_three_mm<
  NI extends number,
  NJ extends number,
  NK extends number,
  NL extends number,
  NM extends number,
>(
  E: Tensor<float32, [NI, NJ]>,
  A: Tensor<float32, [NI, NK]>,
  B: Tensor<float32, [NK, NJ]>,
  F: Tensor<float32, [NJ, NL]>,
  C: Tensor<float32, [NJ, NM]>,
  D: Tensor<float32, [NM, NL]>,
  G: Tensor<float32, [NI, NL]>,
): void {
  for (const i of range<NI>()) {
    for (const j of range<NJ>()) {
      E[i][j] = 0.0;
      for (const k of range<NK>()) E[i][j] += A[i][k] * B[k][j];
    }
  }
  for (const i1 of range<NJ>()) {
    for (const j1 of range<NL>()) {
      F[i1][j1] = 0.0;
      for (const k1 of range<NM>()) F[i1][j1] += C[i1][k1] * D[k1][j1];
    }
  }
  for (const i2 of range<NI>()) {
    for (const j2 of range<NL>()) {
      G[i2][j2] = 0.0;
      for (const k2 of range<NJ>()) G[i2][j2] += E[i2][k2] * F[k2][j2];
    }
  }
}

export const SIZES = {
  mini: { NI: 16, NJ: 18, NK: 20, NL: 22, NM: 24 },
  small: { NI: 40, NJ: 50, NK: 60, NL: 70, NM: 80 },
  medium: { NI: 180, NJ: 190, NK: 200, NL: 210, NM: 220 },
};

export function schedule(s: Schedule): void {
  s.bufferAt("E", "j");
  s.pipeline("k");
  s.bufferAt("F", "j1");
  s.pipeline("k1");
  s.bufferAt("G", "j2");
  s.pipeline("k2");
}

/** Allo's 3mm schedule (mm1, mm2, mm3) on these loops: out_AB, out_CD, out_ABC are E, F, G. */
export function alloSchedule(s: Schedule): void {
  // reorder("k0", "j0") and its mm2/mm3 copies: AL3004 here (E, F, G are set in j's body, k is not perfectly nested)
  s.bufferAt("E", "i");
  s.pipeline("k");
  s.dataflow("i");
  s.bufferAt("F", "i1");
  s.pipeline("k1");
  s.dataflow("i1");
  s.bufferAt("G", "i2");
  s.pipeline("k2");
  s.dataflow("i2");
  s.partition("B", { type: "complete", dim: 2 });
  s.partition("C", { type: "complete", dim: 2 });
  s.partition("F", { type: "complete" });
  // dataflow("mm1"), ("mm2"), ("mm3") mark sub-kernel functions, and this kernel is one function
}
