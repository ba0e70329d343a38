// PolyBench doitgen: multiresolution kernel A[r][q][:] = A[r][q][:] * C4 through the row buffer sum.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_doitgen<NQ extends number, NR extends number, NP extends number>(
  A: Tensor<float32, [NR, NQ, NP]>,
  C4: Tensor<float32, [NP, NP]>,
  sum: Tensor<float32, [NP]>,
): void {
  for (const r of range<NR>()) {
    for (const q of range<NQ>()) {
      for (const p of range<NP>()) {
        sum[p] = 0.0;
        for (const s of range<NP>()) sum[p] += A[r][q][s] * C4[s][p];
      }
      for (const p1 of range<NP>()) A[r][q][p1] = sum[p1];
    }
  }
}

export const SIZES = {
  mini: { NQ: 8, NR: 10, NP: 12 },
  small: { NQ: 20, NR: 25, NP: 30 },
  medium: { NQ: 40, NR: 50, NP: 60 },
};

export function schedule(s: Schedule): void {
  s.bufferAt("sum", "p");
  s.pipeline("s");
  s.pipeline("p1");
  s.partition("C4", { type: "cyclic", dim: 1, factor: 2 });
}
