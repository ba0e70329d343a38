// The calibration points (shared reference qor.md section 4): published Vitis HLS 2022.1 csynth reports
// of the FPGA'25 tutorial GEMM walkthrough (128^3) and tutorial_02 (32^3), re-created with allo-ts
// schedules. Targets: latency within 2 %, II exact, DSP exact. Errors at the time of writing:
//   baseline              14,909,466 vs 14,958,622  (-0.33 %), II 7, DSP 5
//   reorder+buffer+pipe    2,198,810 vs  2,198,686  (+0.006 %), II 1, DSP 5
//   + unroll 16              232,346 vs    232,478  (-0.06 %), II 1, DSP 80
//   tutorial_02 (32^3)        39,770 vs     39,934  (-0.41 %), II 1, DSP 5, BRAM18K 6
//   Allo's PolyBench gemm    238,206 vs    239,039  (-0.35 %), k0 at II 4
//   Allo's atax (pnr run)      4,915 vs      4,912  (+0.06 %), both main loops at II 1
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Estimate } from "allo-ts";
import { alloAtax, alloGemm, gemm, gemmBuffered, gemmUnrolled } from "./kernels.ts";

function within(e: Estimate, published: number, pct: number): void {
  const err = (100 * (e.latency - published)) / published;
  assert.ok(Math.abs(err) <= pct, `latency ${e.latency} vs published ${published}: ${err.toFixed(3)} %`);
  assert.equal(e.interval, e.latency + 1);
}

const row = (e: Estimate, label: string) => {
  const r = e.loops.find((l) => l.label === label);
  assert.ok(r, `no row ${label}: ${e.loops.map((l) => l.label).join(", ")}`);
  return r;
};

test("GEMM 128^3 unscheduled: k auto-pipelined at II 7 through C (published 14,958,622; DSP 5)", () => {
  const e = gemm(128).estimate();
  within(e, 14_958_622, 2);
  const k = row(e, "l_S_k_0_k");
  assert.deepEqual([k.latency, k.iterationLatency, k.ii, k.targetIi, k.tripCount], [902, 14, 7, 1, 128]);
  assert.match(k.limitedBy ?? "", /recurrence through the memory 'C'/);
  assert.equal(e.resources.dsp, 5);
});

test("GEMM 128^3 reorder + bufferAt + pipeline: one flattened k*j row at II 1 (published 2,198,686; DSP 5)", () => {
  const e = gemmBuffered(128).estimate();
  within(e, 2_198_686, 2);
  const kj = row(e, "l_k_l_S_k_0_j");
  assert.deepEqual([kj.ii, kj.tripCount], [1, 16_384]);
  assert.ok(Math.abs(kj.latency - 16_397) <= 2, `row latency ${kj.latency}`);
  assert.equal(kj.limitedBy, undefined);
  assert.equal(e.resources.dsp, 5);
});

test("GEMM 128^3 + unroll 16: 1,035-cycle row and 16 copies of the MAC (published 232,478; DSP 80)", () => {
  const e = gemmUnrolled(128).estimate();
  within(e, 232_478, 2);
  const kj = row(e, "l_k_l_S_k_0_j");
  assert.deepEqual([kj.latency, kj.iterationLatency, kj.ii, kj.tripCount], [1_035, 13, 1, 1_024]);
  assert.equal(e.resources.dsp, 80);
});

test("GEMM 128^3 + unroll 16 without partitions: Vitis's automatic partitioning gives the published run", () => {
  const s = gemmBuffered(128);
  s.unroll("j", 16);
  const e = s.estimate();
  within(e, 232_478, 2);
  assert.equal(row(e, "l_k_l_S_k_0_j").ii, 1);
  assert.equal(e.resources.dsp, 80);
});

test("Allo's PolyBench gemm (its artifact's C++, published 0.796 ms = 239,039 cycles): within 2 %", () => {
  const e = alloGemm().estimate({ wrapIo: false });
  const err = (100 * (e.latency - 239_039)) / 239_039;
  assert.ok(Math.abs(err) <= 2, `latency ${e.latency}: ${err.toFixed(2)} %`);
  const k0 = row(e, "l_k0");
  assert.deepEqual([k0.ii, k0.targetIi, k0.tripCount], [4, 4, 240]);
});

test("Allo's atax (its csynth report: 4,912 cycles; main loops 4,120 and 3,918 at II 1): within 2 %", () => {
  const e = alloAtax().estimate({ wrapIo: false });
  const err = (100 * (e.latency - 4_912)) / 4_912;
  assert.ok(Math.abs(err) <= 2, `latency ${e.latency}: ${err.toFixed(2)} %`);
  for (const [label, trip, latency] of [
    ["l_S_r_0_r_l_S_m_0_m", 4_100, 4_120],
    ["l_S_k_1_k_l_S_n_1_n", 3_900, 3_918],
  ] as const) {
    const r = row(e, label);
    assert.deepEqual([r.ii, r.tripCount], [1, trip]);
    assert.ok(Math.abs(r.latency - latency) <= latency * 0.01, `${label}: ${r.latency} vs ${latency}`);
  }
});

test("tutorial_02 GEMM 32^3 (published 39,934; DSP 5; BRAM18K 6) with the wrapIo copy rows", () => {
  const e = gemmBuffered(32).estimate();
  within(e, 39_934, 2);
  assert.equal(e.resources.dsp, 5);
  assert.equal(e.resources.bram18k, 6);
  assert.equal(row(e, "l_S_i_j_0_i").tripCount, 32);
  for (const [label, latency] of [
    ["l_S_buf0_buf0_l_0_l_buf0_l_1", 1_025],
    ["l_S_buf1_buf1_l_0_l_buf1_l_1", 1_025],
    ["l_S_result2_result2_l_0_l_result2_l_1", 1_026],
  ] as const) {
    assert.equal(row(e, label).latency, latency, label);
  }
});
