// The IR well-formedness check (src/ir/verify.ts): silent on every frontend kernel, each seeded defect
// is reported, and a malformed module handed to customize's Schedule or to build is an internal error
// (a compiler bug) showing the IR, raised before any backend runs.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { build } from "../../src/api/build.ts";
import { customize, Schedule } from "../../src/index.ts";
import { bin, forLoop, idx, ivRef, load } from "../../src/ir/build.ts";
import type { Expr, Func, Module, Stmt } from "../../src/ir/nodes.ts";
import { assertWellFormed, wellFormedness } from "../../src/ir/verify.ts";
import { F32, I32 } from "../../src/types/dtype.ts";
import { CASES } from "../corpus/cases.ts";
import { caller, gemm, mm, rowsum, stencil, tri, twoStage } from "../schedule/kernels.ts";

test("every corpus and schedule-test kernel is well formed", () => {
  for (const c of CASES) assert.deepEqual(wellFormedness(customize(c.kernel, c.options).ir), [], c.name);
  for (const k of [gemm, mm, stencil, twoStage, tri, rowsum, caller]) {
    assert.deepEqual(wellFormedness(customize(k).ir), [], k.name);
  }
});

const buf = (name: string, shape: number[], type = I32) => ({
  name,
  type,
  shape,
  role: "param" as const,
  partitions: [],
});

function moduleWith(body: readonly Stmt[], extra: Partial<Func> = {}): Module {
  const f: Func = {
    name: "k",
    params: [{ kind: "buffer", name: "A" }],
    results: [],
    buffers: { A: buf("A", [4]) },
    body,
    attrs: {},
    ...extra,
  };
  return { functions: [f], top: "k" };
}

const store = (indices: Expr[], value = load("A", [idx(0)], I32)): Stmt => ({
  kind: "store",
  buffer: "A",
  indices,
  value,
});

test("each seeded defect is reported", () => {
  const cases: [string, Module, RegExp][] = [
    ["unbound iv", moduleWith([store([ivRef("i")])]), /iv 'i' is used outside its loop/],
    [
      "iv bound twice",
      moduleWith([
        forLoop("i", "i", idx(0), idx(4), [store([ivRef("i")])]),
        forLoop("i", "i", idx(0), idx(4), []),
      ]),
      /iv 'i' is bound by two loops/,
    ],
    [
      "undeclared buffer",
      moduleWith([{ kind: "store", buffer: "Z", indices: [idx(0)], value: load("A", [idx(0)], I32) }]),
      /store of undeclared buffer 'Z'/,
    ],
    ["rank", moduleWith([store([idx(0), idx(1)])]), /store of 'A' with 2 indices \(rank 1\)/],
    [
      "store type",
      moduleWith([store([idx(0)], { kind: "const", type: F32, value: 1 })]),
      /store of float32 into int32 buffer 'A'/,
    ],
    [
      "binary type",
      moduleWith([
        store([idx(0)], bin("+", load("A", [idx(0)], I32), { kind: "const", type: F32, value: 1 }, I32)),
      ]),
      /'\+' of int32 and float32 typed int32/,
    ],
    ["index type", moduleWith([store([load("A", [idx(0)], I32)])]), /index of a store to 'A' has type int32/],
    ["loop name", moduleWith([forLoop("i", "", idx(0), idx(4), [])]), /loop 'i' has no name/],
    ["step", moduleWith([forLoop("i", "i", idx(0), idx(4), [], {}, 0)]), /loop 'i' has step 0/],
    [
      "param",
      moduleWith([store([idx(0)], { kind: "param", type: I32, name: "n" })]),
      /unknown scalar param 'n'/,
    ],
    [
      "call",
      moduleWith([{ kind: "call", callee: "g", args: [], results: [] }]),
      /call of unknown function 'g'/,
    ],
    ["top", { functions: moduleWith([]).functions, top: "main" }, /the top function 'main' does not exist/],
    [
      "partition dim",
      moduleWith([], {
        buffers: { A: { ...buf("A", [4]), partitions: [{ type: "complete", dim: 2, factor: 0 }] } },
      }),
      /partitioned on dim 2/,
    ],
  ];
  for (const [what, m, re] of cases) {
    const problems = wellFormedness(m);
    assert.ok(
      problems.some((p) => re.test(p)),
      `${what}: ${problems.join("; ")}`,
    );
  }
});

const compilerBug = (stage: RegExp) => (e: Error) =>
  /internal error \(a compiler bug/.test(e.message) &&
  stage.test(e.message) &&
  /\n {2}k: iv 'i' is used outside its loop/.test(e.message) &&
  /--- IR ---\nmodule \(top k\)\nfunc k\(A\)/.test(e.message);

test("assertWellFormed reports a defect as a compiler bug with a dump of the IR", () => {
  const bad = moduleWith([store([ivRef("i")])]);
  assert.throws(
    () => assertWellFormed(bad, 'after schedule step 1: split("i", 2)'),
    compilerBug(/malformed IR \(after schedule step 1: split\("i", 2\)\)/),
  );
  assert.doesNotThrow(() => assertWellFormed(customize(gemm).ir, "from the frontend"));
});

test("a malformed module given to customize's Schedule is a compiler bug", () => {
  const bad = moduleWith([store([ivRef("i")])]);
  assert.throws(() => new Schedule(bad), compilerBug(/malformed IR \(from the frontend \(kernel 'k'\)\)/));
});

test("build checks the module before any backend sees it, for every target", () => {
  const bad = moduleWith([forLoop("j", "j", idx(0), idx(4), [store([ivRef("i")])])]);
  for (const target of ["cpu", "mlir", "vhls"] as const) {
    assert.throws(() => build(bad, { target }), compilerBug(new RegExp(`before build for target ${target}`)));
  }
  // The Vitis project is written to disk by the backend: the check has to fire before it exists.
  const dir = mkdtempSync(join(tmpdir(), "allo-verify-"));
  const project = join(dir, "k.prj");
  try {
    assert.throws(
      () => build(bad, { target: "vitis_hls", project }),
      compilerBug(/before build for target vitis_hls/),
    );
    assert.equal(existsSync(project), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
