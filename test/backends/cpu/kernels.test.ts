// Real kernels, written as TypeScript source and compiled through customize(), run on the CPU backend
// against plain-JS references on seeded random inputs: the float32 GEMM (bit-identical to a
// Math.fround-per-operation reference), the int8 x int8 -> int16 matmul with K = 768 (int16 wraps),
// an int32 matmul, integer widths 1..64 and 100/200/512, fixed point, mixed signedness, shifts, calls.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { customize, Int, UInt } from "../../../src/index.ts";
import { fillFloat, fillInt, randBig, randInt, rng } from "../../support/random.ts";

const f = Math.fround;
const kernel = (src: string, name: string, instantiate?: Record<string, unknown>) =>
  compileCpu(customize(src, instantiate ? { name, instantiate } : { name }).ir);

const GEMM = `import { float32, grid, zeros } from "allo-ts";
export function gemm(A: float32<[32, 24]>, B: float32<[24, 16]>): float32<[32, 16]> {
  const C: float32<[32, 16]> = zeros();
  for (const [i, j, k] of grid(32, 16, 24)) {
    C[i][j] += A[i][k] * B[k][j];
  }
  return C;
}`;

test("float32 GEMM is bit-identical to rounding every operation to float32", () => {
  const run = kernel(GEMM, "gemm");
  const r = rng(7);
  for (let rep = 0; rep < 3; rep++) {
    const A = fillFloat(new Float32Array(32 * 24), r, -100, 100);
    const B = fillFloat(new Float32Array(24 * 16), r, -1e-3, 1e3);
    const want = new Float32Array(32 * 16);
    for (let i = 0; i < 32; i++)
      for (let j = 0; j < 16; j++)
        for (let k = 0; k < 24; k++)
          want[i * 16 + j] = f(want[i * 16 + j] + f(A[i * 24 + k] * B[k * 16 + j]));
    assert.deepEqual(run(A, B), want);
  }
  assert.doesNotMatch(run.source, /outOfBounds|BigInt/, "affine accesses need no checks; no BigInt");
});

const MATMUL = `import { int8, int16, int32, grid, range, reduction, zeros } from "allo-ts";
export function matmul(A: int8<[8, 768]>, B: int8<[768, 8]>, C: int16<[8, 8]>): void {
  for (const [i, j] of grid(8, 8, { name: "PE" })) {
    for (const k of range(768)) {
      C[i][j] += A[i][k] * B[k][j];
    }
  }
}
export function mm32(A: int32<[12, 12]>, B: int32<[12, 12]>): int32<[12, 12]> {
  const C: int32<[12, 12]> = zeros();
  for (const [i, j] of grid(12, 12)) {
    let acc: int32 = 0;
    for (const k of reduction(12)) acc += A[i][k] * B[k][j];
    C[i][j] = acc;
  }
  return C;
}`;

test("int8 x int8 -> int16 matmul with K = 768: the int16 accumulation wraps exactly", () => {
  const run = kernel(MATMUL, "matmul");
  const r = rng(3);
  const A = fillInt(new Int8Array(8 * 768), r, -128, 127);
  const B = fillInt(new Int8Array(768 * 8), r, -128, 127);
  A.fill(-128, 0, 768);
  B.fill(-128);
  const C = fillInt(new Int16Array(64), r, -32768, 32767);
  const want = Int16Array.from(C);
  for (let i = 0; i < 8; i++)
    for (let j = 0; j < 8; j++)
      for (let k = 0; k < 768; k++) want[i * 8 + j] = want[i * 8 + j] + A[i * 768 + k] * B[k * 8 + j];
  run(A, B, C);
  assert.deepEqual(C, want);
  assert.doesNotMatch(run.source, /BigInt|Math\.imul/, "int8 products are exact numbers");
});

test("int32 matmul with an int32 accumulator wraps like C and stays off BigInt", () => {
  const run = kernel(MATMUL, "mm32");
  const r = rng(4);
  const A = fillInt(new Int32Array(144), r, -(2 ** 31), 2 ** 31 - 1);
  const B = fillInt(new Int32Array(144), r, -(2 ** 31), 2 ** 31 - 1);
  const want = new Int32Array(144);
  for (let i = 0; i < 12; i++)
    for (let j = 0; j < 12; j++) {
      let acc = 0;
      for (let k = 0; k < 12; k++) acc = (acc + Math.imul(A[i * 12 + k], B[k * 12 + j])) | 0;
      want[i * 12 + j] = acc;
    }
  assert.deepEqual(run(A, B), want);
  assert.doesNotMatch(run.source, /BigInt/);
});

const ADDMUL = `import { type DType, range, type Tensor } from "allo-ts";
export function addmul<T extends DType>(A: Tensor<T, [6]>, B: Tensor<T, [6]>, C: Tensor<T, [6]>): void {
  for (const i of range(6)) C[i] = A[i] * B[i] + A[i] - B[i];
}`;

/** The boundary array of a width: typed arrays up to 64 bits, bigint arrays beyond. */
function ints(bits: number, signed: boolean, vals: bigint[]): ArrayLike<number | bigint> {
  const nums = vals.map(Number);
  if (bits <= 8) return signed ? Int8Array.from(nums) : Uint8Array.from(nums);
  if (bits <= 16) return signed ? Int16Array.from(nums) : Uint16Array.from(nums);
  if (bits <= 32) return signed ? Int32Array.from(nums) : Uint32Array.from(nums);
  if (bits <= 64) return signed ? BigInt64Array.from(vals) : BigUint64Array.from(vals);
  return vals;
}

test("integer widths 1..64, 100, 200 and 512, signed and unsigned, wrap exactly", () => {
  const r = rng(5);
  const widths = [...Array.from({ length: 64 }, (_, k) => k + 1), 100, 200, 512];
  for (const bits of widths) {
    for (const signed of bits % 3 === 0 ? [true, false] : [true]) {
      const run = kernel(ADDMUL, "addmul", { T: signed ? Int(bits) : UInt(bits) });
      const lo = signed ? -(1n << BigInt(bits - 1)) : 0n;
      const hi = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
      const a = [lo, hi, -1n, ...Array.from({ length: 3 }, () => randBig(r, lo, hi))].map((v) =>
        v < lo ? hi : v,
      );
      const b = [hi, lo, hi, ...Array.from({ length: 3 }, () => randBig(r, lo, hi))];
      const wrap = (v: bigint) => (signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v));
      const want = a.map((x, k) => wrap(x * b[k] + x - b[k]));
      const C = ints(
        bits,
        signed,
        a.map(() => 0n),
      );
      run(ints(bits, signed, a), ints(bits, signed, b), C);
      assert.deepEqual(Array.from(C, BigInt), want, `${signed ? "Int" : "UInt"}(${bits})`);
    }
  }
});

const NUMERIC = `import { Fixed, UFixed, int8, int16, int32, int64, uint8, bool, range, zeros } from "allo-ts";
export function fixed(A: Fixed<16, 8, [8]>, B: Fixed<16, 8, [8]>, C: Fixed<16, 8, [8]>, D: UFixed<12, 4, [8]>): void {
  for (const i of range(8)) {
    C[i] = A[i] * B[i] + C[i];
    D[i] = A[i] - B[i];
  }
}
export function mixed(A: uint8<[8]>, B: int8<[8]>, C: int16<[8]>, D: int32<[8]>, E: bool<[8]>): void {
  for (const i of range(8)) {
    C[i] = A[i] - B[i];
    D[i] = A[i] * B[i];
    E[i] = A[i] > B[i];
  }
}
export function shifts(A: int32<[8]>, S: int8<[8]>, C: int32<[8]>, D: int64<[8]>): void {
  for (const i of range(8)) {
    C[i] = (A[i] << S[i]) ^ (A[i] >> S[i]);
    D[i] = A[i] << 20;
  }
}
export function total(A: int64<[8]>): int64 {
  let s: int64 = 0;
  for (const i of range(8)) s += A[i];
  return s;
}`;

test("fixed point: raw integer arithmetic, quantized on entry, real values written back", () => {
  const run = kernel(NUMERIC, "fixed");
  const r = rng(6);
  const raw = () => Array.from({ length: 8 }, () => randInt(r, -32768, 32767));
  const [a, b, c] = [raw(), raw(), raw()];
  const C = Float64Array.from(c, (x) => x / 256);
  const D = new Float64Array(8);
  run(
    Float64Array.from(a, (x) => x / 256),
    Float64Array.from(b, (x) => x / 256),
    C,
    D,
  );
  const w16 = (x: bigint) => Number(BigInt.asIntN(16, x));
  const wantC = a.map((x, k) => w16(((BigInt(x) * BigInt(b[k])) >> 8n) + BigInt(c[k])) / 256);
  const wantD = a.map((x, k) => Number(BigInt.asUintN(12, BigInt(x - b[k]) >> 4n)) / 16);
  assert.deepEqual([...C], wantC);
  assert.deepEqual([...D], wantD);
});

test("mixed signedness computes in the joined signed type; comparisons are exact", () => {
  const run = kernel(NUMERIC, "mixed");
  const A = Uint8Array.from([0, 255, 200, 1, 128, 7, 255, 0]);
  const B = Int8Array.from([-128, 127, -5, 1, -128, -7, -1, 0]);
  const [C, D, E] = [new Int16Array(8), new Int32Array(8), new Uint8Array(8)];
  run(A, B, C, D, E);
  assert.deepEqual(
    C,
    Int16Array.from(A, (x, k) => x - B[k]),
  );
  assert.deepEqual(
    D,
    Int32Array.from(A, (x, k) => x * B[k]),
  );
  assert.deepEqual(
    E,
    Uint8Array.from(A, (x, k) => (x > B[k] ? 1 : 0)),
  );
});

test("shift amounts clamp to the width; a shift keeps its lhs type (then widens)", () => {
  const run = kernel(NUMERIC, "shifts");
  const A = Int32Array.from([1, -1, 0x12345678, -0x80000000, 5, -5, 7, 99]);
  const S = Int8Array.from([0, 31, 32, 40, -3, 1, 127, 4]);
  const [C, D] = [new Int32Array(8), new BigInt64Array(8)];
  run(A, S, C, D);
  const clamp = (s: number) => BigInt(Math.min(Math.max(s, 0), 32));
  const want = [...A].map((x, k) => {
    const s = clamp(S[k]);
    return Number(BigInt.asIntN(32, BigInt.asIntN(32, BigInt(x) << s) ^ (BigInt(x) >> s)));
  });
  assert.deepEqual([...C], want);
  assert.deepEqual(
    [...D],
    [...A].map((x) => BigInt.asIntN(32, BigInt(x) << 20n)),
  );
});

test("a 0-d int64 result comes back as a bigint", () => {
  const A = BigInt64Array.from([2n ** 62n, 2n ** 62n, 5n, -1n, 0n, 0n, 0n, 0n]);
  assert.equal(kernel(NUMERIC, "total")(A), BigInt.asIntN(64, 2n ** 63n + 4n));
});

const CALLS = `import { int32, range, zeros } from "allo-ts";
export function scale(A: int32<[4]>, f: int32): int32<[4]> {
  const B: int32<[4]> = zeros();
  for (const i of range(4)) B[i] = A[i] * f;
  return B;
}
export function twice(A: int32<[4]>): int32<[4]> {
  const B = scale(A, 3);
  const C: int32<[4]> = scale(B, -2);
  return C;
}`;

test("calls pass buffers by reference and return tensors; scalar arguments by value", () => {
  const run = kernel(CALLS, "twice");
  // 3 * 2^30 wraps to -2^30 in scale's int32 store; times -2 it wraps to -2^31.
  assert.deepEqual(run(Int32Array.from([1, -2, 2 ** 30, 7])), Int32Array.from([-6, 12, -(2 ** 31), -42]));
  assert.match(run.source, /function f_scale\(/);
});
