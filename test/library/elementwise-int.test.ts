// The integer forms of add, sub, mul, div and relu called by the op's name from generated callers:
// operands of at most 32 bits (int8, int8 + Int<4>, uint8 + int16, int32) into int32, wider ones
// (Int<48>, int64) into int64, same shape, broadcast and scalar, bit-exact on the CPU against BigInt
// references (int32 wrap-around, truncating division, x / 0 = 0 included); a design of float and
// integer instances composed and verified; the calls no form takes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type AlloError, customize } from "../../src/index.ts";
import * as lib from "../../src/library/index.ts";
import { randBig, rng } from "../support/random.ts";
import * as fx from "./fixtures/elementwise-int.ts";

/** A typed array of integers (BigInt64Array past 32 bits). */
type Ints = { [i: number]: number | bigint; readonly length: number };

/** An integer dtype as kernels write it, with its range and the typed array the CPU backend takes. */
interface IntType {
  readonly name: string;
  readonly bits: number;
  readonly signed: boolean;
}
const T = (name: string, bits: number, signed = true): IntType => ({ name, bits, signed });
const [I4, I8, U8, I16, I32, I48, I64] = [
  T("Int<4>", 4),
  T("int8", 8),
  T("uint8", 8, false),
  T("int16", 16),
  T("int32", 32),
  T("Int<48>", 48),
  T("int64", 64),
];

const tensorType = (t: IntType, shape: number[]) =>
  t.name.startsWith("Int<") ? `Int<${t.bits}, [${shape.join(", ")}]>` : `${t.name}<[${shape.join(", ")}]>`;

function values(t: IntType, n: number, seed: number): Ints {
  const r = rng(seed);
  const lo = t.signed ? -(1n << BigInt(t.bits - 1)) : 0n;
  const hi = (t.signed ? 1n << BigInt(t.bits - 1) : 1n << BigInt(t.bits)) - 1n;
  const v = Array.from({ length: n }, () => randBig(r, lo, hi));
  if (t.bits > 32) return BigInt64Array.from(v);
  const Arr = t.bits > 16 ? Int32Array : t.bits > 8 ? Int16Array : t.signed ? Int8Array : Uint8Array;
  const out = new Arr(n);
  v.forEach((x, i) => {
    out[i] = Number(x);
  });
  return out;
}

const OPS: [string, (a: bigint, b: bigint) => bigint][] = [
  ["add", (a, b) => a + b],
  ["sub", (a, b) => a - b],
  ["mul", (a, b) => a * b],
  ["div", (a, b) => (b === 0n ? 0n : a / b)],
];

/** `top(A, B)` calling `op(A, B)` (B a tensor, or the literal scalar `b`), returning the result type. */
function caller(
  op: string,
  ta: IntType,
  a: number[],
  tb: IntType | bigint,
  b: number[],
  wide: boolean,
): string {
  const second = typeof tb === "bigint" ? `${tb}` : "B";
  const params =
    typeof tb === "bigint" ? `A: ${tensorType(ta, a)}` : `A: ${tensorType(ta, a)}, B: ${tensorType(tb, b)}`;
  return [
    'import type { Int, int8, uint8, int16, int32, int64 } from "allo-ts";',
    `import { ${op} } from "allo-ts/library";`,
    `export function top(${params}): ${wide ? "int64" : "int32"}<[${a.join(", ")}]> {`,
    `  return ${op}(A, ${second});`,
    "}",
  ].join("\n");
}

const CASES: [IntType, IntType, boolean][] = [
  [I8, I8, false],
  [I8, I4, false],
  [U8, I16, false],
  [I32, I32, false],
  [I48, I8, true],
  [I64, I32, true],
];
const SHAPES: [number[], number[]][] = [
  [[5], [5]],
  [
    [3, 4],
    [3, 4],
  ],
  [[2, 3, 4], [4]],
  [
    [2, 1, 3, 2],
    [3, 2],
  ],
];

test("add, sub, mul and div of integer tensors: int32 up to 32-bit operands, int64 wider, broadcast too", () => {
  for (const [ta, tb, wide] of CASES)
    for (const [a, b] of SHAPES) {
      const size = (s: number[]) => s.reduce((x, y) => x * y, 1);
      const A = values(ta, size(a), size(a) + ta.bits);
      const B = values(tb, size(b), size(b) * 3 + tb.bits);
      B[0] = typeof B[0] === "bigint" ? 0n : 0; // a zero divisor
      const bits = wide ? 64 : 32;
      for (const [op, f] of OPS) {
        const s = customize(caller(op, ta, a, tb, b, wide), { name: "top" });
        const form = `${op}${a.length}${a.length === b.length ? "" : `x${b.length}`}Int${bits}`;
        assert.equal(s.ir.functions[0].origin?.base, form);
        const got = Array.from(s.build()(A, B) as Ints, BigInt);
        const want = Array.from(A, (x, i) => BigInt.asIntN(bits, f(BigInt(x), BigInt(B[i % B.length]))));
        assert.deepEqual(got, want, `${op} ${ta.name}[${a}] ${tb.name}[${b}]`);
      }
    }
});

test("an integer scalar takes the result's type: add(A, 3), div(A, -2) truncating", () => {
  for (const [ta, wide] of [
    [I8, false],
    [I32, false],
    [I48, true],
  ] as const) {
    const A = values(ta, 6, 9);
    for (const [op, f] of OPS) {
      const s = customize(caller(op, ta, [2, 3], -2n, [], wide), { name: "top" });
      const got = Array.from(s.build()(A) as Ints, BigInt);
      const bits = wide ? 64 : 32;
      assert.deepEqual(
        got,
        Array.from(A, (x) => BigInt.asIntN(bits, f(BigInt(x), -2n))),
        `${op} ${ta.name} -2`,
      );
    }
  }
});

test("relu of integers, and a residual block of mixed integer forms, composed and verified", () => {
  const A = values(I8, 12, 1) as Int8Array;
  const W = values(I4, 4, 2) as Int8Array;
  const R = values(I32, 12, 3) as Int32Array;
  const s = customize(fx.residual);
  const plain = Array.from(s.build()(A, W, R) as Int32Array, BigInt);
  const want = Array.from(A, (a, i) =>
    BigInt.asIntN(32, BigInt(Math.max(a, 0) + W[i % 4] - 3) + BigInt(R[i])),
  );
  assert.deepEqual(plain, want);
  s.compose([lib.add, lib.sub, lib.relu]);
  assert.deepEqual(Array.from(s.build()(A, W, R) as Int32Array, BigInt), plain);
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);
  const X = values(I48, 6, 4) as BigInt64Array;
  const Y = values(I8, 6, 5) as Int8Array;
  assert.deepEqual(
    Array.from(customize(fx.wide).build()(X, Y) as BigInt64Array),
    Array.from(X, (x, i) => BigInt.asIntN(64, x * BigInt(Y[i]))),
  );
});

test("a float with an integer operand, a float scalar, rank 5 and Int<65> are AL2014 at the call", () => {
  const compile = (text: string) => customize(text, { name: "top", file: "test/library/caller.ts" });
  const rank5 = caller("add", I8, [1, 1, 1, 1, 2], I8, [1, 1, 1, 1, 2], false);
  const floatScalar = caller("add", I8, [4], 0n, [], false).replace("add(A, 0)", "add(A, 0.5)");
  const wide = caller("mul", T("Int<65>", 65), [3], I8, [3], true);
  for (const [text, args] of [
    [rank5, /takes \(int8\[1, 1, 1, 1, 2\], int8\[1, 1, 1, 1, 2\]\)/],
    [floatScalar, /takes \(int8\[4\], float32\)/],
    [wide, /takes \(int65\[3\], int8\[3\]\)/],
  ] as const)
    assert.throws(
      () => compile(text),
      (e: AlloError) => {
        assert.equal(e.code, "AL2014");
        assert.match(e.message, /test\/library\/caller\.ts:4:10 - error AL2014/);
        assert.match(e.message, args);
        assert.match(e.message, /1Int32<N, TyA extends IntUpTo<32>, TyB extends IntUpTo<32>>/);
        return true;
      },
    );
  assert.throws(
    () => customize(fx.floatPlusInt),
    (e: AlloError) => e.code === "AL2014" && /takes \(float32\[4\], int8\[4\]\)/.test(e.message),
  );
});
