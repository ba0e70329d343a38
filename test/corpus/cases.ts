// The corpus: every kernel with random inputs and an independent plain-JS reference. Tests run each
// case on a backend and compare the outputs (the return value, then the output parameters) exactly.
import { type CustomizeOptions, Int, int32 } from "../../src/index.ts";
import { roundHalf } from "../../src/semantics/scalar.ts";
import { fillFloat, fillInt, randBig, randInt } from "../support/random.ts";
import * as calls from "./calls.ts";
import * as control from "./control.ts";
import * as ew from "./elementwise.ts";
import { gemm } from "./gemm.ts";
import * as mm from "./matmul.ts";
import * as num from "./numeric.ts";
import * as tensors from "./tensors.ts";

export type Value = ArrayLike<number> | ArrayLike<bigint> | number | bigint;
export interface Case {
  readonly name: string;
  readonly kernel: Function;
  readonly options?: CustomizeOptions;
  readonly inputs: (r: () => number) => Value[];
  /** Indices of the arguments that are outputs (compared after the call). */
  readonly outputs?: readonly number[];
  /** Expected [return value (if any), ...outputs] computed from copies of the inputs. */
  readonly reference: (...args: Value[]) => Value[];
}

const f = Math.fround;
const w = (v: bigint, bits: number) => BigInt.asIntN(bits, v);
const L = 8;
const range = (n: number) => [...Array(n).keys()];

function intArray(bits: number, n: number, r: () => number): Value {
  const lo = -(2n ** BigInt(bits - 1));
  const hi = 2n ** BigInt(bits - 1) - 1n;
  const vals = range(n).map(() => randBig(r, lo, hi));
  if (bits <= 8) return Int8Array.from(vals, Number);
  if (bits <= 16) return Int16Array.from(vals, Number);
  if (bits <= 32) return Int32Array.from(vals, Number);
  if (bits <= 64) return BigInt64Array.from(vals);
  return vals;
}

const big = (a: Value, i: number): bigint => BigInt((a as ArrayLike<number | bigint>)[i]);

function addmulCase(bits: number): Case {
  return {
    name: `addmul_int${bits}`,
    kernel: ew.addmul,
    options: { instantiate: { T: Int(bits) } },
    inputs: (r) => [intArray(bits, L, r), intArray(bits, L, r), intArray(bits, L, r)],
    outputs: [2],
    reference: (A, B) => {
      const out = range(L).map((i) => w(big(A, i) * big(B, i) + big(A, i) - big(B, i), bits));
      return [bits <= 32 ? out.map(Number) : out];
    },
  };
}

const matmulRef = (
  A: Value,
  B: Value,
  M: number,
  N: number,
  K: number,
  acc: (c: bigint, p: bigint) => bigint,
) => {
  const C = new Array<bigint>(M * N).fill(0n);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++)
      for (let k = 0; k < K; k++) C[i * N + j] = acc(C[i * N + j], big(A, i * K + k) * big(B, k * N + j));
  return C;
};

export const CASES: readonly Case[] = [
  {
    name: "gemm",
    kernel: gemm,
    inputs: (r) => [fillFloat(new Float32Array(256), r), fillFloat(new Float32Array(256), r)],
    reference: (A, B) => {
      const a = A as Float32Array;
      const b = B as Float32Array;
      const C = new Float32Array(256);
      for (let i = 0; i < 16; i++)
        for (let j = 0; j < 16; j++)
          for (let k = 0; k < 16; k++) C[i * 16 + j] = f(C[i * 16 + j] + f(a[i * 16 + k] * b[k * 16 + j]));
      return [C];
    },
  },
  {
    name: "matmul",
    kernel: mm.matmul,
    inputs: (r) => [
      fillInt(new Int8Array(4 * 768), r, -128, 127),
      fillInt(new Int8Array(768 * 4), r, -128, 127),
      new Int16Array(16),
    ],
    outputs: [2],
    reference: (A, B) => [matmulRef(A, B, 4, 4, 768, (c, p) => w(c + p, 16)).map(Number)],
  },
  {
    name: "matmul_acc",
    kernel: mm.matmul_acc,
    inputs: (r) => [
      fillInt(new Int8Array(4 * 768), r, -128, 127),
      fillInt(new Int8Array(768 * 4), r, -128, 127),
    ],
    reference: (A, B) => [matmulRef(A, B, 4, 4, 768, (c, p) => w(c + p, 32)).map(Number)],
  },
  ...[1, 2, 3, 5, 7, 8, 12, 16, 24, 31, 32, 33, 48, 53, 54, 63, 64, 100, 200, 512].map(addmulCase),
  {
    name: "vadd",
    kernel: ew.vadd,
    inputs: (r) => [intArray(32, L, r), intArray(32, L, r)],
    reference: (A, B) => [range(L).map((i) => Number(w(big(A, i) + big(B, i), 32)))],
  },
  {
    name: "mixed",
    kernel: ew.mixed,
    inputs: (r) => [
      fillInt(new Uint8Array(L), r, 0, 255),
      fillInt(new Int8Array(L), r, -128, 127),
      new Int16Array(L),
      new Uint8Array(L),
    ],
    outputs: [2, 3],
    // -A of a uint8 is int8 (Allo), so it wraps before the addition.
    reference: (A, B) => [
      range(L).map((i) => Number(w(big(A, i) - big(B, i) + w(-big(A, i), 8), 16))),
      range(L).map((i) => (big(A, i) > big(B, i) ? 1 : 0)),
    ],
  },
  {
    name: "shifts",
    kernel: ew.shifts,
    inputs: (r) => [
      fillInt(new Int16Array(L), r, -32768, 32767),
      fillInt(new Uint16Array(L), r, 0, 65535),
      fillInt(new Uint8Array(L), r, 0, 20),
      new Int16Array(L),
      new Uint16Array(L),
    ],
    outputs: [3, 4],
    reference: (A, B, S) => {
      const sh = (s: bigint, width: bigint) => (s > width ? width : s);
      const C = range(L).map((i) => Number(w(w(big(A, i) << 3n, 16) >> sh(big(S, i), 16n), 16)));
      const D = range(L).map((i) => {
        let x = big(B, i) >> 2n;
        x = BigInt.asUintN(16, x << sh(big(S, i), 16n));
        x = BigInt.asUintN(16, x ^ 0x5a5an);
        return Number(BigInt.asUintN(16, (x & big(B, i)) | (w(~big(A, i), 16) & 255n)));
      });
      return [C, D];
    },
  },
  {
    name: "wide",
    kernel: ew.wide,
    inputs: (r) => [
      BigInt64Array.from(range(L), () => randBig(r, -(2n ** 63n), 2n ** 63n - 1n)),
      BigUint64Array.from(range(L), () => randBig(r, 0n, 2n ** 64n - 1n)),
      new BigInt64Array(L),
      new BigUint64Array(L),
      range(L).map(() => 0n),
    ],
    outputs: [2, 3, 4],
    reference: (A, B) => [
      range(L).map((i) => w(big(A, i) * 3n - (big(A, i) >> 7n), 64)),
      range(L).map((i) => BigInt.asUintN(64, big(B, i) * big(B, i) + 1n)),
      range(L).map((i) => w(big(A, i) * big(A, i) * 5n, 100)),
    ],
  },
  {
    name: "casts",
    kernel: ew.casts,
    inputs: (r) => [fillFloat(new Float32Array(L), r, -400, 400), new Int16Array(L), new Float32Array(L)],
    outputs: [1, 2],
    reference: (A) => {
      const a = A as Float32Array;
      return [
        range(L).map((i) => Number(w(w(BigInt(Math.trunc(f(a[i] * 100))), 16) + BigInt(i), 16))),
        range(L).map((i) => f(f(i * 0.5) + a[i])),
      ];
    },
  },
  {
    name: "scale2d",
    kernel: ew.scale2d,
    inputs: (r) => [intArray(32, L * L, r), new Int32Array(L * L)],
    outputs: [1],
    reference: (A) => [range(L * L).map((i) => Number(w(big(A, i) * 2n, 32)))],
  },
  {
    name: "branches",
    kernel: control.branches,
    inputs: (r) => [fillInt(new Int32Array(L), r, -30, 30), fillInt(new Int32Array(L), r, -8, 8)],
    reference: (A, B) => [
      range(L).map((i) => {
        const a = Number(big(A, i));
        const b = Number(big(B, i));
        if (a > 10 && b !== 0) return Math.trunc(a / b);
        if (!(a < -10) || b > 5) return (a % 7) + 0; // integers have no -0
        return a > b ? a : b - 1;
      }),
    ],
  },
  {
    name: "collatz",
    kernel: control.collatz,
    inputs: (r) => [fillInt(new Int32Array(L), r, -5, 200), new Int32Array(L)],
    outputs: [1],
    reference: (A) => [
      range(L).map((i) => {
        let x = Number(big(A, i));
        let steps = 0;
        while (x > 1 && steps < 100) {
          x = x % 2 === 0 ? Math.trunc(x / 2) : Number(w(BigInt(3 * x + 1), 32));
          steps++;
        }
        return steps;
      }),
    ],
  },
  {
    name: "triangular",
    kernel: control.triangular,
    inputs: (r) => [fillFloat(new Float32Array(L * L), r), new Float32Array(L * L)],
    outputs: [1],
    reference: (A) => {
      const a = A as Float32Array;
      const B = new Float32Array(L * L);
      for (let i = 0; i < L; i += 2) for (let j = 0; j <= i; j++) B[i * L + j] = f(a[i * L + j] * 2);
      for (let i = 1; i < L; i += 2)
        for (let j = i + 1; j < L; j++) B[i * L + j] = f(a[j * L + i] - a[i * L + j]);
      return [B];
    },
  },
  {
    name: "compound",
    kernel: control.compound,
    inputs: (r) => [intArray(32, 30, r), new Int32Array(30)],
    outputs: [1],
    reference: (A) => {
      const B = new Int32Array(30);
      let acc = 1n;
      for (let i = 0; i < 6; i++)
        for (let j = 0; j < 5; j++) {
          let b = big(A, i * 5 + j);
          b = w(b * 3n, 32);
          b = w(b - BigInt(j), 32);
          b = b % 1000n;
          b = b | 1n;
          B[i * 5 + j] = Number(b);
          acc = w(acc + b, 32);
          acc = w(acc ^ BigInt(i), 32);
          acc = w(acc + 1n, 32);
        }
      return [Number(acc), B];
    },
  },
  {
    name: "rowsum",
    kernel: control.rowsum,
    inputs: (r) => [fillFloat(new Float32Array(30), r)],
    reference: (A) => {
      const a = A as Float32Array;
      return [range(6).map((i) => range(5).reduce((s, j) => f(s + a[i * 5 + j]), 0))];
    },
  },
  {
    name: "mathfns",
    kernel: num.mathfns,
    inputs: (r) => [fillFloat(new Float32Array(L), r, -3, 3), fillFloat(new Float32Array(L), r, -3, 3)],
    reference: (A, B) => {
      const a = A as Float32Array;
      const b = B as Float32Array;
      return [
        range(L).map((i) => {
          const e = f(Math.exp(f(a[i] * f(0.1))));
          const s = f(Math.sqrt(Math.abs(b[i])));
          const p = f(Math.max(a[i], b[i]) * Math.min(a[i], 0.5));
          return f(f(e + s) - p);
        }),
      ];
    },
  },
  {
    name: "softplus64",
    kernel: num.softplus64,
    inputs: (r) => [fillFloat(new Float64Array(L), r, -5, 5), new Float64Array(L)],
    outputs: [1],
    reference: (A) => [
      range(L).map((i) => Math.log(1 + Math.exp((A as Float64Array)[i])) + Math.tanh((A as Float64Array)[i])),
    ],
  },
  {
    name: "half",
    kernel: num.half,
    inputs: (r) => [
      Float32Array.from(range(L), () => roundHalf(r() * 8 - 4)),
      Float32Array.from(range(L), () => roundHalf(r() * 8 - 4)),
      new Float32Array(L),
    ],
    outputs: [2],
    reference: (A, B) => [
      range(L).map((i) =>
        roundHalf(roundHalf((A as Float32Array)[i] * (B as Float32Array)[i]) + (A as Float32Array)[i]),
      ),
    ],
  },
  {
    name: "fixedmac",
    kernel: num.fixedmac,
    inputs: (r) => [
      Float64Array.from(range(L), () => randInt(r, -4000, 4000) / 256),
      Float64Array.from(range(L), () => randInt(r, -4000, 4000) / 256),
      Float64Array.from(range(L), () => randInt(r, -4000, 4000) / 256),
      new Float64Array(L),
    ],
    outputs: [2, 3],
    reference: (A, B, C) => {
      const raw = (x: Value, i: number) => BigInt(Math.round((x as Float64Array)[i] * 256));
      return [
        range(L).map((i) => Number(w(((raw(A, i) * raw(B, i)) >> 8n) + raw(C, i), 16)) / 256),
        range(L).map((i) => Number(BigInt.asUintN(12, (raw(A, i) + raw(B, i)) >> 4n)) / 16),
      ];
    },
  },
  {
    name: "jacobi",
    kernel: num.jacobi,
    inputs: (r) => [fillFloat(new Float32Array(L * L), r), new Float32Array(L * L)],
    outputs: [1],
    reference: (A) => {
      const a = A as Float32Array;
      const B = new Float32Array(L * L);
      const at = (i: number, j: number) => a[i * L + j];
      for (let i = 0; i < L - 2; i++)
        for (let j = 0; j < L - 2; j++) {
          const s = f(
            f(f(f(at(i + 1, j + 1) + at(i, j + 1)) + at(i + 2, j + 1)) + at(i + 1, j)) + at(i + 1, j + 2),
          );
          B[(i + 1) * L + j + 1] = f(f(0.2) * s);
        }
      return [B];
    },
  },
  {
    name: "pipeline",
    kernel: calls.pipeline,
    inputs: (r) => [intArray(32, L, r)],
    reference: (A) => [range(L).map((i) => Number(w(w(w(big(A, i) + 1n, 32) * 3n, 32) * -2n, 32)))],
  },
  {
    name: "scaleBy",
    kernel: calls.scaleBy,
    options: { instantiate: { T: int32, S: 5 } },
    inputs: (r) => [intArray(32, 5, r), 7],
    reference: (A) => [range(5).map((i) => Number(w(big(A, i) * 7n, 32)))],
  },
  {
    name: "twoMatmuls",
    kernel: calls.twoMatmuls,
    inputs: (r) => [
      fillInt(new Int8Array(4 * 768), r, -128, 127),
      fillInt(new Int8Array(768 * 4), r, -128, 127),
      fillInt(new Int8Array(768 * 4), r, -128, 127),
    ],
    reference: (A, B, W) => {
      const c1 = matmulRef(A, B, 4, 4, 768, (c, p) => w(c + p, 16));
      const c2 = matmulRef(A, W, 4, 4, 768, (c, p) => w(c + p, 16));
      return [c1.map((c, i) => Number(w(c - c2[i], 16)))];
    },
  },
  {
    name: "permute3d",
    kernel: tensors.permute3d,
    inputs: (r) => [intArray(32, 24, r), new Int32Array(24)],
    outputs: [1],
    reference: (A) => {
      const B = new Int32Array(24);
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 3; j++)
          for (let k = 0; k < 4; k++)
            B[k * 6 + i * 3 + j] = Number(w(big(A, i * 12 + j * 4 + k) + BigInt(i - k), 32));
      return [B];
    },
  },
  {
    name: "histogram",
    kernel: tensors.histogram,
    inputs: (r) => [fillInt(new Uint8Array(64), r, 0, 255), new Int32Array(16)],
    outputs: [1],
    reference: (A) => {
      const H = new Int32Array(16);
      for (let i = 0; i < 64; i++) H[Number(big(A, i)) & 15]++;
      return [H];
    },
  },
];
