// Layouts as types across calls (acceptance scenarios 1-6 and 8 of the composition design): a
// caller's buffer shares the layout of the callee parameters it is passed to, a shared callee has one
// interface layout, the join of the requirements is accepted only when one of them equals it, and
// MLIR and HLS carry the inferred layout in every function of the class.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { customize, type Schedule } from "../../src/index.ts";
import { inWorkDir, requireTools, run, skipWithoutTools } from "../backends/mlir/tools.ts";
import { assertSameRun, caught } from "../schedule/support.ts";
import { ffn, linear } from "./fixtures/ffn.ts";
import { matmul, top, top2 } from "./fixtures/seed.ts";

type Opts = Parameters<Schedule["partition"]>[1];

/** matmul scheduled with one partition (of C or A). */
function mm(buf: "A" | "C", opts: Opts, reorder = false): Schedule {
  const s = customize(matmul);
  if (reorder) s.reorder("k", "j");
  return s.partition(buf, opts);
}

const rows: Opts = { type: "complete", dim: 1 };
const cols: Opts = { type: "complete", dim: 2 };

/** The body of function `f` in C++ code. */
const fn = (code: string, f: string) => {
  const at = code.indexOf(`void ${f}(`);
  return code.slice(at, code.indexOf("\n}\n", at));
};

test("1: the seed's matched schedules give Y, mm1:C and mm2:A one layout, in HLS and valid MLIR", {
  skip: skipWithoutTools(),
}, () => {
  const sTop = customize(top2);
  sTop.compose(mm("C", rows, true), { id: "mm1" });
  sTop.compose(mm("A", rows), { id: "mm2" });
  for (const b of ["Y", "matmul_mm1:C", "matmul_mm2:A"]) assert.equal(sTop.layout(b), "[complete, none]", b);
  for (const b of ["X", "Z", "W_A"]) assert.equal(sTop.layout(b), "[none, none]", b);
  assertSameRun(sTop.original, sTop.ir, "seed top2 with matched layouts");
  assert.equal(sTop.verify().equivalent, true);
  const vhls = sTop.build({ target: "vhls" }).code;
  assert.match(fn(vhls, "top2"), /#pragma HLS array_partition variable=Y complete dim=1/);
  assert.match(fn(vhls, "matmul_mm1"), /#pragma HLS array_partition variable=C complete dim=1/);
  assert.match(fn(vhls, "matmul_mm2"), /#pragma HLS array_partition variable=A complete dim=1/);
  const mlir = sTop.build({ target: "mlir" }).code;
  assert.doesNotMatch(mlir, /layout_mismatch/, "the call types agree: no cast between layouts");
  const tools = requireTools();
  inWorkDir("layout-classes", (dir) => {
    const file = join(dir, "top2.mlir");
    writeFileSync(file, mlir);
    run(tools.opt, [file, "-o", join(dir, "out.mlir")], "verifying the top2 with inferred layouts");
  });
});

test("2: rows vs columns is AL3402 at the second compose, which changes nothing; stating the join first fixes it", () => {
  const sTop = customize(top2);
  sTop.compose(mm("C", rows, true), { id: "mm1" });
  const before = { ir: sTop.ir, steps: sTop.steps.length };
  const e = caught(() => sTop.compose(mm("A", cols), { id: "mm2" }));
  assert.equal(e.code, "AL3402");
  for (const s of [
    "matmul_mm1:C",
    "matmul_mm2:A",
    "[complete, none]",
    "[none, complete]",
    "[complete, complete]",
  ])
    assert.ok(e.message.includes(s), `message names ${s}:\n${e.message}`);
  assert.equal(e.span?.file, "test/compose/layout-classes.test.ts");
  const reqs = (e.details?.requirements ?? []) as { at: string }[];
  assert.ok(
    reqs.every((r) => r.at.startsWith("test/compose/layout-classes.test.ts:")),
    "at the partition calls",
  );
  assert.deepEqual(
    { ...e.details, requirements: reqs.map((r) => ({ ...r, at: "" })) },
    {
      buffer: "top2:Y",
      members: ["top2:Y", "matmul_mm1:C", "matmul_mm2:A"],
      requirements: [
        { buffer: "matmul_mm1:C", layout: "[complete, none]", at: "" },
        { buffer: "matmul_mm2:A", layout: "[none, complete]", at: "" },
      ],
      join: "[complete, complete]",
    },
  );
  assert.equal(sTop.ir, before.ir);
  assert.equal(sTop.steps.length, before.steps);
  assert.equal(sTop.layout("Y"), "[complete, none]");
  const fixed = customize(top2);
  fixed.partition("Y", { type: "complete", dim: 0 });
  fixed.compose(mm("C", rows, true), { id: "mm1" });
  fixed.compose(mm("A", cols), { id: "mm2" });
  for (const b of ["Y", "matmul_mm1:C", "matmul_mm2:A"])
    assert.equal(fixed.layout(b), "[complete, complete]", b);
});

test("3: a caller may supply more parallelism than a callee asks for, in either compose order", () => {
  const s1 = mm("C", { type: "cyclic", dim: 2, factor: 4 });
  const s2 = mm("A", { type: "cyclic", dim: 2, factor: 2 });
  const orders = [
    [s1, "mm1", s2, "mm2"],
    [s2, "mm2", s1, "mm1"],
  ] as const;
  for (const [a, ida, b, idb] of orders) {
    const sTop = customize(top2).compose(a, { id: ida }).compose(b, { id: idb });
    for (const x of ["Y", "matmul_mm1:C", "matmul_mm2:A"])
      assert.equal(sTop.layout(x), "[none, cyclic(4)]", x);
    const mm2 = fn(sTop.build({ target: "vhls" }).code, "matmul_mm2");
    assert.match(mm2, /array_partition variable=A cyclic dim=2 factor=4/);
    assert.doesNotMatch(mm2, /factor=2/);
  }
});

test("4: the join table: incomparable requirements are AL3402 with their join, chains are accepted", () => {
  const rowsOf: [Opts, Opts, string, boolean][] = [
    [
      { type: "cyclic", dim: 2, factor: 2 },
      { type: "cyclic", dim: 2, factor: 3 },
      "[none, cyclic(6)]",
      false,
    ],
    [{ type: "block", dim: 2, factor: 3 }, { type: "block", dim: 2, factor: 4 }, "[none, block(8)]", false],
    [{ type: "cyclic", dim: 2, factor: 2 }, { type: "block", dim: 2, factor: 2 }, "[none, complete]", false],
    [{ type: "block", dim: 2, factor: 2 }, { type: "block", dim: 2, factor: 4 }, "[none, block(4)]", true],
    [{ type: "cyclic", dim: 2, factor: 8 }, { type: "cyclic", dim: 2, factor: 16 }, "[none, complete]", true],
  ];
  for (const [c, a, join, ok] of rowsOf) {
    const sTop = customize(top2).compose(mm("C", c), { id: "mm1" });
    const label = `${JSON.stringify(c)} + ${JSON.stringify(a)}`;
    if (ok) {
      sTop.compose(mm("A", a), { id: "mm2" });
      assert.equal(sTop.layout("Y"), join, label);
    } else {
      const e = caught(() => sTop.compose(mm("A", a), { id: "mm2" }));
      assert.equal(e.code, "AL3402", label);
      assert.equal(e.details?.join, join, label);
    }
  }
  const stated = customize(top2).partition("Y", { type: "cyclic", dim: 2, factor: 6 });
  stated.compose(mm("C", rowsOf[0][0]), { id: "mm1" }).compose(mm("A", rowsOf[0][1]), { id: "mm2" });
  assert.equal(stated.layout("matmul_mm2:A"), "[none, cyclic(6)]");
});

test("5: a shared callee has one interface layout, propagated to every buffer passed to it", () => {
  const s2 = mm("A", rows);
  const shared = customize(top).compose(s2);
  for (const b of ["X", "Y", "Z", "matmul:C", "matmul:A"])
    assert.equal(shared.layout(b), "[complete, none]", b);
  assert.equal(shared.layout("W_A"), "[none, none]");
  const vhls = shared.build({ target: "vhls" }).code;
  assert.equal(vhls.split("void matmul(").length - 1, 1);
  assert.match(fn(vhls, "top"), /array_partition variable=Z complete dim=1/);
  const both = customize(top2).compose(s2);
  for (const b of ["X", "Y"]) assert.equal(both.layout(b), "[complete, none]", b);
  assert.equal(both.layout("Z"), "[none, none]");
});

test("6: returned buffers share a layout with the caller's call results", () => {
  const sL = customize(linear).partition("outp", { type: "block", dim: 2, factor: 2 });
  const sF = customize(ffn).compose(sL);
  for (const b of ["add1", "add2", "add:a", "add:b", "linear:outp"])
    assert.equal(sF.layout(b), "[none, block(2)]", b);
  assert.equal(sF.layout("add:outp"), "[none, none]");
  assertSameRun(sF.original, sF.ir, "ffn with inferred layouts");
  const e = caught(() => sF.partition("add1", { type: "cyclic", dim: 2, factor: 2 }));
  assert.equal(e.code, "AL3402");
  assert.equal(e.details?.join, "[none, complete]");
  assert.match(e.message, /'add1' is the result of linear \(its returned 'outp'\) here/);
  assert.match(e.message, /'add1' is passed as a to add here/);
});

test("8: Allo's partition rules: one schedule partitions a dimension once; other schedules meet in the lattice", () => {
  const twice = caught(() => customize(matmul).partition("A", { dim: 1 }).partition("A", { dim: 1 }));
  assert.equal(twice.code, "AL3401");
  const mixed = caught(() => customize(matmul).partition("A", { dim: 1 }).partition("A", { dim: 0 }));
  assert.equal(mixed.code, "AL3401");
  const s = customize(matmul).partition("A").partition("A");
  assert.equal(s.layout("A"), "[complete, complete]");
  const sTop = customize(top2).partition("matmul_mm1:C", rows);
  sTop.compose(mm("C", rows), { id: "mm1" });
  assert.equal(sTop.layout("Y"), "[complete, none]", "the same dimension from two schedules is no AL3401");
});
