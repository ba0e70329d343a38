// examples/bert-ffn.ts at reduced sizes (the full size runs in `npm run bench`): the composed library
// systolic array computes X @ W bit-identically to the example's plain reference on the CPU backend and
// natively, csim equals the CPU, the verifier proves the composed top equal to its unscheduled form, and
// the estimate counts a DSP per PE, gets faster with more PEs, and its loaders keep up with the array.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { bertFfn, bertFfnBanked, type FfnSizes, ffn, operands, reference } from "../../examples/bert-ffn.ts";
import { projectOptions } from "../../src/backends/hls/options.ts";
import { emitVitisKernel } from "../../src/backends/hls/vitis.ts";
import { customize } from "../../src/index.ts";
import type { Func } from "../../src/ir/nodes.ts";
import { SKIP } from "../backends/native/support.ts";

const SIZES: readonly FfnSizes[] = [
  { M: 32, K: 48, N: 64, P: 4 },
  { M: 16, K: 7, N: 12, P: 2 },
];

test("the BERT FFN example's accelerator equals its plain reference on the CPU backend and natively", {
  skip: SKIP,
}, () => {
  for (const sizes of SIZES) {
    const s = bertFfn(sizes);
    assert.ok(
      s.ir.functions[0].body.some((st) => st.kind === "spatial"),
      "the top holds the PE array",
    );
    const [X, W] = operands(sizes);
    const want = reference(X, W, sizes);
    for (const run of [s.build(), s.build({ target: "native" })]) {
      const Y = new Int32Array(sizes.M * sizes.N);
      run(X, W, Y);
      assert.deepEqual(Y, want, JSON.stringify(sizes));
    }
  }
});

test("the BERT FFN example simulates in csim like the CPU and verifies against its plain top", async () => {
  const sizes = { M: 8, K: 6, N: 8, P: 2 };
  const s = bertFfn(sizes);
  const [X, W] = operands(sizes);
  const dir = mkdtempSync(join(tmpdir(), "allo-bert-ffn-"));
  try {
    const Y = new Int32Array(64);
    await s.build({ target: "vitis_hls", mode: "csim", project: dir })(X, W, Y);
    assert.deepEqual(Y, reference(X, W, sizes));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);
});

test("the BERT FFN example's estimate: one MAC (DSP) per PE, and a bigger array is faster", () => {
  const [small, big] = [2, 4].map((P) => bertFfn({ M: 8, K: 6, N: 8, P }).estimate());
  assert.equal(small.resources.dsp, 4);
  assert.equal(big.resources.dsp, 16);
  assert.ok(big.latency < small.latency, `${big.latency} < ${small.latency}`);
  const plain = customize(ffn, { instantiate: { M: 8, K: 6, N: 8, P: 2 } }).estimate();
  assert.ok(
    small.latency < plain.latency,
    `the PE array beats the unscheduled top: ${small.latency} < ${plain.latency}`,
  );
});

test("with X and W banked the kernel alone runs at the array's rate: M*K*N / P^2 cycles, no BRAM", () => {
  const z = { M: 128, K: 256, N: 256, P: 8 };
  const ideal = (z.M * z.K * z.N) / z.P ** 2;
  const e = bertFfnBanked(z).estimate({ wrapIo: false });
  assert.ok(e.latency >= ideal && e.latency < ideal * 1.05, `${e.latency} cycles, ideal ${ideal}`);
  assert.equal(e.resources.bram18k, 0);
  assert.equal(e.resources.dsp, z.P ** 2);
  // Unbanked, each loader's 8 reads of one array a cycle share its 2 ports: 4x slower.
  const plain = bertFfn(z).estimate({ wrapIo: false });
  assert.ok(plain.latency > 3.5 * ideal, `${plain.latency}`);
});

test("each PE streams its operands: an output costs about K cycles (no K-element fill before the MAC loop)", () => {
  const K = 48;
  const e = bertFfn({ M: 8, K, N: 8, P: 2 }).estimate();
  const perOutput = e.loops.filter((l) => l.label === "l_j_outer").map((l) => l.iterationLatency);
  assert.equal(perOutput.length, 4, "one output loop per PE");
  for (const cycles of perOutput)
    assert.ok(cycles >= K && cycles < K + 16, `${cycles} cycles per output, K = ${K}`);
});

test("the Vitis top hands X, W and Y to the array's processes at their m_axi ports (no on-chip copy)", () => {
  const sizes = { M: 8, K: 6, N: 8, P: 2 };
  const m = bertFfn(sizes).ir;
  const { code } = emitVitisKernel(m, projectOptions({}, m.functions.find((f) => f.name === m.top) as Func));
  const top = code.slice(code.indexOf('extern "C"'));
  assert.match(top, /\n {2}ffn_kernel\(X, W, Y\);/);
  assert.ok(!/int(8|32)_t buf[012]\[/.test(top), "no on-chip copy");
  const e = bertFfn(sizes).estimate();
  assert.equal(e.loops.filter((l) => l.io).length, 0, "no copy loops");
  assert.equal(e.resources.bram18k, 0);
});

test("the loaders keep up with the array: a word of B and a tile of A a cycle, the top at the PEs' latency", () => {
  // M 16, K 8, N 16 on 4 x 4 PEs (profile u280: a pipelined loop takes II*(TC-1) + max(IL-1, 1)).
  // B_load: (M/P)(N/P)K = 128 iterations, each reading one 4-lane word of W (gmem1): II 1, IL 3,
  //   127 + 2 = 129 cycles (each of 4 reads of one element an iteration on the read channel: II 4, 513).
  // A_load, per i: the tile fill reads P rows of K/4 = 2 words (8 iterations, 7 + 2 = 9), then the
  //   puts run (N/P) K = 32 iterations from the tile (31 + 2 = 33): II 1 both.
  // The PEs: K = 8 MACs (7 + 3 = 10) and 6 cycles around them per output, (M/P)(N/P) = 16 outputs:
  //   256; the top: the PE function (264) and the wrapper's 11 = 275 (531 with the loaders at II 4).
  const e = bertFfn({ M: 16, K: 8, N: 16, P: 4 }).estimate();
  const row = (func: string, label: string) => e.loops.find((l) => l.func === func && l.label === label);
  const b = row("B_load", "l_i_l_j_outer_l_k_init");
  assert.deepEqual([b?.tripCount, b?.ii, b?.latency], [128, 1, 129]);
  const fill = row("A_load", "l_A_tile_row_l_k_init_fill_word");
  const puts = row("A_load", "l_j_outer_l_k_init_word_l_k_init");
  assert.deepEqual([fill?.tripCount, fill?.ii, fill?.latency], [8, 1, 9]);
  assert.deepEqual([puts?.tripCount, puts?.ii, puts?.latency], [32, 1, 33]);
  assert.equal(row("PE_0_0", "l_PE_0_0_i")?.latency, 256);
  assert.equal(e.latency, 275);
  assert.equal(e.resources.bram18k, 0, "the tile is LUTRAM");
  // The store process still writes a P x P block of Y an iteration through gmem2's write channel.
  const store = e.loops.find((l) => l.func === "C_store" && l.ii !== undefined);
  assert.equal(store?.ii, 16);
  assert.match(store?.limitedBy ?? "", /single write channel of the m_axi bundle 'gmem2'/);
});

test("the Vitis top keeps a large copy (Y past 64 KiB) in static storage, so full-size csim fits the stack", () => {
  // The plain top, without the PE array: its Y is copied on chip.
  const plain = (M: number, N: number) => customize(ffn, { instantiate: { M, K: 4, N, P: 2 } }).ir;
  const m = plain(128, 256);
  const { code } = emitVitisKernel(m, projectOptions({}, m.functions.find((f) => f.name === m.top) as Func));
  assert.match(code, /\n {2}static int32_t buf2\[128\]\[256\];\n/);
  const small = plain(8, 8);
  const text = emitVitisKernel(
    small,
    projectOptions({}, small.functions.find((f) => f.name === small.top) as Func),
  );
  assert.match(text.code, /\n {2}int32_t buf2\[8\]\[8\];\n/);
});
