// Kernels using the bit functions (bit, bits, withBit, withBits, reverseBits, bitcast): Allo's test_bitop
// behaviours ported from their descriptions, plus wide (> 64-bit) and dynamic-index cases. The expected
// values are computed here with BigInt bit arithmetic, independently of the compiler. bits.test.ts runs
// them on the CPU backend, in one C simulation batch, through MLIR -> LLVM and in the verifier.

import type { ValueRow } from "./robustness-rows.ts";

export const BITS_HEAD = `import { bit, bits, withBit, withBits, reverseBits, bitcast, int16, int32, int64, uint1, uint8, uint32, float16, float32, float64, Fixed, Int, UInt, range } from "allo-ts";
const M = 4;
type M = typeof M;
`;

const { asIntN, asUintN } = BigInt;
const n = (xs: readonly bigint[]) => xs.map(Number);
/** Bits lo..hi-1 of x's two's complement, unsigned. */
const field = (x: bigint, lo: number, hi: number) => asUintN(hi - lo, x >> BigInt(lo));
/** The w-bit pattern of x reversed, by spelling it out. */
const reversed = (x: bigint, w: number) =>
  BigInt(`0b${asUintN(w, x).toString(2).padStart(w, "0").split("").reverse().join("")}`);
const replaced = (x: bigint, lo: number, hi: number, v: bigint, w: number) => {
  const mask = ((1n << BigInt(hi - lo)) - 1n) << BigInt(lo);
  return asIntN(w, (x & ~mask) | ((v << BigInt(lo)) & mask));
};

const A = [0, 7, 9, -1, 2147483647, -2147483648, 0x55, 3].map(BigInt);
const U8 = [0, 1, 2, 128, 0x0f, 0xa5, 255, 96].map(BigInt);
const W100 = [0n, -1n, (1n << 99n) - 12345n, -(1n << 77n) + 999n];
const U128 = [0n, (1n << 128n) - 1n, 0x0123456789abcdef_fedcba9876543210n, 1n << 64n];

export const BIT_ROWS: readonly (ValueRow & { readonly mutant: readonly [string, string] })[] = [
  {
    name: "test_scalar: bits(a, 28, 32) of 0xABCD0123 is 0xA",
    source: `export function k(A: int32<[2]>, B: int32<[2]>): void {\n  for (const i of range(2)) B[i] = bits(A[i], 28, 32);\n}`,
    args: () => [new Int32Array([0xabcd0123 | 0, 0x12345678]), new Int32Array(2)],
    want: [
      [0xabcd0123 | 0, 0x12345678],
      [0xa, 0x1],
    ],
    mutant: ["28, 32", "27, 31"],
  },
  {
    name: "test_get_bit: bit(A[i] + 1, 0)",
    source: `export function k(A: int32<[8]>, B: int32<[8]>): void {\n  for (const i of range(8)) B[i] = bit(A[i] + 1, 0);\n}`,
    args: () => [new Int32Array(n(A)), new Int32Array(8)],
    want: [n(A), n(A.map((a) => field(a + 1n, 0, 1)))],
    mutant: ["+ 1, 0", "+ 1, 1"],
  },
  {
    name: "test_get_bit_slice: bits(A[i] + 1, 0, 2)",
    source: `export function k(A: int32<[8]>, B: int32<[8]>): void {\n  for (const i of range(8)) B[i] = bits(A[i] + 1, 0, 2);\n}`,
    args: () => [new Int32Array(n(A)), new Int32Array(8)],
    want: [n(A), n(A.map((a) => field(a + 1n, 0, 2)))],
    mutant: ["0, 2", "1, 3"],
  },
  {
    name: "test_reverse: reverseBits(bits(A[i], 0, 8)) on uint8",
    source: `export function k(A: uint8<[8]>, B: uint8<[8]>): void {\n  for (const i of range(8)) B[i] = reverseBits(bits(A[i], 0, 8));\n}`,
    args: () => [new Uint8Array(n(U8)), new Uint8Array(8)],
    want: [n(U8), n(U8.map((x) => reversed(x, 8)))],
    mutant: ["bits(A[i], 0, 8)", "bits(A[i], 0, 8) + 1"],
  },
  {
    name: "test_set_bit_tensor (local copy): b = withBit(b, 0, A[i])",
    source: `export function k(A: uint1<[8]>, B: int32<[8]>): void {\n  for (const i of range(8)) {\n    let b: int32 = B[i];\n    b = withBit(b, 0, A[i]);\n    B[i] = b;\n  }\n}`,
    args: () => [new Uint8Array([1, 0, 1, 1, 0, 0, 1, 0]), new Int32Array(n(A))],
    want: [
      [1, 0, 1, 1, 0, 0, 1, 0],
      n(A.map((b, i) => replaced(b, 0, 1, BigInt([1, 0, 1, 1, 0, 0, 1, 0][i]), 32))),
    ],
    mutant: ["withBit(b, 0,", "withBit(b, 1,"],
  },
  {
    name: "test_set_bit_tensor (in place): B[i] = withBit(B[i], 0, A[i])",
    source: `export function k(A: uint1<[8]>, B: int32<[8]>): void {\n  for (const i of range(8)) B[i] = withBit(B[i], 0, A[i]);\n}`,
    args: () => [new Uint8Array([0, 1, 1, 0, 1, 0, 1, 1]), new Int32Array(n(A))],
    want: [
      [0, 1, 1, 0, 1, 0, 1, 1],
      n(A.map((b, i) => replaced(b, 0, 1, BigInt([0, 1, 1, 0, 1, 0, 1, 1][i]), 32))),
    ],
    mutant: ["withBit(B[i], 0,", "withBit(B[i], 2,"],
  },
  {
    name: "test_set_slice: B[i] = withBits(B[i], 0, 2, A[i]) with A uint2",
    source: `export function k(A: UInt<2, [8]>, B: int32<[8]>): void {\n  for (const i of range(8)) B[i] = withBits(B[i], 0, 2, A[i]);\n}`,
    args: () => [new Uint8Array([0, 1, 2, 3, 3, 2, 1, 0]), new Int32Array(n(A))],
    want: [
      [0, 1, 2, 3, 3, 2, 1, 0],
      n(A.map((b, i) => replaced(b, 0, 2, BigInt([0, 1, 2, 3, 3, 2, 1, 0][i]), 32))),
    ],
    mutant: ["withBits(B[i], 0, 2,", "withBits(B[i], 1, 3,"],
  },
  {
    name: "test_dynamic_index / test_dynamic_slice: bit(a, i - 1) and bits(a, i - 1, i) of 1234",
    source: `export function k(a: int32, B: int32<[11]>, C: int32<[11]>): void {\n  for (const i of range(1, 12)) {\n    B[i - 1] = bit(a, i - 1);\n    C[i - 1] = bits(a, i - 1, i);\n  }\n}`,
    args: () => [1234, new Int32Array(11), new Int32Array(11)],
    want: (() => {
      const digits = [...(1234).toString(2).padStart(11, "0")].reverse().map(Number);
      return [[1234], digits, digits];
    })(),
    mutant: ["bit(a, i - 1)", "bit(a, i)"],
  },
  {
    name: "dynamic slices and bits: bits(A[i], i, i + 3), withBit(A[i], 2 * i + 1, 1), bit(A[i], 31 - i)",
    source: `export function k(A: int32<[8]>, B: int32<[8]>, C: int32<[8]>, D: uint1<[8]>, s: int32): void {\n  for (const i of range(8)) {\n    B[i] = bits(A[i], i, i + 3);\n    C[i] = withBit(A[i], 2 * i + 1, 1);\n    D[i] = bit(A[i], 31 - i);\n  }\n}`,
    args: () => [new Int32Array(n(A)), new Int32Array(8), new Int32Array(8), new Uint8Array(8), 24],
    want: [
      n(A),
      n(A.map((a, i) => field(a, i, i + 3))),
      n(A.map((a, i) => replaced(a, 2 * i + 1, 2 * i + 2, 1n, 32))),
      // Positions from the loop (data-dependent ones and AL5015 past the top: bits-position.test.ts).
      n(A.map((a, i) => field(a, 31 - i, 32 - i))),
      [24],
    ],
    mutant: ["i, i + 3", "i, i + 2"],
  },
  {
    name: "wide: Int<100> slices across 64, withBits on UInt<128>, reverseBits and bitcast",
    source: `export function k(X: Int<100, [4]>, Y: UInt<128, [4]>, L: UInt<40, [4]>, R: UInt<128, [4]>, S: Int<100, [4]>): void {\n  for (const i of range(4)) {\n    L[i] = bits(X[i], 50, 90);\n    Y[i] = withBits(Y[i], 60, 70, X[i]);\n    R[i] = reverseBits(Y[i]);\n    S[i] = bitcast(bitcast(X[i], UInt(100)), Int(100)) + 1;\n  }\n}`,
    args: () => [[...W100], [...U128], new BigUint64Array(4), [0n, 0n, 0n, 0n], [0n, 0n, 0n, 0n]],
    want: (() => {
      const Y = U128.map((y, i) => asUintN(128, replaced(y, 60, 70, field(W100[i], 0, 10), 129)));
      return [
        W100,
        Y,
        W100.map((x) => field(x, 50, 90)),
        Y.map((y) => reversed(y, 128)),
        W100.map((x) => asIntN(100, asUintN(100, x) + 1n)),
      ];
    })(),
    mutant: ["50, 90", "51, 91"],
  },
];
