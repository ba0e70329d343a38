// allo-ts/library's matmul, bmm, linear and conv2d on integer tensors, called from user kernels
// (./fixtures/int-products.ts): int8, Int<4> x int8, uint8, int16 into int32, and operands wider than 16
// bits (Int<20>, int32, Int<48>) into int64, at two or more shapes each, bit-exact on the CPU against
// BigInt references computed here (sums that wrap in int32 included); a quantized FFN end to end, natively
// too; float32 and integer instances of one name composed together and verified; the coded errors of
// calls no form takes; the generated file up to date.
import assert from "node:assert/strict";
import { test } from "node:test";
import { stale } from "../../scripts/gen-products.ts";
import { customize, type DTypeValue, Int, int8, int16, int32, uint8, verify } from "../../src/index.ts";
import * as lib from "../../src/library/index.ts";
import { SKIP } from "../backends/native/support.ts";
import { caught } from "../schedule/support.ts";
import { randBig, rng } from "../support/random.ts";
import * as fx from "./fixtures/int-products.ts";

type Ints = ArrayLike<number | bigint>;

/** Random values of an integer dtype, in the typed array the CPU backend takes for it. */
function operand(t: DTypeValue, n: number, seed: number): Ints {
  const { bits, signed } = t.dtype as { bits: number; signed: boolean };
  const r = rng(seed);
  const lo = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const hi = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const v = Array.from({ length: n }, () => randBig(r, lo, hi));
  if (bits > 32) return BigInt64Array.from(v);
  const Arr =
    bits > 16 ? Int32Array : bits > 8 ? (signed ? Int16Array : Uint16Array) : signed ? Int8Array : Uint8Array;
  const out = new Arr(n);
  v.forEach((x, i) => {
    out[i] = Number(x);
  });
  return out;
}

/** An int32 or int64 bias (the accumulator's type). */
const bias = (n: number, seed: number, wide: boolean): Ints => operand(wide ? Int(64) : int32, n, seed);

const big = (a: Ints): bigint[] => Array.from(a, (v) => BigInt(v));

/** C[i][j] = sum_k A[i*sa + k*ka] * B[k*kb + j*sb], wrapped to `bits`: both matmul's and linear's layouts. */
function sums(A: bigint[], B: bigint[], M: number, K: number, N: number, bTransposed: boolean, bits: number) {
  const out: bigint[] = [];
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let s = 0n;
      for (let k = 0; k < K; k++) s += A[i * K + k] * B[bTransposed ? j * K + k : k * N + j];
      out.push(BigInt.asIntN(bits, s));
    }
  return out;
}

const widths = (wide: boolean) => (wide ? 64 : 32);

function run(k: Function, instantiate: Record<string, unknown>, ...args: Ints[]): bigint[] {
  return big(customize(k, { instantiate }).build()(...args) as Ints);
}

const NARROW: [DTypeValue, DTypeValue][] = [
  [int8, int8],
  [int8, Int(4)],
  [uint8, int8],
  [int16, int16],
];
const WIDE: [DTypeValue, DTypeValue][] = [
  [Int(48), int8],
  [int32, int32],
  [Int(20), Int(4)],
];
const cases = (wide: boolean) => (wide ? WIDE : NARROW).map(([a, b]) => ({ wide, a, b }));
const both = [...cases(false), ...cases(true)];

test("matmul of integers: int32 up to 16-bit operands, int64 wider, at several shapes", () => {
  for (const { wide, a, b } of both)
    for (const [M, K, N] of [
      [1, 1, 1],
      [3, 5, 4],
      [2, 9, 3],
    ]) {
      const A = operand(a, M * K, M + K);
      const B = operand(b, K * N, K + N);
      const got = run(wide ? fx.mm64 : fx.mm32, { M, K, N, TyA: a, TyB: b }, A, B);
      assert.deepEqual(
        got,
        sums(big(A), big(B), M, K, N, false, widths(wide)),
        `${a.name} x ${b.name} ${M}x${K}x${N}`,
      );
    }
});

test("int16 sums past 2^31 wrap as int32 does; the same values as Int<17> sum exactly in int64", () => {
  const [M, K, N] = [2, 8, 2];
  const A = Int16Array.from({ length: M * K }, () => -32768);
  const B = Int16Array.from({ length: K * N }, (_, i) => (i % 2 ? -32768 : 32767));
  const exact = sums(big(A), big(B), M, K, N, false, 64);
  const got = run(fx.mm32, { M, K, N, TyA: int16, TyB: int16 }, A, B);
  assert.deepEqual(got, sums(big(A), big(B), M, K, N, false, 32));
  assert.notDeepEqual(got, exact, "the int32 sums wrapped");
  const [A17, B17] = [Int32Array.from(A), Int32Array.from(B)];
  assert.deepEqual(run(fx.mm64, { M, K, N, TyA: Int(17), TyB: Int(17) }, A17, B17), exact);
});

test("bmm of integers, per batch, at several shapes", () => {
  for (const { wide, a, b } of both)
    for (const [Bt, M, K, N] of [
      [1, 2, 3, 2],
      [3, 1, 4, 5],
    ]) {
      const A = operand(a, Bt * M * K, Bt + M * K);
      const B = operand(b, Bt * K * N, Bt + K * N);
      const want = Array.from({ length: Bt }, (_, t) =>
        sums(
          big(A).slice(t * M * K, (t + 1) * M * K),
          big(B).slice(t * K * N, (t + 1) * K * N),
          M,
          K,
          N,
          false,
          widths(wide),
        ),
      ).flat();
      const got = run(wide ? fx.bmm64 : fx.bmm32, { Bt, M, K, N, TyA: a, TyB: b }, A, B);
      assert.deepEqual(got, want, `${a.name} x ${b.name} ${Bt}x${M}x${K}x${N}`);
    }
});

test("linear of integers adds a bias of the accumulator's type after the sum", () => {
  for (const { wide, a, b } of both)
    for (const [M, K, N] of [
      [1, 3, 2],
      [4, 6, 3],
    ]) {
      const X = operand(a, M * K, M * K);
      const W = operand(b, N * K, N * K + 1);
      const c = bias(N, N, wide);
      const bits = widths(wide);
      const want = sums(big(X), big(W), M, K, N, true, 64).map((s, i) =>
        BigInt.asIntN(bits, s + BigInt(c[i % N])),
      );
      const got = run(wide ? fx.linear64 : fx.linear32, { M, K, N, TyX: a, TyW: b }, X, W, c);
      assert.deepEqual(got, want, `${a.name} x ${b.name} ${M}x${K}x${N}`);
    }
});

interface ConvShape {
  N: number;
  Ci: number;
  H: number;
  Wd: number;
  Co: number;
  KH: number;
  KW: number;
  S: number;
  P: number;
}

function convRef(X: bigint[], W: bigint[], b: bigint[], d: ConvShape, bits: number): bigint[] {
  const OH = Math.floor((d.H + 2 * d.P - d.KH) / d.S) + 1;
  const OW = Math.floor((d.Wd + 2 * d.P - d.KW) / d.S) + 1;
  const out: bigint[] = [];
  for (let n = 0; n < d.N; n++)
    for (let co = 0; co < d.Co; co++)
      for (let oh = 0; oh < OH; oh++)
        for (let ow = 0; ow < OW; ow++) {
          let s = b[co];
          for (let ci = 0; ci < d.Ci; ci++)
            for (let kh = 0; kh < d.KH; kh++)
              for (let kw = 0; kw < d.KW; kw++) {
                const [y, x] = [oh * d.S + kh - d.P, ow * d.S + kw - d.P];
                if (y >= 0 && y < d.H && x >= 0 && x < d.Wd)
                  s +=
                    X[((n * d.Ci + ci) * d.H + y) * d.Wd + x] * W[((co * d.Ci + ci) * d.KH + kh) * d.KW + kw];
              }
          out.push(BigInt.asIntN(bits, s));
        }
  return out;
}

test("conv2d of integers at strides 1-2 and padding 0-1, bias after the sum", () => {
  const shapes: ConvShape[] = [
    { N: 1, Ci: 2, H: 4, Wd: 5, Co: 3, KH: 3, KW: 3, S: 1, P: 0 },
    { N: 2, Ci: 1, H: 5, Wd: 4, Co: 2, KH: 2, KW: 3, S: 2, P: 1 },
  ];
  for (const { wide, a, b } of both)
    for (const d of shapes) {
      const X = operand(a, d.N * d.Ci * d.H * d.Wd, d.H * d.Wd);
      const W = operand(b, d.Co * d.Ci * d.KH * d.KW, d.KH * d.KW);
      const c = bias(d.Co, d.Co, wide);
      const want = convRef(big(X), big(W), big(c), d, widths(wide));
      const got = run(wide ? fx.conv64 : fx.conv32, { ...d, TyX: a, TyW: b }, X, W, c);
      assert.deepEqual(got, want, `${a.name} x ${b.name} ${JSON.stringify(d)}`);
    }
});

/** ffnInt8's arithmetic in plain JavaScript: int32 sums, GELU in float32 on the dequantized sum. */
function ffnRef(X: Int8Array, W1: Int8Array, b1: Int32Array, W2: Int8Array, b2: Int32Array): bigint[] {
  const f = Math.fround;
  const h = sums(big(X), big(W1), 4, 8, 16, true, 32).map((s, i) =>
    BigInt.asIntN(32, s + BigInt(b1[i % 16])),
  );
  const q = h.map((v) => {
    const x = f(f(Number(v)) * f(0.01));
    const g = f(
      f(f(0.5) * x) *
        f(f(1) + f(Math.tanh(f(f(0.7978845608028654) * f(x + f(f(f(f(0.044715) * x) * x) * x)))))),
    );
    return BigInt(Math.min(Math.max(Math.round(f(g / f(0.05))), -128), 127));
  });
  return sums(q, big(W2), 4, 16, 8, true, 32).map((s, i) => BigInt.asIntN(32, s + BigInt(b2[i % 8])));
}

test("a quantized FFN (int8 -> int32) composes linear into both instances, runs and verifies", () => {
  const X = operand(int8, 32, 1) as Int8Array;
  const W1 = operand(Int(3), 128, 2) as Int8Array;
  const b1 = Int32Array.from({ length: 16 }, (_, i) => (i - 8) * 50);
  const W2 = operand(Int(3), 128, 3) as Int8Array;
  const b2 = Int32Array.from({ length: 8 }, (_, i) => i * 7 - 20);
  const s = customize(fx.ffnInt8);
  assert.deepEqual(
    s.ir.functions.filter((fn) => fn.name.startsWith("linear")).map((fn) => fn.name),
    ["linear", "linear_1"],
  );
  const plain = big(s.build()(X, W1, b1, W2, b2) as Int32Array);
  const near = ffnRef(X, W1, b1, W2, b2).filter((v, i) => v !== plain[i]).length;
  assert.ok(near <= 2, `${near} of 32 outputs differ from the JavaScript reference (quantization ties)`);
  s.compose([lib.linear, lib.quantize, lib.dequantize]);
  assert.deepEqual(big(s.build()(X, W1, b1, W2, b2) as Int32Array), plain);
  const r = verify(s, customize(fx.ffnInt8));
  assert.equal(r.equivalent, true, r.reason);
});

test("the composed quantized FFN and an Int<48> matmul run natively like the CPU backend", {
  skip: SKIP,
}, () => {
  const X = operand(int8, 32, 4) as Int8Array;
  const [W1, W2] = [operand(int8, 128, 5), operand(int8, 128, 6)];
  const [b1, b2] = [operand(int32, 16, 7), operand(int32, 8, 8)];
  const s = customize(fx.ffnInt8).compose([lib.linear, lib.quantize, lib.dequantize]);
  assert.deepEqual(s.build({ target: "native" })(X, W1, b1, W2, b2), s.build()(X, W1, b1, W2, b2));
  // And an int64 form, whose Int<48> x int8 products are 56 bits wide.
  const A = operand(Int(48), 6, 9);
  const B = operand(int8, 6, 10);
  const wide = customize(fx.mm64, { instantiate: { M: 2, K: 3, N: 2, TyA: Int(48), TyB: int8 } });
  assert.deepEqual(
    big(wide.compose(lib.matmul).build({ target: "native" })(A, B) as Ints),
    sums(big(A), big(B), 2, 3, 2, false, 64),
  );
});

test("float32 and int8 matmuls in one design: named matmul, matmul_1; compose(matmul) schedules both", () => {
  const s = customize(fx.mixedMatmuls);
  assert.deepEqual(
    s.ir.functions.map((fn) => fn.name),
    ["matmul", "matmul_1", "mixedMatmuls"],
  );
  s.compose(lib.matmul);
  const scheduled = s.steps.map((st) => JSON.stringify(st.args));
  for (const inst of ["matmul", "matmul_1"])
    assert.ok(
      scheduled.includes(JSON.stringify([{ loop: { func: inst, name: "j" } }])),
      `${inst}:j pipelined`,
    );
  s.unroll("matmul_1:k", 2);
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);
});

test("calls no form takes are coded errors at the user's call", () => {
  const mixed = caught(() => customize(fx.floatTimesInt));
  assert.equal(mixed.code, "AL2014");
  assert.match(mixed.message, /int-products\.ts:\d+:\d+/);
  assert.match(mixed.message, /takes \(float32\[2, 3\], int8\[3, 4\]\)/);
  assert.match(mixed.message, /matmulInt32<M, K, N, TyA extends IntUpTo<16>/);
  const wide = caught(() => customize(fx.tooWide));
  assert.equal(wide.code, "AL2014");
  assert.match(wide.message, /int65\[2, 3\]/);
  const outside = caught(() => customize(fx.formOutsideBound, { instantiate: { TyA: Int(17) } }));
  assert.equal(outside.code, "AL1021");
  assert.match(outside.message, /int-products\.ts:\d+:\d+/);
  assert.match(outside.message, /'TyA' of 'matmulInt32' is IntUpTo<16>.*int17 is outside it/);
});

test("customize(matmul, { instantiate }) picks the form the dtypes fit; qmatmul is its integer forms", () => {
  const A = operand(Int(40), 6, 1);
  const B = operand(int8, 6, 2);
  const want = sums(big(A), big(B), 2, 3, 2, false, 64);
  assert.deepEqual(run(lib.matmul, { M: 2, K: 3, N: 2, TyA: Int(40), TyB: int8 }, A, B), want);
  assert.deepEqual(run(lib.qmatmul, { M: 2, K: 3, N: 2, TyA: Int(40), TyB: int8 }, A, B), want);
  const float = customize(lib.matmul, { instantiate: { M: 2, K: 3, N: 2 } }).ir.functions[0];
  assert.equal(float.buffers[float.params[0].name].type.kind, "float");
});

test("the generated products file is what scripts/gen-products.ts writes", () => {
  assert.deepEqual(stale(), []);
});
