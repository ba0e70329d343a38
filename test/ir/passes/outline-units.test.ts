// The HLS passes on their own: orderProcesses puts producers before consumers, outlineUnits turns each
// unit into a function and a call (split FIFOs become 0-d FIFOs, an outer loop variable becomes a
// scalar parameter carrying its loop's range), and the printer keeps using that range.
import assert from "node:assert/strict";
import { test } from "node:test";
import { emitHls } from "../../../src/backends/hls/index.ts";
import { HLS_PASSES } from "../../../src/backends/hls/passes.ts";
import { bin, forLoop, idx, ivRef } from "../../../src/ir/build.ts";
import type { Func, Module, SpatialStmt } from "../../../src/ir/nodes.ts";
import { runPasses } from "../../../src/ir/passes/pass.ts";
import { INDEX, intType } from "../../../src/types/dtype.ts";
import { systolicMatmul } from "../../verify/support/systolic.ts";

const I32 = intType(32);
const regionOf = (f: Func): SpatialStmt => f.body.find((s) => s.kind === "spatial") as SpatialStmt;

test("outlineUnits makes a function and one call per unit, and 0-d FIFOs of constant-indexed arrays", () => {
  const { module: m, notes } = runPasses(HLS_PASSES, systolicMatmul(2, 2, 3));
  assert.deepEqual(notes.cyclic, []);
  const top = m.functions.find((f) => f.name === "matmul") as Func;
  const region = regionOf(top);
  for (const u of region.units) {
    assert.equal(u.body.length, 1);
    assert.equal(u.body[0].kind, "call");
  }
  // Every FIFO of the 2x2 array is its own 0-d buffer; the arrays and the PEs' scalars left matmul.
  assert.ok(top.buffers.A_fifo_0_1 && top.buffers.A_fifo_0_1.shape.length === 0);
  assert.equal(top.buffers.A_fifo, undefined);
  assert.equal(top.buffers.a_0_0, undefined);
  const pe = m.functions.find((f) => f.name === "PE_0_0") as Func;
  assert.deepEqual(
    pe.params.map((p) => p.name),
    ["C", "A_fifo_0_0", "B_fifo_0_0", "A_fifo_0_1", "B_fifo_1_0"],
  );
  assert.equal(pe.buffers.a_0_0.role, "local");
});

test("orderProcesses calls producers first whatever the source order of the units", () => {
  const src = systolicMatmul(2, 2, 2);
  const f = src.functions[0];
  const reversed: Module = {
    ...src,
    functions: [{ ...f, body: [{ ...regionOf(f), units: [...regionOf(f).units].reverse() }] }],
  };
  const { module: m } = runPasses(HLS_PASSES, reversed);
  const calls = regionOf(m.functions[0]).units.map((u) => (u.body[0] as { callee: string }).callee);
  assert.ok(calls.indexOf("load_A_0") < calls.indexOf("PE_0_0"));
  assert.ok(calls.indexOf("PE_0_0") < calls.indexOf("PE_0_1"));
  assert.ok(calls.indexOf("PE_0_1") < calls.indexOf("PE_1_1"));
});

test("a unit inside a loop takes the loop variable as a ranged parameter; the C++ needs no wrap helper", () => {
  // for i in [0, 8): spatial { unit: out[i] = i * 1000 + 7 } in int32: i's range keeps it plain.
  const i = ivRef("i");
  const value = bin(
    "+",
    bin("*", { kind: "cast", type: I32, value: i }, { kind: "const", type: I32, value: 1000n }, I32),
    { kind: "const", type: I32, value: 7n },
    I32,
  );
  const unit = { name: "w", body: [{ kind: "store" as const, buffer: "out", indices: [i], value }] };
  const f: Func = {
    name: "k",
    params: [{ kind: "buffer", name: "out" }],
    results: [],
    buffers: { out: { name: "out", type: I32, shape: [8], role: "param", partitions: [] } },
    body: [forLoop("i", "i", idx(0), idx(8), [{ kind: "spatial", name: "R", units: [unit] }])],
    attrs: {},
  };
  const { module: m } = runPasses(HLS_PASSES, { functions: [f], top: "k" });
  const w = m.functions.find((g) => g.name === "w") as Func;
  assert.deepEqual(w.params, [
    { kind: "buffer", name: "out" },
    { kind: "scalar", name: "i", type: INDEX, range: [0n, 7n] },
  ]);
  const text = emitHls({ functions: [f], top: "k" });
  assert.match(text, /void w\(\n {2}int32_t out\[8\],\n {2}int i\n\)/);
  assert.match(text, /void R\(/);
  assert.match(text, /R\(out, i\);/);
  assert.doesNotMatch(text, /allo_wrap|allo_/);
});
