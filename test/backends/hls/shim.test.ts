// The csim headers in include/ against src/semantics/scalar.ts: ap_int/ap_uint at widths 1..512 and
// several ap_fixed/ap_ufixed types on random and corner values (+ - * / % & | ^ << >> neg ~, the six
// comparisons, conversions between widths, signedness and doubles), and half rounding. One generated
// program holds every case, so the whole check is one g++ run.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { compileCxx, runProcess } from "../../../src/backends/hls/csim.ts";
import {
  binary,
  bitNot,
  convert,
  negate,
  rawRange,
  roundHalf,
  type Scalar,
} from "../../../src/semantics/scalar.ts";
import { type ElemType, fixedType, floatType, intType } from "../../../src/types/dtype.ts";
import { randBig, rng } from "../../support/random.ts";

const F64 = floatType(64);
const I64 = intType(64);
const WIDTHS = [
  1, 2, 3, 5, 7, 8, 9, 13, 16, 17, 31, 32, 33, 53, 63, 64, 65, 100, 127, 128, 129, 200, 256, 257, 511, 512,
];
const FIXED: readonly [number, number, boolean][] = [
  [16, 8, true],
  [12, 8, false],
  [32, 16, true],
  [70, 20, true],
  [100, 60, false],
  [6, 9, true],
];
const PER_TYPE = 32;

const hex = (v: bigint, bits: number): string =>
  BigInt.asUintN(bits, v)
    .toString(16)
    .padStart(Math.ceil(bits / 4), "0");

function doubleBits(x: number): string {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  return b.getBigUint64(0).toString(16).padStart(16, "0");
}

/** Corner values of a raw range, then uniform random ones. */
function values(t: ElemType, r: () => number, n: number): bigint[] {
  const [lo, hi] = rawRange(t);
  const corners = [lo, hi, 0n, 1n, lo + 1n, hi - 1n, -1n, 2n].filter((v) => v >= lo && v <= hi);
  const out = [...corners];
  while (out.length < n)
    out.push(r() < 0.3 ? randBig(r, -300n > lo ? -300n : lo, 300n < hi ? 300n : hi) : randBig(r, lo, hi));
  return out.slice(0, n);
}

/** Doubles around and far beyond a type's range, fractions of both signs, NaN and infinities. */
function doubles(bits: number, r: () => number, n: number): number[] {
  const special = [
    0,
    -0.75,
    0.75,
    -1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    2 ** bits + 3.5,
    // Around the headers' fast path (exact scaling into an int64): its edges, and subnormals.
    -(2 ** 62),
    2 ** 62 - 1024,
    -(2 ** 63),
    2 ** 53 + 2,
    -5e-324,
    2.5e-308,
    -(2 ** -1000),
  ];
  const out = [...special];
  while (out.length < n) {
    const scale = 2 ** Math.floor(r() * Math.min(bits + 12, 1000));
    out.push((r() - 0.5) * 2 * scale);
  }
  return out.slice(0, n);
}

interface Block {
  readonly call: string;
  readonly input: string[];
  readonly expected: string[];
}

function intBlock(w: number, signed: boolean, r: () => number): Block {
  const t = intType(w, signed);
  const half = intType(Math.floor(w / 2) + 1, !signed);
  const wide = intType(w + 9, signed);
  const xs = values(t, r, PER_TYPE);
  const ys = values(t, r, PER_TYPE).reverse();
  const ds = doubles(w, r, PER_TYPE);
  const input: string[] = [];
  const expected: string[] = [];
  xs.forEach((a, k) => {
    const b = ys[k];
    const sh = Math.floor(r() * (w + 3)) - 1;
    const d = ds[k];
    input.push(`${a} ${b} ${sh} ${doubleBits(d)}`);
    const op = (o: Parameters<typeof binary>[0], y: Scalar = b) => hex(binary(o, a, y, t) as bigint, w);
    const cmp = (["<", "<=", "==", "!=", ">", ">="] as const).map((o) => String(binary(o, a, b, t))).join("");
    expected.push(
      [
        op("+"),
        op("-"),
        op("*"),
        op("/"),
        op("%"),
        op("&"),
        op("|"),
        op("^"),
        op("<<", BigInt(sh)),
        op(">>", BigInt(sh)),
        hex(negate(a, t) as bigint, w),
        hex(bitNot(a, t), w),
        cmp,
        doubleBits(convert(a, t, F64) as number),
        hex(convert(d, F64, t) as bigint, w),
        hex(convert(a, t, half) as bigint, half.bits),
        hex(convert(a, t, wide) as bigint, wide.bits),
        hex(a * BigInt(sh - 5), w),
      ].join(" "),
    );
  });
  return { call: `run_int<${w}, ${signed}>(${PER_TYPE});`, input, expected };
}

function fixedBlock([w, i, signed]: readonly [number, number, boolean], r: () => number): Block {
  const t = fixedType(w, w - i, signed);
  const other = fixedType(w + 3, w - i - 2, !signed);
  const xs = values(t, r, PER_TYPE);
  const ys = values(t, r, PER_TYPE).reverse();
  // Unscaled subnormals last: with fewer fraction bits than zero (6, 9), x * 2^frac rounds below them.
  const ds = [
    ...doubles(i, r, PER_TYPE - 2).map((d) => d / 2 ** (w - i - i)),
    -3 * 2 ** -1074,
    -(2 ** -1060),
  ];
  const input: string[] = [];
  const expected: string[] = [];
  xs.forEach((a, k) => {
    const b = ys[k];
    const sh = Math.floor(r() * (w + 3)) - 1;
    input.push(`${a} ${b} ${sh} ${doubleBits(ds[k])}`);
    const op = (o: Parameters<typeof binary>[0], y: Scalar = b) => hex(binary(o, a, y, t) as bigint, w);
    const cmp = (["<", "<=", "==", "!=", ">", ">="] as const).map((o) => String(binary(o, a, b, t))).join("");
    expected.push(
      [
        op("+"),
        op("-"),
        op("*"),
        op("<<", BigInt(sh)),
        op(">>", BigInt(sh)),
        hex(negate(a, t) as bigint, w),
        cmp,
        doubleBits(convert(a, t, F64) as number),
        hex(convert(ds[k], F64, t) as bigint, w),
        hex(convert(a, t, other) as bigint, other.bits),
        hex(convert(a, t, I64) as bigint, 64),
      ].join(" "),
    );
  });
  return { call: `run_fixed<${w}, ${i}, ${signed}>(${PER_TYPE});`, input, expected };
}

function halfBlock(r: () => number): Block {
  const ds = [
    ...doubles(16, r, 40),
    65519.99,
    65520,
    2 ** -24,
    2 ** -25,
    3 * 2 ** -26,
    1 + 2 ** -11,
    1 + 3 * 2 ** -11,
  ];
  return {
    call: `run_half(${ds.length});`,
    input: ds.map((d) => `0 0 0 ${doubleBits(d)}`),
    expected: ds.map((d) => doubleBits(roundHalf(d))),
  };
}

const PROGRAM = `#include <ap_fixed.h>
#include <hls_math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

template <int W>
void hexw(ap_uint<W> v) {
  for (int i = (W + 3) / 4 - 1; i >= 0; i--) putchar("0123456789abcdef"[(v >> (4 * i)).to_uint() & 15]);
  putchar(' ');
}
void dbits(double d) {
  unsigned long long b;
  memcpy(&b, &d, 8);
  printf("%016llx ", b);
}
static char sa[256], sb[256];
static int sh;
static double d;
void next() {
  unsigned long long b;
  if (scanf("%255s %255s %d %llx", sa, sb, &sh, &b) != 4) exit(2);
  memcpy(&d, &b, 8);
}
template <int W, bool S>
void run_int(int n) {
  typedef ap_int_base<W, S> T;
  for (int k = 0; k < n; k++) {
    next();
    T x(sa, 10), y(sb, 10);
    hexw<W>(T(x + y)); hexw<W>(T(x - y)); hexw<W>(T(x * y)); hexw<W>(T(x / y)); hexw<W>(T(x % y));
    hexw<W>(T(x & y)); hexw<W>(T(x | y)); hexw<W>(T(x ^ y));
    hexw<W>(T(x << (sh < 0 ? 0 : sh))); hexw<W>(T(x >> (sh < 0 ? 0 : sh))); hexw<W>(T(-x)); hexw<W>(T(~x));
    printf("%d%d%d%d%d%d ", x < y, x <= y, x == y, x != y, x > y, x >= y);
    dbits(x.to_double());
    hexw<W>(T(d));
    hexw<W / 2 + 1>(ap_int_base<W / 2 + 1, !S>(x));
    hexw<W + 9>(ap_int_base<W + 9, S>(x));
    hexw<W>(T(x * (sh - 5)));
    putchar('\\n');
  }
}
template <int W, int I, bool S>
void run_fixed(int n) {
  typedef ap_fixed_base<W, I, S> T;
  for (int k = 0; k < n; k++) {
    next();
    T x, y;
    x.range(W - 1, 0) = ap_int_base<W, S>(sa, 10);
    y.range(W - 1, 0) = ap_int_base<W, S>(sb, 10);
    hexw<W>(T(x + y).range(W - 1, 0)); hexw<W>(T(x - y).range(W - 1, 0)); hexw<W>(T(x * y).range(W - 1, 0));
    hexw<W>((x << (sh < 0 ? 0 : sh)).range(W - 1, 0)); hexw<W>((x >> (sh < 0 ? 0 : sh)).range(W - 1, 0));
    hexw<W>(T(-x).range(W - 1, 0));
    printf("%d%d%d%d%d%d ", x < y, x <= y, x == y, x != y, x > y, x >= y);
    dbits(x.to_double());
    hexw<W>(T(d).range(W - 1, 0));
    hexw<W + 3>(ap_fixed_base<W + 3, I + 5, !S>(x).range(W + 2, 0));
    hexw<64>(ap_int<64>(x.to_ap_int_base()));
    putchar('\\n');
  }
}
void run_half(int n) {
  for (int k = 0; k < n; k++) {
    next();
    dbits((double)(float)half(d));
    putchar('\\n');
  }
}
int main() {
CALLS
  return 0;
}
`;

test("csim headers compute what src/semantics/scalar.ts says, widths 1..512 and fixed point", async () => {
  const r = rng(2024);
  const blocks = [
    ...WIDTHS.flatMap((w) => [intBlock(w, true, r), intBlock(w, false, r)]),
    ...FIXED.map((f) => fixedBlock(f, r)),
    halfBlock(r),
  ];
  const dir = mkdtempSync(join(tmpdir(), "allo-hls-shim-"));
  const exe = join(dir, "shim");
  await compileCxx(PROGRAM.replace("CALLS", blocks.map((b) => `  ${b.call}`).join("\n")), exe, [], true);
  const run = await runProcess(exe, [], { input: `${blocks.flatMap((b) => b.input).join("\n")}\n` });
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.split("\n");
  let at = 0;
  for (const b of blocks) {
    b.expected.forEach((want, k) => {
      assert.equal(lines[at++].trim(), want, `${b.call} case ${k}: input ${b.input[k]}`);
    });
  }
  rmSync(dir, { recursive: true });
});
