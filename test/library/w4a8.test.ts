// qlinear with Int<4> weights (W4A8) and dequantize of its int32 result: equal to the plain references
// over the weights' whole -8..7 range on the CPU backend, and the composed default schedules verify.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import * as lib from "../../src/library/index.ts";
import { fillFloat, fillInt, rng } from "../support/random.ts";
import { w4a8 } from "./fixtures/w4a8.ts";
import * as ref from "./reference.ts";

test("qlinear multiplies int8 activations by Int<4> weights into int32, and dequantize scales it", () => {
  const r = rng(7);
  const X = fillFloat(new Float32Array(120), r, -3, 3);
  const W = fillInt(new Int8Array(200), r, -8, 7);
  const b = fillInt(new Int32Array(5), r, -1000, 1000);
  const [sx, sy] = [Math.fround(3 / 127), Math.fround(0.01)];
  const Y = new Int32Array(15);
  const run = customize(w4a8).build();
  const D = run(X, W, b, sx, sy, Y) as Float32Array;
  const want = ref.qlinear(ref.quantize(X, sx), W, b, 3, 40, 5, true);
  assert.deepEqual(Y, want);
  assert.deepEqual(
    D,
    Float32Array.from(want, (y) => Math.fround(Math.fround(y) * sy)),
  );
  assert.ok(W.includes(-8) && W.includes(7), "the weights cover Int<4>'s range");
});

test("the W4A8 layer's composed default schedules are proven equivalent", () => {
  const s = customize(w4a8).compose([lib.quantize, lib.qlinear, lib.dequantize]);
  assert.ok(s.steps.length >= 5);
  const v = s.verify();
  assert.equal(v.equivalent, true, v.reason);
});
