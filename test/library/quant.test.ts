// quantize and dequantize on tensors of rank 1-4, a float32 scale per tensor or a float32<[C]> scale
// per channel of the last axis: the arguments' ranks pick the form, called by the op's name at shapes
// with 1-wide axes; int8 rounding (ties to even at x.5 of both signs, saturation, NaN and -0 to 0)
// exact against ./reference.ts and against literal values; dequantize of int8 and int32 exact; the
// template names of `customize(op, { instantiate })` pick the form; every rank's round trip in both
// forms composed and verified, rank 4 simulated in csim; the generated file up to date.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { stale } from "../../scripts/gen-quant.ts";
import { customize } from "../../src/index.ts";
import * as lib from "../../src/library/index.ts";
import { fillFloat, fillInt, rng } from "../support/random.ts";
import { roundTrip } from "./fixtures/quant.ts";
import * as ref from "./reference.ts";

/** Multiples of an element's scale: ties, the int8 range's edges and past them, NaN, -0. */
const EDGES = [
  0.5,
  1.5,
  2.5,
  -0.5,
  -1.5,
  -2.5,
  126.5,
  -127.5,
  127.5,
  -128.5,
  1e9,
  -1e9,
  Number.NaN,
  -0,
  -0.25,
  3.25,
  -3.75,
];
/** EDGES quantized with scale 1, worked out by hand. */
const EDGES_Q = [0, 2, 2, 0, -2, -2, 126, -128, 127, -128, 127, -128, 0, 0, 0, 3, -4];

const TENSOR_SCALE = 3;
/** Per channel, cycled: distinct neighbours (EDGES times each stay exact), so a wrong axis shows. */
const CHANNEL_SCALES = [0.25, 3, 1, 0.5, 7, 2];

const SHAPES = [
  [1],
  [17],
  [1, 1],
  [5, 1],
  [1, 6],
  [4, 6],
  [1, 1, 1],
  [2, 1, 3],
  [2, 3, 4],
  [1, 1, 1, 1],
  [2, 1, 3, 1],
  [2, 3, 1, 4],
];

type Scale = number | Float32Array;
const scaleOf = (shape: number[], perChannel: boolean): Scale =>
  perChannel
    ? Float32Array.from({ length: shape.at(-1)! }, (_, c) => CHANNEL_SCALES[c % CHANNEL_SCALES.length])
    : TENSOR_SCALE;
const elementScale = (scale: Scale, k: number) =>
  typeof scale === "number" ? scale : scale[k % scale.length];
const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** EDGES times each element's scale first (x / scale is then exactly the edge), random values after. */
function inputs(shape: number[], scale: Scale): Float32Array {
  const X = fillFloat(new Float32Array(size(shape)), rng(size(shape) + shape.length), -400, 400);
  for (let k = 0; k < Math.min(X.length, EDGES.length); k++) X[k] = EDGES[k] * elementScale(scale, k);
  return X;
}

/** A caller of `op(X, scale)` by the op's name; X of element type `dtype` for dequantize. */
function caller(op: "quantize" | "dequantize", shape: number[], perChannel: boolean, dtype = "int8"): string {
  const [x, y] = op === "quantize" ? ["float32", "int8"] : [dtype, "float32"];
  const s = `[${shape.join(", ")}]`;
  return [
    `import { type float32, type ${op === "quantize" ? "int8" : dtype} } from "allo-ts";`,
    `import { ${op} } from "allo-ts/library";`,
    `export function top(X: ${x}<${s}>, scale: float32${perChannel ? `<[${shape.at(-1)}]>` : ""}): ${y}<${s}> {`,
    `  return ${op}(X, scale);`,
    "}",
  ].join("\n");
}

/** Builds `op` at the shape on the CPU, asserting the form the call took. */
function build(op: "quantize" | "dequantize", shape: number[], perChannel: boolean, dtype?: string) {
  const s = customize(caller(op, shape, perChannel, dtype), { name: "top" });
  const form = `${op}${perChannel ? "Channel" : "Tensor"}${shape.length}`;
  assert.equal(s.ir.functions.find((fn) => fn.name === op)?.origin?.base, form);
  return s.build();
}

test("quantize rounds the edges as worked out by hand, per tensor and per channel", () => {
  const X = Float32Array.from(EDGES);
  assert.deepEqual(build("quantize", [EDGES.length], false)(X, 1), Int8Array.from(EDGES_Q));
  const scale = new Float32Array(EDGES.length).fill(1);
  assert.deepEqual(build("quantize", [EDGES.length], true)(X, scale), Int8Array.from(EDGES_Q));
  assert.deepEqual(ref.quantize(X, 1), Int8Array.from(EDGES_Q));
});

test("quantize and dequantize match the references at ranks 1-4, per tensor and per channel", () => {
  for (const shape of SHAPES)
    for (const perChannel of [false, true]) {
      const what = `[${shape}] ${perChannel ? "per channel" : "per tensor"}`;
      const scale = scaleOf(shape, perChannel);
      const X = inputs(shape, scale);
      const Q = build("quantize", shape, perChannel)(X, scale) as Int8Array;
      assert.deepEqual(Q, ref.quantize(X, scale), `quantize ${what}`);
      const D = build("dequantize", shape, perChannel)(Q, scale);
      assert.deepEqual(D, ref.dequantize(Q, scale), `dequantize ${what}`);
      const I = fillInt(new Int32Array(size(shape)), rng(size(shape)), -(2 ** 31), 2 ** 31 - 1);
      const DI = build("dequantize", shape, perChannel, "int32")(I, scale);
      assert.deepEqual(DI, ref.dequantize(I, scale), `dequantize int32 ${what}`);
    }
});

test("customize(op, { instantiate }) picks the form by its template names: last N per tensor, C per channel", () => {
  for (const rank of [1, 2, 3, 4])
    for (const [form, last] of [
      ["Tensor", "N"],
      ["Channel", "C"],
    ]) {
      const names = [...["K", "L", "M"].slice(4 - rank), last];
      const instantiate = Object.fromEntries(names.map((n, i) => [n, i + 2]));
      assert.equal(customize(lib.quantize, { instantiate }).ir.top, `quantize${form}${rank}`);
      assert.equal(customize(lib.dequantize, { instantiate }).ir.top, `dequantize${form}${rank}`);
    }
  const X = Float32Array.from(EDGES.slice(0, 6));
  const Q = customize(lib.quantize, { instantiate: { M: 2, C: 3 } }).build()(X, Float32Array.of(2, 2, 2));
  assert.deepEqual(Q, customize(lib.quantize, { instantiate: { M: 2, N: 3 } }).build()(X, 2));
});

/** `add(dequantize(quantize(X, s), s), dequantize(quantize(X, c), c))` at the shape, as roundTrip. */
function roundTripText(shape: number[]): string {
  const t = `float32<[${shape.join(", ")}]>`;
  return [
    'import { type float32 } from "allo-ts";',
    'import { add, dequantize, quantize } from "allo-ts/library";',
    `export function top(X: ${t}, s: float32, c: float32<[${shape.at(-1)}]>): ${t} {`,
    "  return add(dequantize(quantize(X, s), s), dequantize(quantize(X, c), c));",
    "}",
  ].join("\n");
}

/** The round trip composed: every instance's `j` pipelined, verified equivalent, exact on the CPU. */
function composedRoundTrip(kernel: Function | string, shape: number[]) {
  const s = (typeof kernel === "string" ? customize(kernel, { name: "top" }) : customize(kernel)).compose([
    lib.quantize,
    lib.dequantize,
    lib.add,
  ]);
  const instances = s.ir.functions.map((fn) => fn.name).filter((n) => n !== s.ir.top);
  assert.equal(instances.length, 5);
  assert.deepEqual(
    s.steps.map((st) => JSON.stringify(st.args)).sort(),
    instances.map((f) => JSON.stringify([{ loop: { func: f, name: "j" } }])).sort(),
  );
  const r = s.verify();
  assert.equal(r.equivalent, true, `[${shape}]: ${r.reason}`);
  const c = scaleOf(shape, true);
  const X = inputs(shape, c);
  const back = (scale: Scale) => ref.dequantize(ref.quantize(X, scale), scale);
  const want = ref.zip(back(TENSOR_SCALE), back(c), (a, b) => a + b);
  assert.deepEqual(s.build()(X, TENSOR_SCALE, c), want, `[${shape}]`);
  return { s, args: [X, TENSOR_SCALE, c] as const, want };
}

test("the default schedules of every form compose and verify at ranks 1-3", () => {
  for (const shape of [[5], [3, 4], [2, 1, 4]]) composedRoundTrip(roundTripText(shape), shape);
});

test("the rank-4 round trip composes, verifies, and simulates in csim as on the CPU", async () => {
  const { s, args, want } = composedRoundTrip(roundTrip, [2, 1, 3, 4]);
  const dir = mkdtempSync(join(tmpdir(), "allo-quant-"));
  try {
    const got = await s.build({ target: "vitis_hls", mode: "csim", project: dir })(...args);
    assert.deepEqual(got, want);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the generated quantize file is what scripts/gen-quant.ts writes", () => {
  assert.deepEqual(stale(), []);
});
