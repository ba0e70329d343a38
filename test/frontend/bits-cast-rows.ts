// Bit functions on fixed-point raw bits and `bitcast` between floats and integers (Allo's
// test_bitcast_uint2float32, test_bitcast_float2uint, test_bitcast_float2int, and the float64 and
// Fixed <-> Int cases). Expected values come from DataView encodings and BigInt arithmetic here,
// independently of the compiler; bits.test.ts runs them like the rows of bits-rows.ts.

import type { BIT_ROWS } from "./bits-rows.ts";

const view = new DataView(new ArrayBuffer(8));
const f32 = (u: number) => (view.setUint32(0, u), view.getFloat32(0));
const u32 = (x: number) => (view.setFloat32(0, x), view.getUint32(0));
const i32 = (x: number) => (view.setFloat32(0, x), view.getInt32(0));
const f64 = (u: bigint) => (view.setBigInt64(0, u), view.getFloat64(0));
const i64 = (x: number) => (view.setFloat64(0, x), view.getBigInt64(0));
const { asIntN, asUintN } = BigInt;

/** Bit patterns: 1.0, -0.0, +Inf, a quiet NaN with a payload, a subnormal, small integers (Allo's inputs). */
const U = [0x3f800000, 0x80000000, 0x7f800000, 0x7fc01234, 0x00000001, 7, 99, 0xc0490fdb];
const G = [1.5, -0, Number.NEGATIVE_INFINITY, 3.1415927410125732, 1e-40, 0.25, -2, 65504];
const L = [0x3ff0000000000000n, -0x8000000000000000n, 0x7ff8000000000abcn, 1n, -1n, 42n];
const G64 = [1.5, -0, Number.POSITIVE_INFINITY, Math.PI, 5e-324, -1e300];

/** Fixed<16, 8> inputs (real values, exact in 8 fraction bits) and their raw 16-bit patterns. */
const X = [1.5, -1.5, 0.00390625, -128, 127.99609375, 0, 3.25, -0.5];
const raw = (x: number) => asIntN(16, BigInt(Math.round(x * 256)));
const real = (r: bigint) => Number(asIntN(16, r)) / 256;
const rev16 = (r: bigint) =>
  BigInt(`0b${asUintN(16, r).toString(2).padStart(16, "0").split("").reverse().join("")}`);
const RAW = [0x0180, -0x0180, 1, 0x7fff, -0x8000, 0x1234, -1, 256].map(BigInt);

export const BIT_CAST_ROWS: typeof BIT_ROWS = [
  {
    name: "test_bitcast_uint2float32 / float2uint / float2int: bitcast between float32 and 32-bit integers",
    source: `export function k(A: uint32<[8]>, F: float32<[8]>, W: uint32<[8]>, G: float32<[8]>, B: uint32<[8]>, I: int32<[8]>): void {\n  for (const i of range(8)) {\n    F[i] = bitcast(A[i], float32);\n    W[i] = bitcast(bitcast(A[i], float32), uint32);\n    B[i] = bitcast(G[i], uint32);\n    I[i] = bitcast(G[i], int32);\n  }\n}`,
    args: () => [
      new Uint32Array(U),
      new Float32Array(8),
      new Uint32Array(8),
      new Float32Array(G),
      new Uint32Array(8),
      new Int32Array(8),
    ],
    want: [U, U.map(f32), U, G.map(Math.fround), G.map(u32), G.map(i32)],
    mutant: ["I[i] = bitcast(G[i], int32)", "I[i] = bitcast(G[i] + 1.0, int32)"],
  },
  {
    name: "bitcast between float64 and int64, both ways (a NaN's payload kept)",
    source: `export function k(L: int64<[6]>, D: float64<[6]>, G: float64<[6]>, M: int64<[6]>): void {\n  for (const i of range(6)) {\n    D[i] = bitcast(L[i], float64);\n    M[i] = bitcast(G[i], int64) ^ bitcast(bitcast(L[i], float64), int64);\n  }\n}`,
    args: () => [new BigInt64Array(L), new Float64Array(6), new Float64Array(G64), new BigInt64Array(6)],
    want: [L, L.map(f64), G64, G64.map((g, k) => i64(g) ^ L[k])],
    mutant: ["^ bitcast", "+ bitcast"],
  },
  {
    name: "fixed point: bits, bit, withBits, reverseBits on raw bits; bitcast Fixed <-> Int of one width",
    source: `export function k(X: Fixed<16, 8, [8]>, B: uint8<[8]>, S: uint1<[8]>, Y: Fixed<16, 8, [8]>, R: Fixed<16, 8, [8]>, I: int16<[8]>, P: int16<[8]>, Z: Fixed<16, 8, [8]>): void {\n  for (const i of range(8)) {\n    B[i] = bits(X[i], 4, 12);\n    S[i] = bit(X[i], 15);\n    Y[i] = withBits(X[i], 0, 4, 5);\n    R[i] = reverseBits(X[i]);\n    I[i] = bitcast(X[i], int16);\n    Z[i] = bitcast(P[i], Fixed(16, 8));\n  }\n}`,
    args: () => [
      new Float64Array(X),
      new Uint8Array(8),
      new Uint8Array(8),
      new Float64Array(8),
      new Float64Array(8),
      new Int16Array(8),
      new Int16Array(RAW.map(Number)),
      new Float64Array(8),
    ],
    want: [
      X,
      X.map((x) => Number(asUintN(8, raw(x) >> 4n))),
      X.map((x) => Number(asUintN(1, raw(x) >> 15n))),
      X.map((x) => real((raw(x) & ~15n) | 5n)),
      X.map((x) => real(rev16(raw(x)))),
      X.map((x) => Number(raw(x))),
      RAW.map(Number),
      RAW.map(real),
    ],
    mutant: ["bits(X[i], 4, 12)", "bits(X[i], 5, 13)"],
  },
];
