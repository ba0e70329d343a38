// Allo's default typing rules (reference section 1.5), checked case by case.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type ElemType,
  fixedType,
  floatType,
  INDEX,
  intType,
  typeName,
  uintType,
} from "../../src/types/dtype.ts";
import {
  type BinaryOp,
  binaryResultType,
  intrinsicResultType,
  negateResultType,
} from "../../src/types/typing-rules.ts";

const i = intType;
const u = uintType;
const fx = (w: number, f: number) => fixedType(w, f, true);
const ufx = (w: number, f: number) => fixedType(w, f, false);

const CASES: [BinaryOp, ElemType, ElemType, ElemType][] = [
  ["+", i(32), i(32), i(33)],
  ["*", i(8), i(8), i(16)],
  ["*", i(32), i(32), i(64)],
  ["*", i(8), i(32), i(40)],
  ["+", i(32), i(64), i(65)],
  ["+", i(8), u(8), i(10)],
  ["-", u(8), i(8), i(10)],
  ["+", u(8), u(16), u(17)],
  ["*", u(8), i(8), i(16)],
  ["+", INDEX, i(32), i(34)],
  ["+", INDEX, INDEX, INDEX],
  ["*", INDEX, i(32), i(64)],
  ["/", i(16), i(8), i(16)],
  ["/", u(16), i(8), i(16)],
  ["/", u(16), u(8), u(16)],
  ["%", i(16), u(16), i(17)],
  ["<<", i(16), i(32), i(16)],
  [">>", u(8), i(32), u(8)],
  ["&", i(8), u(16), i(16)],
  ["|", u(8), u(16), u(16)],
  ["max", i(8), u(8), i(9)],
  ["+", fx(16, 8), fx(16, 8), fx(17, 8)],
  ["*", fx(16, 8), fx(16, 8), fx(32, 16)],
  ["+", i(8), fx(16, 8), fx(17, 8)],
  ["+", ufx(8, 4), fx(8, 4), fx(10, 4)],
  ["*", i(8), ufx(8, 4), fx(16, 4)],
  ["+", i(32), floatType(32), floatType(32)],
  ["*", floatType(16), floatType(64), floatType(64)],
  ["<", i(8), u(8), i(9)],
];

for (const [op, a, b, want] of CASES) {
  test(`${typeName(a)} ${op} ${typeName(b)} -> ${typeName(want)}`, () => {
    assert.deepEqual(binaryResultType(op, a, b), want);
  });
}

test("unary minus and bitwise not of an unsigned type are signed", () => {
  assert.deepEqual(negateResultType(u(8)), i(8));
  assert.deepEqual(negateResultType(i(8)), i(8));
});

test("Math intrinsics compute in float32 up to 32 bits, float64 above", () => {
  assert.deepEqual(intrinsicResultType(i(32)), floatType(32));
  assert.deepEqual(intrinsicResultType(i(33)), floatType(64));
  assert.deepEqual(intrinsicResultType(floatType(16)), floatType(16));
});

test("bitwise operators and shifts refuse floats", () => {
  assert.throws(() => binaryResultType("&", floatType(32), i(8)), /integers only/);
  assert.throws(() => binaryResultType("<<", floatType(32), i(8)), /shift/);
});
