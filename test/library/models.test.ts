// allo-ts/library in use: api.md's FFN `linear(gelu(linear(X, W1, b1)), W2, b2)` with
// `s.compose(linear)` (both instances get the default schedule) runs like a plain reference, verifies,
// replays from its trace, emits MLIR that mlir-opt accepts and HLS that simulates in csim; every op's
// registered schedule composes into a caller and is proven equivalent.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import * as lib from "../../src/library/index.ts";
import { inWorkDir, requireTools, run, skipWithoutTools } from "../backends/mlir/tools.ts";
import { assertReplays } from "../schedule/support.ts";
import { cloneArgs } from "../support/compare.ts";
import { fillFloat, fillInt, rng } from "../support/random.ts";
import { ffn, norms, pointwise, products, quantized } from "./fixtures/models.ts";
import * as ref from "./reference.ts";

const ffnArgs = (seed: number) => {
  const r = rng(seed);
  return [32, 128, 16, 128, 8].map((n) => fillFloat(new Float32Array(n), r, -1, 1));
};
const ffnRef = ([X, W1, b1, W2, b2]: Float32Array[]) =>
  ref.linear(ref.map(ref.linear(X, W1, b1, 4, 8, 16), ref.gelu), W2, b2, 4, 16, 8);

function composedFfn() {
  const s = customize(ffn);
  s.compose(lib.linear);
  return s;
}

test("the FFN of nested library calls composes linear's schedule into both instances and runs like the reference", () => {
  const s = composedFfn();
  assert.deepEqual(
    s.ir.functions.map((f) => f.name),
    ["linear", "gelu", "linear_1", "ffn"],
  );
  assert.deepEqual(
    s.steps.map((x) => `${x.prim} ${JSON.stringify(x.args[0])}`),
    ["linear", "linear_1"].flatMap((f) => [
      `reorder {"loop":{"func":"${f}","name":"k"}}`,
      `pipeline {"loop":{"func":"${f}","name":"j"}}`,
      `pipeline {"loop":{"func":"${f}","name":"c"}}`,
    ]),
  );
  for (const seed of [1, 2]) {
    const args = ffnArgs(seed);
    ref.assertNear(s.build()(...args) as Float32Array, ffnRef(args), `ffn seed ${seed}`, 8, 1);
  }
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);
  assertReplays(ffn, s);
  const hls = s.build({ target: "vhls" }).code;
  assert.match(hls, /void linear_1\(/);
  assert.match(hls, /#pragma HLS pipeline/);
});

test("the composed FFN's MLIR passes mlir-opt", { skip: skipWithoutTools() }, () => {
  const tools = requireTools();
  inWorkDir("library-ffn", (dir) => {
    const file = join(dir, "ffn.mlir");
    writeFileSync(file, composedFfn().build({ target: "mlir" }).code);
    run(tools.opt, [file, "-o", join(dir, "out.mlir")], "verifying the composed ffn");
  });
});

test("the composed FFN, the normalisations and the quantized ops simulate in csim as they run on the CPU", async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-library-"));
  try {
    const s = composedFfn();
    const args = ffnArgs(3);
    const want = s.build()(...cloneArgs(args)) as Float32Array;
    const got = (await s.build({ target: "vitis_hls", mode: "csim", project: join(dir, "ffn") })(
      ...args,
    )) as Float32Array;
    ref.assertNear(got, want, "csim ffn", 8);
    const n = customize(norms).compose([lib.softmax, lib.layerNorm]);
    const r = rng(4);
    const nargs = [18, 6, 6].map((k) => fillFloat(new Float32Array(k), r, -3, 3));
    const nwant = ref.layerNorm(ref.softmax(nargs[0], 3, 6), nargs[1], nargs[2], 3, 6);
    const ngot = (await n.build({ target: "vitis_hls", mode: "csim", project: join(dir, "norms") })(
      ...nargs,
    )) as Float32Array;
    ref.assertNear(ngot, nwant, "csim norms", 8);
    const q = customize(quantized).compose([lib.quantize, lib.qlinear, lib.qmatmul, lib.dequantize]);
    const qargs = () => [
      fillFloat(new Float32Array(16), rng(6), -40, 40),
      fillInt(new Int8Array(32), rng(7), -128, 127),
      fillInt(new Int32Array(4), rng(8), -1000, 1000),
      fillInt(new Int8Array(24), rng(9), -128, 127),
      0.25,
      new Int32Array(8),
      new Int32Array(6),
      new Float32Array(16),
    ];
    const [X, W, b, B, scale, ...outs] = qargs() as [
      Float32Array,
      Int8Array,
      Int32Array,
      Int8Array,
      number,
      ...unknown[],
    ];
    await q.build({ target: "vitis_hls", mode: "csim", project: join(dir, "quantized") })(
      X,
      W,
      b,
      B,
      scale,
      ...outs,
    );
    const Q = ref.quantize(X, scale);
    assert.deepEqual(outs, [
      ref.qlinear(Q, W, b, 2, 8, 4, true),
      ref.qlinear(Q, B, undefined, 2, 8, 3, false),
      Float32Array.from(Q, (v) => Math.fround(v * scale)),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("every op's registered default schedule composes into its caller and verifies", () => {
  const families: [Function, Function[]][] = [
    [pointwise, [lib.add, lib.sub, lib.mul, lib.div, lib.relu, lib.exp, lib.tanh, lib.sigmoid, lib.gelu]],
    [products, [lib.matmul, lib.transpose, lib.bmm]],
    [norms, [lib.softmax, lib.layerNorm]],
    [quantized, [lib.quantize, lib.qlinear, lib.qmatmul, lib.dequantize]],
  ];
  for (const [caller, ops] of families) {
    const s = customize(caller);
    for (const op of ops) {
      const before = s.steps.length;
      s.compose(op);
      assert.ok(s.steps.length > before, `${op.name}'s schedule added steps to ${caller.name}`);
    }
    const r = s.verify();
    assert.equal(r.equivalent, true, `${caller.name}: ${r.reason}`);
  }
});

test("compose(op) with an id schedules only that instance; with instantiate only matching values", () => {
  const s = customize(ffn);
  s.compose(lib.linear, { instantiate: { M: 4, K: 16, N: 8 } });
  assert.deepEqual(
    [...new Set(s.steps.map((x) => (x.args[0] as { loop: { func: string } }).loop.func))],
    ["linear_1"],
  );
});
