// compose: a kernel's schedule re-applied inside the instances of a bigger design. The seed's `top`
// with two systolic matmuls composed runs like a reference, verifies against the unscheduled top,
// emits HLS and simulates in csim; without an id every instance is a target; the steps enter the
// parent's trace (which replays); nested composes, registered schedules and template values.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { printMlir } from "../../src/backends/mlir/print.ts";
import { customize, registerSchedule, type Schedule } from "../../src/index.ts";
import { inWorkDir, requireTools, run, skipWithoutTools } from "../backends/mlir/tools.ts";
import { spatialIJ, spatialKJ } from "../schedule/spatial/support.ts";
import { assertReplays, assertSameRun } from "../schedule/support.ts";
import { assertSameOutputs, cloneArgs } from "../support/compare.ts";
import { fillInt, rng } from "../support/random.ts";
import { ffn, linear } from "./fixtures/ffn.ts";
import { add, add_const, consts, scale, scales } from "./fixtures/nested.ts";
import { matmul, top as seedTop, top2 as seedTop2 } from "./fixtures/seed.ts";
import { mm4, top, top2 } from "./fixtures/systolic.ts";

const SIZES = { M: 4, N: 4, K: 4 };
const D = 4;

/** Z = (X·W_A)·W_B with int32 wrap-around, the reference for the composed designs. */
function reference(X: Int32Array, WA: Int32Array, WB: Int32Array): Int32Array {
  const mm = (A: Int32Array, B: Int32Array) => {
    const C = new Int32Array(D * D);
    for (let i = 0; i < D; i++)
      for (let j = 0; j < D; j++)
        for (let k = 0; k < D; k++) C[i * D + j] = (C[i * D + j] + Math.imul(A[i * D + k], B[k * D + j])) | 0;
    return C;
  };
  return mm(mm(X, WA), WB);
}

function inputs(seed: number): Int32Array[] {
  const r = rng(seed);
  return [0, 1, 2].map(() => fillInt(new Int32Array(D * D), r, -1000, 1000));
}

/** The seed's top2 with a systolic mm1 (output-stationary) and mm2 (weight-stationary). */
function systolicTop(): Schedule {
  const s1 = customize(mm4);
  spatialIJ(s1, SIZES);
  const s2 = customize(mm4);
  spatialKJ(s2, SIZES);
  const sTop = customize(top2);
  sTop.compose(s1, { id: "mm1" });
  sTop.compose(s2, { id: "mm2" });
  return sTop;
}

const count = (text: string, what: string) => text.split(what).length - 1;

test("the seed's top with two systolic matmuls composed runs like the reference and verifies", () => {
  const sTop = systolicTop();
  const run = sTop.build();
  for (const seed of [1, 2, 3]) {
    const [X, WA, WB] = inputs(seed);
    assert.deepEqual(run(X, WA, WB), reference(X, WA, WB), `seed ${seed}`);
  }
  assertSameRun(sTop.original, sTop.ir, "composed top2", [4, 5]);
  const r = sTop.verify();
  assert.equal(r.equivalent, true, r.reason);
  assertReplays(top2, sTop);
  const vhls = sTop.build({ target: "vhls" }).code;
  assert.match(vhls, /void mm4_mm1\(/);
  assert.match(vhls, /void mm4_mm2\(/);
  assert.doesNotMatch(vhls, /void mm4\(/);
  assert.ok(count(vhls, "hls::stream<") > 0, "the relays are streams");
});

test("the composed systolic top simulates in csim as it runs on the CPU", async () => {
  const sTop = systolicTop();
  const dir = mkdtempSync(join(tmpdir(), "allo-compose-"));
  try {
    const csim = sTop.build({ target: "vitis_hls", mode: "csim", project: dir });
    const args = inputs(7);
    const want = sTop.build()(...cloneArgs(args));
    const got = await csim(...cloneArgs(args));
    assertSameOutputs([got as Int32Array], [want as Int32Array], "csim of the composed top2");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("without an id, compose schedules every instance: the shared matmul once, both private ones", () => {
  const s1 = customize(mm4);
  spatialIJ(s1, SIZES);
  const shared = customize(top).compose(s1);
  assert.equal(shared.steps.length, s1.steps.length);
  const vhls = shared.build({ target: "vhls" }).code;
  assert.equal(count(vhls, "void mm4("), 1);
  assert.equal(count(vhls, "  mm4("), 2, "top calls the one mm4 twice");
  assert.equal(shared.verify().equivalent, true);
  const both = customize(top2).compose(s1);
  assert.equal(both.steps.length, 2 * s1.steps.length);
  const body = (s: Schedule, f: string) =>
    printMlir({ functions: s.ir.functions.filter((x) => x.name === f), top: f }).replaceAll(f, "F");
  assert.equal(body(both, "mm4_mm1"), body(both, "mm4_mm2"));
  assert.notEqual(body(both, "mm4_mm1"), body(customize(top2), "mm4_mm1"));
  assertSameRun(both.original, both.ir, "top2, both instances systolic");
});

test("composed steps enter the parent's trace with their provenance, and replay from it", () => {
  const s0 = customize(matmul);
  const [, inner] = s0.split("i", 2);
  s0.pipeline(inner);
  const sTop = customize(seedTop);
  sTop.compose(s0);
  const trace = sTop.trace("sTop");
  const lines = trace.trim().split("\n");
  assert.match(
    lines[0],
    /^\/\/ compose at test\/compose\/compose\.test\.ts:\d+:\d+: matmul's schedule into matmul$/,
  );
  assert.match(
    lines[1],
    /^sTop\.split\("matmul:i", 2\); \/\/ step 1 of matmul's schedule, test\/compose\/compose\.test\.ts:\d+:\d+$/,
  );
  assert.match(lines[2], /^sTop\.pipeline\("matmul:i\.inner"\); \/\/ step 2 of matmul's schedule, /);
  assert.equal(lines.length, 3);
  const [a, b] = sTop.steps;
  assert.deepEqual(a.site, s0.steps[0].site, "a composed step keeps its own call site");
  assert.ok(a.via && b.via && a.via.line !== a.site?.line, "and records the compose call");
  assertReplays(seedTop, sTop);
  assertSameRun(sTop.original, sTop.ir, "composed seed top");
});

test("nested composes: a schedule that composed its callee's schedule composes onto one instance", () => {
  const sAdd = customize(add);
  sAdd.pipeline("j");
  const sA = customize(add_const);
  sA.compose(sAdd);
  const sTop = customize(consts);
  sTop.compose(sA, { id: "c7" });
  assert.deepEqual(
    sTop.steps.map((s) => s.args),
    [[{ loop: { func: "add_c7", name: "j" } }]],
  );
  const plain = customize(consts).build({ target: "vhls" }).code;
  const code = sTop.build({ target: "vhls" }).code;
  for (const f of ["add_c5", "add_c7", "add_const_c5", "add_const_c7"])
    assert.match(code, new RegExp(`void ${f}\\(`));
  assert.equal(count(code, "#pragma HLS pipeline II=1"), count(plain, "#pragma HLS pipeline II=1") + 1);
  const c7 = code.slice(code.indexOf("void add_c7("));
  assert.match(c7.slice(0, c7.indexOf("\n}\n")), /#pragma HLS pipeline II=1/);
  assert.equal(sTop.verify().equivalent, true);
});

test("compose(f) runs f's registered schedule; instantiate picks the template values; lists compose in order", () => {
  registerSchedule(scale, (s) => {
    s.split("i", 2);
  });
  const t = customize(scales);
  t.compose(scale, { instantiate: { N: 8 } });
  assert.deepEqual(
    t.steps.map((s) => s.args[0]),
    [{ loop: { func: "scale_1", name: "i" } }],
  );
  const s4 = customize(scale, { instantiate: { N: 4 } });
  s4.pipeline("i");
  const u = customize(scales).compose(s4);
  assert.deepEqual(
    u.steps.map((s) => s.args[0]),
    [{ loop: { func: "scale", name: "i" } }, { loop: { func: "scale_s0", name: "i" } }],
    "both instances with N = 4, the id'd one included; not scale_1 (N = 8)",
  );
  const s8 = customize(scale, { instantiate: { N: 8 } });
  s8.unroll("i", 2);
  const w = customize(scales).compose([s4, s8]);
  assert.deepEqual(
    w.steps.map((s) => [s.prim, (s.args[0] as { loop: { func: string } }).loop.func]),
    [
      ["pipeline", "scale"],
      ["pipeline", "scale_s0"],
      ["unroll", "scale_1"],
    ],
  );
  assertSameRun(w.original, w.ir, "scales with composed schedules");
  const both = customize(scales).compose(scale, { instantiate: { N: 4 }, id: "s0" });
  assert.equal(both.steps.length, 1);
  assert.equal((both.steps[0].args[0] as { loop: { func: string } }).loop.func, "scale_s0");
  registerSchedule(scale, (s) => {
    s.pipeline("i");
  });
  const again = customize(scales).compose(scale, { instantiate: { N: 8 } });
  assert.deepEqual(
    again.steps.map((s) => s.prim),
    ["pipeline"],
    "registering again replaces the schedule",
  );
});

test("compose(f) of a generic f without instantiate schedules every instance with its own values; id picks one", () => {
  registerSchedule(scale, (s) => {
    s.split("i", 2);
  });
  const all = customize(scales).compose(scale);
  assert.deepEqual(
    all.steps.map((s) => (s.args[0] as { loop: { func: string } }).loop.func),
    ["scale", "scale_s0", "scale_1"],
    "N = 4 (scale and scale_s0 share one customize), then N = 8",
  );
  assertSameRun(all.original, all.ir, "scales with every instance split");
  assert.equal(all.verify().equivalent, true);
  const one = customize(scales).compose(scale, { id: "s0" });
  assert.deepEqual(
    one.steps.map((s) => (s.args[0] as { loop: { func: string } }).loop.func),
    ["scale_s0"],
  );
});

test("the seed's schedules composed by id (acceptance 1 without layouts): runs, emits HLS, valid MLIR", {
  skip: skipWithoutTools(),
}, () => {
  const s1 = customize(matmul);
  s1.reorder("k", "j");
  s1.partition("C", { type: "complete", dim: 1 });
  const s2 = customize(matmul);
  s2.partition("A", { type: "complete", dim: 1 });
  const sTop = customize(seedTop2);
  sTop.compose(s1, { id: "mm1" });
  sTop.compose(s2, { id: "mm2" });
  assert.match(sTop.trace(), /s\.reorder\("matmul_mm1:k", "matmul_mm1:j"\);/);
  assert.match(sTop.trace(), /s\.partition\("matmul_mm2:A", \{ type: "complete", dim: 1 \}\);/);
  assertSameRun(sTop.original, sTop.ir, "seed top2 composed");
  const vhls = sTop.build({ target: "vhls" }).code;
  const fn = (f: string) =>
    vhls.slice(vhls.indexOf(`void ${f}(`), vhls.indexOf("\n}\n", vhls.indexOf(`void ${f}(`)));
  const loops = (f: string) => [...fn(f).matchAll(/for \(int (\w+) =/g)].map((m) => m[1]);
  assert.deepEqual(loops("matmul_mm1"), ["i", "k", "j"], "only matmul_mm1 has k outside j");
  assert.deepEqual(loops("matmul_mm2"), ["i", "j", "k"]);
  assert.match(fn("matmul_mm1"), /#pragma HLS array_partition variable=C complete dim=1/);
  assert.match(fn("matmul_mm2"), /#pragma HLS array_partition variable=A complete dim=1/);
  const tools = requireTools();
  inWorkDir("compose", (dir) => {
    const file = join(dir, "top2.mlir");
    writeFileSync(file, sTop.build({ target: "mlir" }).code);
    run(tools.opt, [file, "-o", join(dir, "out.mlir")], "verifying the composed top2");
  });
});

test("a kernel that returns its buffer composes into the caller of its results (acceptance 6, no layouts)", () => {
  const sL = customize(linear);
  sL.partition("outp", { type: "block", dim: 2, factor: 2 });
  sL.pipeline("k");
  const sF = customize(ffn).compose(sL);
  assert.deepEqual(
    sF.steps.map((s) => s.args[0]),
    [{ buffer: { func: "linear", name: "outp" } }, { loop: { func: "linear", name: "k" } }],
  );
  assertSameRun(sF.original, sF.ir, "ffn with the composed linear");
  assert.equal(sF.verify().equivalent, true);
  assertReplays(ffn, sF);
});
