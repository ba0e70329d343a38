// Every op of allo-ts/library against the plain references of ./reference.ts at several shapes (1-wide
// axes included), customized directly with its template values: exact where the arithmetic is + - * /
// and sqrt, within a few ulps where exp or tanh is involved; the quantized ops are integer-exact.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize, int8 } from "../../src/index.ts";
import * as lib from "../../src/library/index.ts";
import { fillFloat, fillInt, rng } from "../support/random.ts";
import * as ref from "./reference.ts";

const SHAPES: [number, number][] = [
  [1, 1],
  [1, 7],
  [5, 1],
  [3, 5],
];
const rand = (n: number, seed: number, lo = -3, hi = 3) => fillFloat(new Float32Array(n), rng(seed), lo, hi);
const run = (k: Function, values: Record<string, number>, ...args: Float32Array[]) =>
  customize(k, { instantiate: values }).build()(...args) as Float32Array;

test("elementwise ops match their references on every shape", () => {
  const binary: [Function, (a: number, b: number) => number][] = [
    [lib.add, (a, b) => a + b],
    [lib.sub, (a, b) => a - b],
    [lib.mul, (a, b) => a * b],
    [lib.div, (a, b) => a / b],
  ];
  const unary: [Function, (x: number) => number, number][] = [
    [lib.relu, (x) => Math.max(x, 0), 0],
    [lib.exp, Math.exp, 1],
    [lib.tanh, Math.tanh, 1],
    [lib.sigmoid, ref.sigmoid, 2],
    [lib.gelu, ref.gelu, 4],
  ];
  for (const [M, N] of SHAPES) {
    const A = rand(M * N, M + N);
    const B = rand(M * N, M * N + 9);
    for (const [k, g] of binary)
      ref.assertNear(run(k, { M, N }, A, B), ref.zip(A, B, g), `${k.name} [${M}, ${N}]`);
    for (const [k, g, ulps] of unary)
      ref.assertNear(run(k, { M, N }, A), ref.map(A, g), `${k.name} [${M}, ${N}]`, ulps);
  }
});

test("matmul, bmm, linear and transpose match their references (PyTorch's conventions)", () => {
  for (const [M, K, N] of [
    [1, 1, 1],
    [3, 4, 5],
    [2, 7, 1],
    [4, 1, 3],
  ]) {
    const A = rand(M * K, M + 2 * K);
    const B = rand(K * N, 3 * N + K);
    const W = rand(N * K, 5 * N + K);
    const b = rand(N, 7 * N);
    ref.assertNear(run(lib.matmul, { M, K, N }, A, B), ref.matmul(A, B, M, K, N), `matmul ${M}x${K}x${N}`);
    ref.assertNear(
      run(lib.linear, { M, K, N }, A, W, b),
      ref.linear(A, W, b, M, K, N),
      `linear ${M}x${K}x${N}`,
    );
    ref.assertNear(run(lib.transpose, { M: M, N: K }, A), ref.transpose(A, M, K), `transpose ${M}x${K}`);
    const P = rand(2 * M * K, 11);
    const Q = rand(2 * K * N, 12);
    ref.assertNear(run(lib.bmm, { Bt: 2, M, K, N }, P, Q), ref.bmm(P, Q, 2, M, K, N), `bmm 2x${M}x${K}x${N}`);
  }
});

test("softmax and layerNorm over the last axis match their references", () => {
  for (const [M, N] of SHAPES) {
    const X = rand(M * N, 3 * M + N, -6, 6);
    const g = rand(N, N + 1);
    const b = rand(N, N + 2);
    ref.assertNear(run(lib.softmax, { M, N }, X), ref.softmax(X, M, N), `softmax [${M}, ${N}]`, 4);
    ref.assertNear(
      run(lib.layerNorm, { M, N }, X, g, b),
      ref.layerNorm(X, g, b, M, N),
      `layerNorm [${M}, ${N}]`,
    );
  }
});

test("quantize, dequantize, qmatmul and qlinear are exact (ties to even, saturation, int32 wrap-around)", () => {
  const edges = Float32Array.of(0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 127.5, -128.5, 1e9, -1e9, Number.NaN, 3.25);
  for (const scale of [1, 0.25, 3]) {
    const X = Float32Array.from([...edges, ...rand(12, scale * 10, -200, 200)]);
    const Q = customize(lib.quantize, { instantiate: { M: 4, N: 6 } }).build()(X, scale) as Int8Array;
    assert.deepEqual(Q, ref.quantize(X, scale), `quantize, scale ${scale}`);
    const D = customize(lib.dequantize, { instantiate: { M: 4, N: 6 } }).build()(Q, scale);
    assert.deepEqual(
      D,
      Float32Array.from(Q, (q) => Math.fround(q * scale)),
      `dequantize, scale ${scale}`,
    );
  }
  const r = rng(5);
  for (const [M, K, N] of [
    [1, 1, 1],
    [3, 5, 2],
    [2, 1024, 3],
  ]) {
    const A = fillInt(new Int8Array(M * K), r, -128, 127);
    const B = fillInt(new Int8Array(K * N), r, -128, 127);
    const W = fillInt(new Int8Array(N * K), r, -128, 127);
    const b = fillInt(new Int32Array(N), r, -(2 ** 31), 2 ** 31 - 1);
    const mm = customize(lib.qmatmul, { instantiate: { M, K, N, TyA: int8, TyB: int8 } }).build()(A, B);
    assert.deepEqual(mm, ref.qlinear(A, B, undefined, M, K, N, false), `qmatmul ${M}x${K}x${N}`);
    const lin = customize(lib.qlinear, { instantiate: { M, K, N, TyX: int8, TyW: int8 } }).build()(A, W, b);
    assert.deepEqual(lin, ref.qlinear(A, W, b, M, K, N, true), `qlinear ${M}x${K}x${N} (the bias wraps)`);
  }
});
