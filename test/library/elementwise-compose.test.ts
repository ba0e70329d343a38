// A kernel composing several forms of the overloaded elementwise ops through the public API (customize,
// s.compose(op) of each op, build): one pipelined `j` per instance whatever its form, the composed
// design verified equivalent, bit-exact on the CPU against the plain references, and the same in csim.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import * as lib from "../../src/library/index.ts";
import { fillFloat, rng } from "../support/random.ts";
import { deep, mixed } from "./fixtures/elementwise.ts";
import * as ref from "./reference.ts";

const OPS = [lib.add, lib.sub, lib.mul, lib.div, lib.relu, lib.exp, lib.tanh, lib.gelu];

const composed = () => customize(mixed).compose(OPS);

const args = (seed: number) => {
  const r = rng(seed);
  return [24, 12, 4, 4].map((n) => fillFloat(new Float32Array(n), r, -2, 2));
};

/** mixed's arithmetic written out on the references. */
function expected(X: Float32Array, W: Float32Array, b: Float32Array, v: Float32Array): Float32Array {
  const Y = ref.map(
    ref.broadcast(
      ref.broadcast(
        ref.broadcast(X, W, (x, w) => x * w),
        b,
        (y, c) => y + c,
      ),
      Float32Array.of(0.5),
      (y, h) => y - h,
    ),
    (y) => Math.max(y, 0),
  );
  const e = ref.map(
    ref.zip(v, b, (p, q) => p / q),
    Math.exp,
  );
  return ref.map(
    ref.map(
      ref.broadcast(Y, e, (y, d) => y + d),
      Math.tanh,
    ),
    ref.gelu,
  );
}

test("mixed forms in one design: instances named after the ops, each form's own kernel", () => {
  const s = customize(mixed);
  assert.deepEqual(
    s.ir.functions.map((fn) => [fn.name, fn.origin?.base]),
    [
      ["mul", "mul3x2"],
      ["add", "add3x1"],
      ["sub", "sub3s"],
      ["relu", "relu3"],
      ["div", "div1"],
      ["exp", "exp1"],
      ["tanh", "tanh3"],
      ["gelu", "gelu3"],
      ["mixed", "mixed"],
    ],
  );
});

test("compose of every op pipelines each instance's j, verifies, and runs bit-exact on the CPU", () => {
  const s = composed();
  assert.deepEqual(
    s.steps.map((st) => [st.prim, JSON.stringify(st.args)]),
    ["add", "sub", "mul", "div", "relu", "exp", "tanh", "gelu"].map((f) => [
      "pipeline",
      JSON.stringify([{ loop: { func: f, name: "j" } }]),
    ]),
  );
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);
  const [X, W, b, v] = args(3);
  ref.assertNear(s.build()(X, W, b, v) as Float32Array, expected(X, W, b, v), "mixed");
});

test("the default schedule of a broadcast form alone verifies (add3x2 and sub4s)", () => {
  for (const [form, values] of [
    [lib.add3x2, { L: 2, M: 1, N: 3 }],
    [lib.sub4s, { K: 1, L: 2, M: 3, N: 1 }],
  ] as const) {
    const s = customize(form, { instantiate: values }).compose(form);
    assert.equal(s.steps.length, 1);
    const r = s.verify();
    assert.equal(r.equivalent, true, r.reason);
  }
});

test("the composed mixed and rank-4 designs simulate in csim as they run on the CPU", async () => {
  const s = composed();
  const [X, W, b, v] = args(5);
  const want = s.build()(X, W, b, v) as Float32Array;
  const d = customize(deep).compose([lib.div, lib.sigmoid]);
  const [X4, B4] = [12, 6].map((n, k) => fillFloat(new Float32Array(n), rng(20 + k), -2, 2));
  const want4 = d.build()(X4, B4) as Float32Array;
  ref.assertNear(
    want4,
    ref.map(
      ref.broadcast(X4, B4, (x, y) => x / y),
      ref.sigmoid,
    ),
    "deep",
  );
  const dir = mkdtempSync(join(tmpdir(), "allo-elementwise-"));
  try {
    const got = (await s.build({ target: "vitis_hls", mode: "csim", project: join(dir, "mixed") })(
      X,
      W,
      b,
      v,
    )) as Float32Array;
    // exp and tanh are libm's in csim: within an ulp or so of V8's.
    ref.assertNear(got, want, "csim mixed", 8);
    const got4 = (await d.build({ target: "vitis_hls", mode: "csim", project: join(dir, "deep") })(
      X4,
      B4,
    )) as Float32Array;
    ref.assertNear(got4, want4, "csim deep", 8);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
