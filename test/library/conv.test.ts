// allo-ts/library's ops with template defaults against plain references: conv2d (strides, padding,
// 1-wide axes, extents that the stride does not divide), maxPool2d/avgPool2d (S = K by default),
// concat on both axes (and its shape error), layerNorm's Eps; the defaults and explicit type arguments
// at call sites, the composed default schedules verified, and a csim run.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import * as lib from "../../src/library/index.ts";
import { caught } from "../schedule/support.ts";
import { cloneArgs } from "../support/compare.ts";
import { fillFloat, rng } from "../support/random.ts";
import * as cref from "./conv-reference.ts";
import { joined, vision } from "./fixtures/vision.ts";
import * as ref from "./reference.ts";

const rand = (n: number, seed: number) => fillFloat(new Float32Array(n), rng(seed), -3, 3);
const build = (k: Function, values: Record<string, number>) => customize(k, { instantiate: values }).build();

test("conv2d matches the reference at strides 1-3, padding 0-2 and 1-wide axes", () => {
  const cases: [cref.Conv, number][] = [
    [{ N: 1, C: 1, H: 1, W: 1, KH: 1, KW: 1, S: 1, P: 0 }, 1],
    [{ N: 2, C: 3, H: 5, W: 4, KH: 3, KW: 3, S: 1, P: 0 }, 2],
    [{ N: 1, C: 2, H: 6, W: 7, KH: 3, KW: 2, S: 2, P: 1 }, 3],
    [{ N: 1, C: 1, H: 7, W: 5, KH: 2, KW: 3, S: 3, P: 2 }, 4],
    [{ N: 1, C: 4, H: 1, W: 6, KH: 1, KW: 3, S: 2, P: 0 }, 1],
  ];
  for (const [d, Co] of cases) {
    const X = rand(d.N * d.C * d.H * d.W, d.H * 10 + d.W);
    const W = rand(Co * d.C * d.KH * d.KW, Co + d.KH);
    const b = rand(Co, 7);
    const values = { N: d.N, Ci: d.C, H: d.H, Wd: d.W, Co, KH: d.KH, KW: d.KW, S: d.S, P: d.P };
    const got = build(lib.conv2d, values)(X, W, b) as Float32Array;
    assert.deepEqual(got, cref.conv2d(X, W, b, d, Co), `conv2d ${JSON.stringify(values)}`);
  }
  const d = { N: 1, C: 2, H: 4, W: 4, KH: 3, KW: 3, S: 1, P: 0 };
  const X = rand(32, 1);
  const W = rand(36, 2);
  const b = rand(2, 3);
  const dflt = build(lib.conv2d, { N: 1, Ci: 2, H: 4, Wd: 4, Co: 2, KH: 3, KW: 3 })(X, W, b);
  assert.deepEqual(dflt, cref.conv2d(X, W, b, d, 2), "S = 1, P = 0 by default");
});

test("maxPool2d and avgPool2d match the reference, with S = K and P = 0 by default", () => {
  const cases: cref.Conv[] = [
    { N: 1, C: 1, H: 1, W: 1, KH: 1, KW: 1, S: 1, P: 0 },
    { N: 2, C: 3, H: 4, W: 6, KH: 2, KW: 2, S: 2, P: 0 },
    { N: 1, C: 2, H: 5, W: 7, KH: 3, KW: 3, S: 2, P: 1 },
    { N: 1, C: 1, H: 5, W: 5, KH: 2, KW: 2, S: 1, P: 1 },
  ];
  for (const d of cases) {
    const X = rand(d.N * d.C * d.H * d.W, d.H + d.W);
    const values = { N: d.N, C: d.C, H: d.H, Wd: d.W, K: d.KH, S: d.S, P: d.P };
    assert.deepEqual(build(lib.maxPool2d, values)(X), cref.pool2d(X, d, "max"), `max ${JSON.stringify(d)}`);
    assert.deepEqual(build(lib.avgPool2d, values)(X), cref.pool2d(X, d, "avg"), `avg ${JSON.stringify(d)}`);
  }
  const d = { N: 1, C: 2, H: 7, W: 5, KH: 3, KW: 3, S: 3, P: 0 };
  const X = rand(70, 9);
  assert.deepEqual(build(lib.maxPool2d, { N: 1, C: 2, H: 7, Wd: 5, K: 3 })(X), cref.pool2d(X, d, "max"));
  assert.deepEqual(build(lib.avgPool2d, { N: 1, C: 2, H: 7, Wd: 5, K: 3 })(X), cref.pool2d(X, d, "avg"));
});

test("concat joins rows (Axis 0, the default) and columns (Axis 1); the other extent must agree", () => {
  for (const [M, N, M2, N2] of [
    [1, 1, 1, 1],
    [2, 3, 4, 3],
    [3, 2, 3, 5],
  ]) {
    const A = rand(M * N, M + N);
    const B = rand(M2 * N2, M2 + N2);
    if (N === N2) {
      const rows = build(lib.concat, { M, N, M2, N2 })(A, B);
      assert.deepEqual(rows, cref.concat(A, B, M, N, N2, 0), `rows ${M}x${N} + ${M2}x${N2}`);
    }
    if (M === M2) {
      const cols = build(lib.concat, { M, N, M2, N2, Axis: 1 })(A, B);
      assert.deepEqual(cols, cref.concat(A, B, M, N, N2, 1), `columns ${M}x${N} + ${M2}x${N2}`);
    }
  }
  const e = caught(() => customize(lib.concat, { instantiate: { M: 2, N: 3, M2: 2, N2: 4 } }));
  assert.equal(e.code, "AL2003");
  assert.match(e.message, /'B' has shape \[2, 4\] but parameter 'B' of 'concatRows' needs \[2, 3\]/);
});

test("layerNorm's Eps defaults to 1e-5 and may be given", () => {
  const X = rand(12, 4);
  const g = rand(4, 5);
  const b = rand(4, 6);
  const dflt = build(lib.layerNorm, { M: 3, N: 4 })(X, g, b);
  assert.deepEqual(dflt, ref.layerNorm(X, g, b, 3, 4));
  assert.deepEqual(dflt, build(lib.layerNorm, { M: 3, N: 4, Eps: 1e-5 })(X, g, b), "the default is 1e-5");
  ref.assertNear(
    build(lib.layerNorm, { M: 3, N: 4, Eps: 0.5 })(X, g, b) as Float32Array,
    ref.layerNorm(X, g, b, 3, 4, 0.5),
    "Eps 0.5",
  );
});

const visionArgs = (seed: number) => {
  const r = rng(seed);
  return [
    fillFloat(new Float32Array(60), r, -2, 2),
    fillFloat(new Float32Array(54), r, -2, 2),
    fillFloat(new Float32Array(3), r, -2, 2),
    new Float32Array(12),
    new Float32Array(3),
  ];
};

function visionRef([X, W, b]: Float32Array[]): Float32Array[] {
  const Y = cref.conv2d(X, W, b, { N: 1, C: 2, H: 6, W: 5, KH: 3, KW: 3, S: 2, P: 1 }, 3);
  const pool = { N: 1, C: 3, H: 3, W: 3, KH: 2, KW: 2, P: 0 };
  return [cref.pool2d(Y, { ...pool, S: 1 }, "max"), cref.pool2d(Y, { ...pool, S: 2 }, "avg")];
}

test("call sites give template values explicitly or take the defaults; default schedules compose and verify", () => {
  const s = customize(vision);
  assert.deepEqual(
    s.ir.functions.map((f) => f.name),
    ["conv2d", "maxPool2d", "avgPool2d", "vision"],
  );
  assert.deepEqual(s.ir.functions[0].buffers.Y.shape, [1, 3, 3, 3]);
  s.compose([lib.conv2d, lib.maxPool2d, lib.avgPool2d]);
  assert.equal(s.steps.length, 3);
  const args = visionArgs(1);
  s.build()(...args);
  assert.deepEqual(args.slice(3), visionRef(args));
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);

  const j = customize(joined);
  assert.deepEqual(
    j.ir.functions.map((f) => f.name),
    ["layerNorm", "layerNorm_1", "concatRows", "concat", "concatCols", "concat_1", "joined"],
  );
  j.compose([lib.layerNorm, lib.concat]);
  const [X, g, b] = [8, 4, 4].map((n, k) => rand(n, 20 + k));
  const R = new Float32Array(16);
  const cols = j.build()(X, g, b, R);
  const P = ref.layerNorm(X, g, b, 2, 4);
  const Q = ref.layerNorm(X, g, b, 2, 4, 0.5);
  ref.assertNear(R, cref.concat(P, Q, 2, 4, 4, 0), "rows", 1);
  ref.assertNear(cols as Float32Array, cref.concat(P, Q, 2, 4, 4, 1), "columns", 1);
  const rj = j.verify();
  assert.equal(rj.equivalent, true, rj.reason);
});

test("the composed conv2d and pooling simulate in csim as they run on the CPU", async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-library-conv-"));
  try {
    const s = customize(vision).compose([lib.conv2d, lib.maxPool2d, lib.avgPool2d]);
    const args = visionArgs(2);
    const want = cloneArgs(args);
    s.build()(...want);
    await s.build({ target: "vitis_hls", mode: "csim", project: join(dir, "vision") })(...args);
    assert.deepEqual(args.slice(3), want.slice(3));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
