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

/** PolyBench gemm as Allo's PLDI'24 artifact builds it (medium: 200 x 240 x 220): mm1, then ele_add. */
const ALLO_GEMM = `
import { type float32, grid, range, zeros } from "allo-ts";
export function mm1<P extends number, Q extends number, R extends number>(
  A: float32<[P, Q]>, B: float32<[Q, R]>, out_AB: float32<[P, R]>): void {
  for (const [i0, j0] of grid<[P, R]>()) for (const k0 of range<Q>()) out_AB[i0][j0] += A[i0][k0] * B[k0][j0];
}
export function ele_add<P extends number, R extends number>(
  out_AB: float32<[P, R]>, C: float32<[P, R]>, output: float32<[P, R]>): void {
  for (const [i2, j2] of grid<[P, R]>()) output[i2][j2] = 0.1 * C[i2][j2] + out_AB[i2][j2];
}
export function kernel_gemm(A: float32<[200, 240]>, B: float32<[240, 220]>, C: float32<[200, 220]>,
  output: float32<[200, 220]>): void {
  const out_AB: float32<[200, 220]> = zeros();
  mm1(A, B, out_AB);
  ele_add(out_AB, C, output);
}`;

/**
 * Its schedule as the artifact's C++ (polybench/allo/gemm/gemm.cpp) has it: mm1's k0 pipelined at II 4
 * with j0 unrolled, out_AB's row buffer and B's rows in registers, the buffer's fill and write-back
 * unrolled, dataflow over i0 and over the top; the top's arrays are its ports (no copy loops).
 */
export function alloGemm(): Schedule {
  const file = "allo_gemm.ts";
  const mm1 = customize(ALLO_GEMM, { name: "mm1", file, instantiate: { P: 200, Q: 240, R: 220 } });
  mm1.reorder("k0", "j0");
  mm1.bufferAt("out_AB", "i0");
  mm1.pipeline("k0", { ii: 4 });
  mm1.partition("B", { type: "complete", dim: 2 });
  mm1.partition("out_AB_buf", { type: "complete" });
  mm1.unroll("j0_init");
  mm1.unroll("j0_back");
  mm1.dataflow("i0");
  const add = customize(ALLO_GEMM, { name: "ele_add", file, instantiate: { P: 200, R: 220 } });
  add.pipeline("j2");
  const s = customize(ALLO_GEMM, { name: "kernel_gemm", file });
  s.compose(mm1);
  s.compose(add);
  s.dataflow("kernel_gemm");
  return s;
}

/** PolyBench atax as Allo's artifact placed and routed it (medium: A is 390 x 410), two stages joined by a FIFO. */
const ALLO_ATAX = `
import { type float32, range, zeros } from "allo-ts";
export function stage_M(A: float32<[390, 410]>, x: float32<[410]>, Ax: float32<[390]>): void {
  const acc: float32<[390]> = zeros();
  for (const r of range(410)) for (const m of range(390)) acc[m] += A[m][r] * x[r];
  for (const i of range(390)) Ax[i] = acc[i];
}
export function stage_N(A: float32<[390, 410]>, Ax: float32<[390]>, y: float32<[410]>): void {
  const ax: float32<[390]> = zeros();
  for (const i of range(390)) ax[i] = Ax[i];
  for (const k of range(390)) for (const n of range(410)) y[n] += A[k][n] * ax[k];
}
export function kernel_atax(A: float32<[390, 410]>, A2: float32<[390, 410]>, x: float32<[410]>,
  y: float32<[410]>): void {
  const Ax: float32<[390]> = zeros();
  stage_M(A, x, Ax);
  stage_N(A2, Ax, y);
}`;

/**
 * Its schedule as the artifact's kernel.cpp (polybench/allo/pnr/atax) has it: m pipelined with 39
 * copies over A's and the accumulator's cyclic(39) banks, n with 41 over cyclic(41), Ax streamed from
 * one stage to the next, dataflow over the top.
 */
export function alloAtax(): Schedule {
  const file = "allo_atax.ts";
  const m = customize(ALLO_ATAX, { name: "stage_M", file });
  m.pipeline("m");
  m.unroll("m", 39);
  m.partition("A", { type: "cyclic", dim: 1, factor: 39 });
  m.partition("acc", { type: "cyclic", dim: 1, factor: 39 });
  const n = customize(ALLO_ATAX, { name: "stage_N", file });
  n.pipeline("n");
  n.unroll("n", 41);
  n.partition("A", { type: "cyclic", dim: 2, factor: 41 });
  n.partition("y", { type: "cyclic", dim: 1, factor: 41 });
  const s = customize(ALLO_ATAX, { name: "kernel_atax", file });
  s.compose(m);
  s.compose(n);
  s.relay("Ax", "stage_N", { depth: 390 });
  s.dataflow("kernel_atax");
  return s;
}
