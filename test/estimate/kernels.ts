// Kernels and the published schedules the estimator is checked against (docs/estimate.md, calibration):
// the FPGA'25 tutorial GEMM walkthrough at 128^3 and tutorial_02's 32^3 design, written as allo-ts users
// write them (reduction loop, returned C), so the loop labels are those Allo's reports show.
import { customize, type Schedule } from "allo-ts";

export const gemmSource = (n: number): string => `
import { type float32, grid, reduction, zeros } from "allo-ts";
export function gemm(A: float32<[${n}, ${n}]>, B: float32<[${n}, ${n}]>): float32<[${n}, ${n}]> {
  const C: float32<[${n}, ${n}]> = zeros();
  for (const [i, j] of grid(${n}, ${n})) {
    for (const k of reduction(${n})) C[i][j] += A[i][k] * B[k][j];
  }
  return C;
}`;

export const gemm = (n: number): Schedule => customize(gemmSource(n), { name: "gemm", file: `gemm${n}.ts` });

/** Step 2 of the walkthrough: scalar-vector product with C's row in a local buffer. */
export function gemmBuffered(n: number): Schedule {
  const s = gemm(n);
  s.reorder("k", "j");
  s.bufferAt("C", "i");
  s.pipeline("j");
  return s;
}

/** Step 3: j unrolled 16 into the pipeline, with the banks its 16 copies need (C_buf registers, B cyclic 16). */
export function gemmUnrolled(n: number): Schedule {
  const s = gemmBuffered(n);
  s.unroll("j", 16);
  s.partition("C_buf", { type: "complete" });
  s.partition("B", { type: "cyclic", dim: 2, factor: 16 });
  return s;
}
