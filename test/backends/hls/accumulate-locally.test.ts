// drainWrites on PEs that read-modify-write their tile of C (the seed's `C[i][j] += A[i][k] * B[k][j]`
// unfolded into fewer PEs than outputs, so PE (p, q) owns a tile): each PE accumulates in a local
// scalar fed from C by one `C_load` process and drained to one `C_store` process, so C has one writer
// in the dataflow region and the PEs of one kind share a function whatever the array's size. The HLS
// passes' module runs on the CPU backend (depth-2 feed and drain FIFOs: no deadlock), csim and a plain
// reference agree bit for bit, int16 (wrapping) and float32. A PE that reads its element again after
// writing it (a loop around the whole PE) accumulates in a tile around that loop instead
// (accumulate-tiles.test.ts: PEs whose k loop is outside their tile loops, and PEs left as they were).
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { emitHls } from "../../../src/backends/hls/index.ts";
import { arrayWriters, functionText, regionParts } from "./dataflow-text.ts";
import { csimOn, type Design, prepared, reference, runOn, scheduled, twice } from "./tiled-matmul.ts";

const DESIGNS: readonly Design[] = [
  { size: 4, k: 3, pes: 2, float: false },
  { size: 8, k: 5, pes: 4, float: false },
  { size: 4, k: 3, pes: 2, float: true },
  { size: 6, k: 4, pes: 2, float: true },
  { size: 6, k: 4, pes: 3, float: true, zeroFirst: true },
];

test("C read-modify-written by every PE of a tiled array has one writer (C_store) and one reader (C_load)", () => {
  for (const d of DESIGNS) {
    const code = emitHls(scheduled(d).ir);
    const writers = arrayWriters(code, "matmul");
    assert.deepEqual([...writers], [["C", ["C_store"]]], `${JSON.stringify(d)}`);
    const { calls } = regionParts(functionText(code, "matmul"));
    const withC = calls.filter((c) => c.args.includes("C")).map((c) => c.fn);
    assert.deepEqual(withC, d.zeroFirst ? ["C_store"] : ["C_load", "C_store"], "C reaches no PE");
    assert.equal(calls.length, d.pes * d.pes + 3 + (d.zeroFirst ? 0 : 1), "loaders, PEs, store (and feed)");
  }
});

test("the PE functions do not grow with the array: 2x2 and 4x4 PEs of 2x2 tiles, k inside or outside the tile loops, print as many functions", () => {
  for (const kOutside of [false, true]) {
    const counts = [2, 4].map((pes) => {
      const code = emitHls(scheduled({ size: 2 * pes, k: 3, pes, float: false, kOutside }).ir);
      const names = code.match(/^void \w+(?=\()/gm) ?? [];
      return [names.length, names.filter((n) => n.startsWith("void PE")).length];
    });
    // The feed, the loaders, four kinds of PE (interior, last column, last row, corner), the store, the region.
    const want = [
      [9, 4],
      [9, 4],
    ];
    assert.deepEqual(counts, want, `k ${kOutside ? "outside" : "inside"}`);
  }
});

test("the prepared module runs on the CPU backend (depth-2 feed and drain FIFOs) as the schedule and the reference", async () => {
  for (const d of DESIGNS) {
    const s = scheduled(d);
    const want = reference(d);
    assert.deepEqual(await runOn(s.build(), d), want, `schedule ${JSON.stringify(d)}`);
    assert.deepEqual(await runOn(compileCpu(prepared(s.ir)), d), want, `prepared ${JSON.stringify(d)}`);
  }
});

test("csim of the tiled read-modify-write array equals the CPU backend and the reference, at two sizes", async () => {
  for (const d of DESIGNS.filter((x) => x.size !== 4 || !x.float)) {
    const s = scheduled(d);
    const got = await csimOn(s, d);
    assert.deepEqual(got, await runOn(s.build(), d), `${JSON.stringify(d)}`);
    assert.deepEqual(got, reference(d));
  }
});

test("PEs that read their element again after writing it (a loop around the PE) accumulate in a tile around that loop", async () => {
  const d: Design = { size: 4, k: 3, pes: 2, float: false };
  const m = twice(scheduled(d).ir);
  const code = emitHls(m);
  assert.deepEqual([...arrayWriters(code, "matmul")], [["C", ["C_store"]]]);
  assert.match(functionText(code, "PE_0_0"), /int16_t C_acc\[2\]\[2\];/, "the PE's whole tile");
  assert.deepEqual(await runOn(compileCpu(prepared(m)), d), await runOn(compileCpu(m), d));
});
