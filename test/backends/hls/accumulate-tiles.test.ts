// drainWrites on PEs whose reduction loop runs outside their tile loops (`for k { for i { for j {
// C[..i][..j] += a * b } } }`, i and j split and k reordered between the halves): no block inside k
// touches one element, so each PE accumulates in a local tile of C (its 2 x 2 or 3 x 3 box) filled
// once from `C_load` before its k loop and drained once to `C_store` after it. C has one writer, the
// PE kinds share functions whatever the array's size, and the HLS passes' module on the CPU backend,
// csim and a plain reference agree bit for bit. PEs whose boxes meet are left as they were.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { emitHls } from "../../../src/backends/hls/index.ts";
import { idx, idxOp } from "../../../src/ir/build.ts";
import { dumpModule } from "../../../src/ir/dump.ts";
import type { Expr, Module } from "../../../src/ir/nodes.ts";
import { mapBlock } from "../../../src/ir/walk.ts";
import { arrayWriters, functionText, regionParts } from "./dataflow-text.ts";
import { csimOn, type Design, prepared, reference, runOn, scheduled } from "./tiled-matmul.ts";

const DESIGNS: readonly Design[] = [
  { size: 4, k: 3, pes: 2, float: false, kOutside: true },
  { size: 8, k: 5, pes: 4, float: false, kOutside: true },
  { size: 4, k: 3, pes: 2, float: true, kOutside: true },
  { size: 6, k: 4, pes: 2, float: true, kOutside: true },
];

test("PEs with k outside their tile loops accumulate in a local tile: C has one writer (C_store) and one reader (C_load)", () => {
  for (const d of DESIGNS) {
    const code = emitHls(scheduled(d).ir);
    assert.deepEqual([...arrayWriters(code, "matmul")], [["C", ["C_store"]]], `${JSON.stringify(d)}`);
    const { calls } = regionParts(functionText(code, "matmul"));
    const withC = calls.filter((c) => c.args.includes("C")).map((c) => c.fn);
    assert.deepEqual(withC, ["C_load", "C_store"], "C reaches no PE");
    const t = d.size / d.pes;
    const pe = functionText(code, calls.find((c) => c.fn.startsWith("PE"))?.fn ?? "PE");
    assert.match(pe, new RegExp(` C_acc\\[${t}\\]\\[${t}\\];`), "a tile of C per PE");
  }
});

test("the prepared module with PE tiles runs on the CPU backend as the schedule and the reference", async () => {
  for (const d of DESIGNS) {
    const s = scheduled(d);
    const want = reference(d);
    assert.deepEqual(await runOn(s.build(), d), want, `schedule ${JSON.stringify(d)}`);
    const m = prepared(s.ir);
    assert.match(dumpModule(m), /buffer C_acc: \w+\[\d+, \d+\]/, "the run goes through the tiles");
    assert.deepEqual(await runOn(compileCpu(m), d), want, `prepared ${JSON.stringify(d)}`);
  }
});

test("csim of PEs with local tiles equals the CPU backend and the reference, int16 and float32", async () => {
  for (const d of [DESIGNS[0], DESIGNS[3]]) {
    const s = scheduled(d);
    assert.match(emitHls(s.ir), / C_acc\[\d+\]\[\d+\];/, "the C++ has the tiles");
    const got = await csimOn(s, d);
    assert.deepEqual(got, await runOn(s.build(), d), `${JSON.stringify(d)}`);
    assert.deepEqual(got, reference(d));
  }
});

/** The module with the PEs of row 1 reaching one row up into row 0's tiles (a seeded bug). */
function overlapping(m: Module): Module {
  const up = (ix: readonly Expr[]) => [idxOp("-", ix[0], idx(1)), ...ix.slice(1)];
  const shift = (b: Parameters<typeof mapBlock>[0]) =>
    mapBlock(
      b,
      (e) => (e.kind === "load" && e.buffer === "C" ? { ...e, indices: up(e.indices) } : e),
      (st) => (st.kind === "store" && st.buffer === "C" ? { ...st, indices: up(st.indices) } : st),
    );
  const functions = m.functions.map((f) => ({
    ...f,
    body: f.body.map((x) =>
      x.kind === "spatial"
        ? {
            ...x,
            units: x.units.map((u) => (u.name.startsWith("PE_1_") ? { ...u, body: shift(u.body) } : u)),
          }
        : x,
    ),
  }));
  return { ...m, functions };
}

test("PEs whose tiles (or elements) meet keep their stores of C: a feed could not give them each other's values", async () => {
  for (const kOutside of [false, true]) {
    const d: Design = { size: 4, k: 3, pes: 2, float: false, kOutside };
    const m = overlapping(scheduled(d).ir);
    const code = emitHls(m);
    assert.ok(!/C_load|C_feed|C_acc/.test(code), `left as it was (k outside: ${kOutside})`);
    assert.equal(arrayWriters(code, "matmul").get("C")?.length, 4, "every PE still writes C");
    assert.deepEqual(await runOn(compileCpu(prepared(m)), d), await runOn(compileCpu(m), d));
  }
});
