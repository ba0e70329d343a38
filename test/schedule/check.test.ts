// The IR well-formedness check: silent on every frontend kernel, and each seeded defect is reported;
// checkModule turns a defect into an internal error (a compiler bug) that shows the IR.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { bin, forLoop, idx, ivRef, load } from "../../src/ir/build.ts";
import type { Expr, Func, Module, Stmt } from "../../src/ir/nodes.ts";
import { checkModule, wellFormedness } from "../../src/schedule/check.ts";
import { F32, I32 } from "../../src/types/dtype.ts";
import { CASES } from "../corpus/cases.ts";
import { caller, gemm, mm, rowsum, stencil, tri, twoStage } from "./kernels.ts";

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

test("checkModule reports a defect as a compiler bug with the IR", () => {
  const bad = moduleWith([store([ivRef("i")])]);
  assert.throws(
    () => checkModule(bad, 'step 1: split("i", 2)'),
    (e: Error) =>
      /internal error \(a compiler bug.*schedule step step 1: split\("i", 2\) produced malformed IR:\n {2}k: iv 'i'/s.test(
        e.message,
      ) && /--- IR ---\n/.test(e.message),
  );
});
