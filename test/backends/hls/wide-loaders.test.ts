// The wide loaders of the Vitis top (src/backends/hls/wide-loaders.ts): the library systolic array's B
// loader reads W as words of Nt lanes (`hls::vector`, one m_axi beat each), its A loader fills a LUTRAM
// tile of Mt rows x K once per row step, in words of Mt lanes, and puts from it for every column step;
// the top's ports are the wide ones and the testbench hands them the arrays' bytes. csim equals the CPU
// backend with words (K a multiple of Mt) and with a narrow fill (K odd). A loader of an on-chip array
// (the GPT-2 layer's activations) stages its tile too.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { bertFfn, type FfnSizes, operands } from "../../../examples/bert-ffn.ts";
import { gpt2 } from "../../../examples/gpt2.ts";
import { projectOptions } from "../../../src/backends/hls/options.ts";
import { projectFiles } from "../../../src/backends/hls/project.ts";
import type { Func, Module } from "../../../src/ir/nodes.ts";

const top = (m: Module) => m.functions.find((f) => f.name === m.top) as Func;
const files = (m: Module) => projectFiles(m, "csim", projectOptions({}, top(m))).files;

/** The C++ function `name` of kernel.cpp. */
function cxxFunction(code: string, name: string): string {
  const at = code.indexOf(`void ${name}(`);
  assert.ok(at >= 0, `no ${name}`);
  return code.slice(at, code.indexOf("\n}\n", at) + 3);
}

test("the loaders read words: B a word of Nt lanes a step, A's tile filled in words of Mt, before the column steps", () => {
  // M 32, K 48, N 64 on 4 x 4 PEs: W's rows are 16 words of 4 int8, X's rows 12.
  const f = files(bertFfn({ M: 32, K: 48, N: 64, P: 4 }).ir);
  const code = f.get("kernel.cpp") as string;
  const wrapper = code.slice(code.indexOf('extern "C"'));
  assert.match(
    wrapper,
    /hls::vector< int8_t, 4 > X\[32\]\[12\],\n {2}hls::vector< int8_t, 4 > W\[48\]\[16\],/,
  );
  assert.match(wrapper, /#pragma HLS interface m_axi port=W offset=slave bundle=gmem1/);
  const b = cxxFunction(code, "B_load");
  assert.match(b, /^ {2}hls::vector< int8_t, 4 > B\[48\]\[16\],$/m);
  for (const q of [0, 1, 2, 3])
    assert.match(
      b,
      new RegExp(`B_fifo_0_${q}\\.write\\(B\\[k_init_load_1\\]\\[j_outer_load_1\\]\\[${q}\\]\\);`),
    );
  const a = cxxFunction(code, "A_load");
  // Per row step i: the tile (rows in banks, lanes in banks, LUTRAM), its fill a word a cycle, then the puts.
  const fill = [
    "l_i: for",
    "int8_t A_tile[4][12][4];",
    "#pragma HLS array_partition variable=A_tile complete dim=1",
    "#pragma HLS array_partition variable=A_tile complete dim=3",
    "#pragma HLS bind_storage variable=A_tile type=ram_s2p impl=lutram",
    "l_A_tile_row: for (int A_tile_row = 0; A_tile_row < 4; A_tile_row++) {",
    "l_k_init_fill_word: for (int k_init_load_fill = 0; k_init_load_fill < 12; k_init_load_fill++) {",
    "#pragma HLS pipeline II=1",
    "l_k_init_fill_lane: for",
    "#pragma HLS unroll",
    "A_tile[A_tile_row][k_init_load_fill][k_init_load_fill_lane] = A[i_load + (8 * A_tile_row)][k_init_load_fill][k_init_load_fill_lane];",
    "l_j_outer: for",
    "A_fifo_3_0.write(A_tile[3][k_init_load_word][k_init_load_lane]);",
  ];
  const lines = a.split("\n").map((l) => l.trim().replace(/\t\/\/.*$/, ""));
  let at = 0;
  for (const want of fill) {
    const k = lines.findIndex((l, n) => n >= at && l.startsWith(want));
    assert.ok(k >= 0, `A_load: '${want}' after line ${at}:\n${a}`);
    at = k + 1;
  }
  // The testbench hands the top the arrays' bytes as words, as a host buffer reaches the kernel.
  assert.match(
    f.get("testbench.cpp") as string,
    /ffn\(\(hls::vector< int8_t, 4 > \(\*\)\[12\]\)a0, \(hls::vector< int8_t, 4 > \(\*\)\[16\]\)a1, a2\);/,
  );
});

test("csim of the wide loaders equals the CPU backend, with words and with a narrow fill", async () => {
  const sizes: readonly FfnSizes[] = [
    { M: 32, K: 48, N: 64, P: 4 },
    { M: 16, K: 7, N: 12, P: 2 },
  ];
  for (const z of sizes) {
    const s = bertFfn(z);
    const [X, W] = operands(z);
    const cpu = new Int32Array(z.M * z.N);
    s.build()(X, W, cpu);
    const dir = mkdtempSync(join(tmpdir(), "allo-wide-loaders-"));
    try {
      const Y = new Int32Array(z.M * z.N);
      await s.build({ target: "vitis_hls", mode: "csim", project: dir })(X, W, Y);
      assert.deepEqual(Y, cpu, JSON.stringify(z));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The top simulated reads W in words; with K = 7 (no word of two lanes) X stays narrow and the
    // tile fills an element a cycle.
    const code = files(s.ir).get("kernel.cpp") as string;
    assert.match(
      code,
      new RegExp(`^ {2}hls::vector< int8_t, ${z.P} > W\\[${z.K}\\]\\[${z.N / z.P}\\],$`, "m"),
    );
    if (z.K % 2) assert.match(code, /^ {2}int8_t X\[16\]\[7\],$/m);
  }
});

test("a loader of an array kept on chip (GPT-2's activations) stages its tile, an element a cycle; weights in words", () => {
  // L 8, D 16, FFN 48 on 4 x 4 PEs: the Q/K/V projections' A is the quantized LayerNorm output, an
  // on-chip array (its RAM's two ports gave II 2 for 4 reads); the tile fills 4 rows x 16 (64
  // iterations, 63 + 2 = 65), then the puts run D/4 x D = 64 iterations at II 1. The weights are
  // m_axi ports: B reads a word of 4 Int<4> lanes a step (II 1).
  const e = gpt2({ L: 8, D: 16, H: 4, F: 48, P: 4 }).estimate();
  const row = (func: string, label: string) => e.loops.find((l) => l.func === func && l.label === label);
  const fill = row("A_load", "l_A_tile_row_l_k_init_fill");
  const puts = row("A_load", "l_j_outer_l_k_init");
  assert.deepEqual([fill?.tripCount, fill?.ii, fill?.latency], [64, 1, 65]);
  assert.deepEqual([puts?.tripCount, puts?.ii, puts?.latency], [64, 1, 65]);
  assert.equal(row("B_load", "l_i_l_j_outer_l_k_init")?.ii, 1);
  const m = gpt2({ L: 8, D: 16, H: 4, F: 48, P: 4 }).ir;
  assert.match(files(m).get("kernel.cpp") as string, /hls::vector< ap_int<4>, 4 > Wq\[16\]\[4\],/);
});
