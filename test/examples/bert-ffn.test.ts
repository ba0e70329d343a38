// examples/bert-ffn.ts at reduced sizes (the full size runs in `npm run bench`): the composed library
// systolic array computes X @ W bit-identically to the example's plain reference on the CPU backend and
// natively, csim equals the CPU, the verifier proves the composed top equal to its unscheduled form, and
// the estimate counts a DSP per PE, gets faster with more PEs and reads each m_axi port once a cycle.
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

test("with X and W banked by block the kernel alone runs at the array's rate: M*K*N / P^2 cycles, no BRAM", () => {
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
  const perOutput = e.loops.filter((l) => l.label === "l_j").map((l) => l.iterationLatency);
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

test("the loaders read P operands of one m_axi port an iteration: II P on its bundle's single read channel", () => {
  const P = 4;
  const e = bertFfn({ M: 16, K: 8, N: 16, P }).estimate();
  const ii = (func: string) => e.loops.find((l) => l.func === func && l.ii !== undefined);
  for (const [func, bundle] of [
    ["A_load", "gmem0"],
    ["B_load", "gmem1"],
  ] as const) {
    assert.equal(ii(func)?.ii, P, func);
    assert.match(
      ii(func)?.limitedBy ?? "",
      new RegExp(`single read channel of the m_axi bundle '${bundle}'`),
    );
  }
  // The store process writes a P x P block of Y an iteration through gmem2's write channel.
  assert.equal(ii("C_store")?.ii, P * P);
  assert.match(ii("C_store")?.limitedBy ?? "", /single write channel of the m_axi bundle 'gmem2'/);
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
