// quantize and dequantize with a per-channel float32<[C]> scale (the last axis) next to the per-tensor
// scalar forms: the scale's rank picks the form, int8 rounding (ties to even, saturation, NaN to 0) and
// float32 products exact against ./reference.ts at several shapes, the per-tensor form unchanged by
// customize(quantize, { instantiate: { M, N } }), and a round trip composed, verified and simulated.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import * as lib from "../../src/library/index.ts";
import { fillFloat, fillInt, rng } from "../support/random.ts";
import { roundTrip } from "./fixtures/elementwise.ts";
import * as ref from "./reference.ts";

const EDGES = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 127.5, -128.5, 1e9, -1e9, Number.NaN, 3.25];

/** A caller of `op(X, scale)` by the op's name with a per-channel scale. */
function caller(op: "quantize" | "dequantize", M: number, C: number, dtype = "int8"): string {
  const [x, y] = op === "quantize" ? ["float32", "int8"] : [dtype, "float32"];
  return [
    `import { type float32, type ${op === "quantize" ? "int8" : dtype} } from "allo-ts";`,
    `import { ${op} } from "allo-ts/library";`,
    `export function top(X: ${x}<[${M}, ${C}]>, scale: float32<[${C}]>): ${y}<[${M}, ${C}]> {`,
    `  return ${op}(X, scale);`,
    "}",
  ].join("\n");
}

test("quantize and dequantize per channel match the references (ties to even, saturation, NaN; 1-wide axes)", () => {
  for (const [M, C] of [
    [1, 1],
    [4, 1],
    [1, 5],
    [4, 6],
  ]) {
    const r = rng(M * 10 + C);
    const X = fillFloat(new Float32Array(M * C), r, -300, 300);
    X.set(EDGES.slice(0, X.length));
    const scale = Float32Array.from({ length: C }, (_, c) => [1, 0.25, 3, 0.1, 7, 0.5][c]);
    const qs = customize(caller("quantize", M, C), { name: "top" });
    assert.equal(qs.ir.functions.find((fn) => fn.name === "quantize")?.origin?.base, "quantizeChannel");
    const Q = qs.build()(X, scale) as Int8Array;
    assert.deepEqual(Q, ref.quantize(X, scale), `quantize [${M}, ${C}]`);
    const D = customize(caller("dequantize", M, C), { name: "top" }).build()(Q, scale);
    assert.deepEqual(D, ref.dequantize(Q, scale), `dequantize [${M}, ${C}]`);
    const I = fillInt(new Int32Array(M * C), r, -(2 ** 31), 2 ** 31 - 1);
    const DI = customize(caller("dequantize", M, C, "int32"), { name: "top" }).build()(I, scale);
    assert.deepEqual(DI, ref.dequantize(I, scale), `dequantize int32 [${M}, ${C}]`);
  }
});

test("customize(quantize, { instantiate }) picks the form by its template names: { M, N } per tensor, { M, C } per channel", () => {
  assert.equal(customize(lib.quantize, { instantiate: { M: 2, N: 3 } }).ir.top, "quantizeTensor");
  assert.equal(customize(lib.quantize, { instantiate: { M: 2, C: 3 } }).ir.top, "quantizeChannel");
  assert.equal(customize(lib.dequantize, { instantiate: { M: 2, C: 3 } }).ir.top, "dequantizeChannel");
  const X = Float32Array.of(...EDGES.slice(0, 6));
  const Q = customize(lib.quantize, { instantiate: { M: 2, C: 3 } }).build()(X, Float32Array.of(2, 2, 2));
  assert.deepEqual(Q, customize(lib.quantize, { instantiate: { M: 2, N: 3 } }).build()(X, 2));
});

test("a per-channel round trip composes, verifies, and simulates in csim as on the CPU", async () => {
  const s = customize(roundTrip).compose([lib.quantize, lib.dequantize]);
  assert.deepEqual(
    s.steps.map((st) => JSON.stringify(st.args)),
    ["quantize", "dequantize"].map((f) => JSON.stringify([{ loop: { func: f, name: "j" } }])),
  );
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);
  const X = fillFloat(new Float32Array(12), rng(17), -50, 50);
  const scale = Float32Array.of(0.5, 0.25, 1, 3);
  const want = ref.dequantize(ref.quantize(X, scale), scale);
  assert.deepEqual(s.build()(X, scale), want);
  const dir = mkdtempSync(join(tmpdir(), "allo-quant-channel-"));
  try {
    const got = await s.build({ target: "vitis_hls", mode: "csim", project: dir })(X, scale);
    assert.deepEqual(got, want);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
