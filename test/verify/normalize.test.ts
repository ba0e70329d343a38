// The Dag's normalizations, one claim each: hash-consing, canonical order of commutative operands,
// x << k = x * 2^k on integers, conversion chains that keep values, truncation pushed through ring
// operations (and only through them), constant folding by the reference semantics, and what must NOT
// be merged: different wraps, reassociated floats, -0 and +0.
import assert from "node:assert/strict";
import { test } from "node:test";
import { BOOL, floatType, intType, uintType } from "../../src/types/dtype.ts";
import { Dag } from "../../src/verify/dag/dag.ts";
import { binCode, UN_NEG } from "../../src/verify/dag/ops.ts";
import { showNode } from "../../src/verify/dag/print.ts";
import { K_CAST } from "../../src/verify/dag/store.ts";

const D = new Dag();
const T = {
  i8: D.types.id(intType(8)),
  u8: D.types.id(uintType(8)),
  i16: D.types.id(intType(16)),
  i17: D.types.id(intType(17)),
  i32: D.types.id(intType(32)),
  i33: D.types.id(intType(33)),
  f32: D.types.id(floatType(32)),
  bool: D.types.id(BOOL),
};
const op = binCode;
const x8 = D.input(T.i8, 0, 0);
const y8 = D.input(T.i8, 0, 1);
const a16 = D.input(T.i16, 1, 0);
const b16 = D.input(T.i16, 1, 1);
const a32 = D.input(T.i32, 2, 0);
const fa = D.input(T.f32, 3, 0);
const fb = D.input(T.f32, 3, 1);
const fc = D.input(T.f32, 3, 2);
const k = (t: number, v: bigint | number) => D.konst(t, v);

test("structurally equal expressions are one node", () => {
  assert.equal(D.bin(op("-"), T.i16, a16, b16), D.bin(op("-"), T.i16, a16, b16));
  assert.notEqual(D.bin(op("-"), T.i16, a16, b16), D.bin(op("-"), T.i16, b16, a16));
});

test("commutative operations take a canonical operand order, floats included; float min does not", () => {
  for (const o of ["+", "*", "&", "|", "^", "==", "!=", "min", "max"] as const) {
    const t = o === "==" || o === "!=" ? T.bool : T.i16;
    assert.equal(D.bin(op(o), t, a16, b16), D.bin(op(o), t, b16, a16), o);
  }
  assert.equal(D.bin(op("+"), T.f32, fa, fb), D.bin(op("+"), T.f32, fb, fa));
  assert.equal(D.bin(op("*"), T.f32, fa, fb), D.bin(op("*"), T.f32, fb, fa));
  // min(-0, +0) is +0 but min(+0, -0) is -0 in the reference semantics.
  assert.notEqual(D.bin(op("min"), T.f32, fa, fb), D.bin(op("min"), T.f32, fb, fa));
  assert.equal(D.bin(op(">"), T.bool, a16, b16), D.bin(op("<"), T.bool, b16, a16));
});

test("x << k is x * 2^k on integers; shifts past the width give 0", () => {
  assert.equal(D.bin(op("<<"), T.i32, a32, k(T.i8, 1n)), D.bin(op("*"), T.i32, k(T.i32, 2n), a32));
  assert.equal(
    D.bin(op("<<"), T.i32, a32, k(T.i32, 31n)),
    D.bin(op("*"), T.i32, a32, k(T.i32, -(2n ** 31n))),
  );
  assert.equal(D.bin(op("<<"), T.i32, a32, k(T.i32, 40n)), k(T.i32, 0n));
  assert.equal(D.bin(op("<<"), T.i32, a32, k(T.i32, -3n)), a32);
});

test("conversion chains: an extension then a truncation is one conversion", () => {
  const ext = D.cast(T.i32, x8);
  assert.equal(D.cast(T.i16, ext), D.cast(T.i16, x8));
  assert.equal(D.cast(T.i8, D.cast(T.i16, x8)), x8);
  // uint8 -> int8 -> int32 is not int8's value extended: int8 cannot hold every uint8.
  const u = D.input(T.u8, 4, 0);
  assert.notEqual(D.cast(T.i32, D.cast(T.i8, u)), D.cast(T.i32, u));
  // int8 -> float32 keeps every value, so int8 -> float32 -> int32 is int8 -> int32.
  assert.equal(D.cast(T.i32, D.cast(T.f32, x8)), D.cast(T.i32, x8));
});

test("a truncation distributes over + - * & | ^ and stops at anything else", () => {
  const wide = D.bin(op("+"), T.i33, D.cast(T.i33, a32), D.cast(T.i33, D.cast(T.i32, a16)));
  assert.equal(D.cast(T.i16, wide), D.bin(op("+"), T.i16, D.cast(T.i16, a32), a16));
  const prod = D.bin(op("*"), T.i16, D.cast(T.i16, x8), D.cast(T.i16, y8));
  assert.equal(D.cast(T.i8, prod), D.bin(op("*"), T.i8, x8, y8));
  const quot = D.bin(op("/"), T.i32, a32, D.cast(T.i32, a16));
  assert.equal(D.kind(D.cast(T.i16, quot)), K_CAST);
});

test("different wraps are different nodes: (a + b) in int33, in int16, extended from int16", () => {
  const a33 = D.cast(T.i33, a16);
  const b33 = D.cast(T.i33, b16);
  const sum33 = D.bin(op("+"), T.i33, a33, b33);
  const sum16 = D.bin(op("+"), T.i16, a16, b16);
  assert.notEqual(sum33, sum16);
  assert.notEqual(D.cast(T.i33, sum16), sum33);
  assert.equal(D.cast(T.i16, sum33), sum16);
});

test("floats are not reassociated", () => {
  const left = D.bin(op("+"), T.f32, D.bin(op("+"), T.f32, fa, fb), fc);
  const right = D.bin(op("+"), T.f32, fa, D.bin(op("+"), T.f32, fb, fc));
  assert.notEqual(left, right);
});

test("constants fold with the reference semantics and keep -0 apart from +0", () => {
  assert.equal(D.bin(op("+"), T.i8, k(T.i8, 127n), k(T.i8, 1n)), k(T.i8, -128n));
  assert.equal(D.bin(op("/"), T.i32, k(T.i32, -7n), k(T.i32, 0n)), k(T.i32, 0n));
  assert.equal(D.un(UN_NEG, T.f32, k(T.f32, 0)), k(T.f32, -0));
  assert.notEqual(k(T.f32, 0), k(T.f32, -0));
  // +0 + x is not x when x is -0; x + -0 is always x.
  assert.notEqual(D.bin(op("+"), T.f32, k(T.f32, 0), fa), fa);
  assert.equal(D.bin(op("+"), T.f32, k(T.f32, -0), fa), fa);
  assert.equal(D.bin(op("+"), T.i32, k(T.i32, 0n), a32), a32);
});

test("values print infix with conversions as calls and long chains elided", () => {
  let acc = a16;
  for (let i = 0; i < 20; i++) acc = D.bin(op("+"), T.i16, acc, D.cast(T.i16, D.input(T.i8, 5, i)));
  const names = (n: number) => `X${D.inputOf.get(n)?.param}_${D.inputOf.get(n)?.flat}`;
  assert.equal(
    showNode(D, acc, names),
    "int16 (X1_0 + int16(X5_0) + int16(X5_1) + … 15 more … + int16(X5_17) + int16(X5_18) + int16(X5_19))",
  );
});
