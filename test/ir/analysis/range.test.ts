// The shared integer range analysis (src/ir/analysis/range.ts): a randomized soundness check against
// the scalar semantics, and the cases its users rely on (division by a range holding zero, remainders,
// casts, loop-variable spans, parameter ranges, exact-fit decisions).

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addRange,
  andRange,
  bitNotRange,
  divRange,
  fitsExactly,
  ivSpan,
  loopRange,
  maxRange,
  minRange,
  mulRange,
  negRange,
  orRange,
  paramKey,
  type Range,
  rangeOf,
  remRange,
  shrRange,
  subRange,
  typeRange,
} from "../../../src/ir/analysis/range.ts";
import { bin, cast, constOf, idx, idxOp, ivRef } from "../../../src/ir/build.ts";
import type { BinaryExpr, Expr } from "../../../src/ir/nodes.ts";
import { floatType, INDEX, intType, uintType } from "../../../src/types/dtype.ts";
import { evalInt, INT_TYPES, randomExpr } from "../../support/eval-expr.ts";
import { randBig, randInt, rng } from "../../support/random.ts";

const inside = (v: bigint, r: Range) => v >= r[0] && v <= r[1];

test("randomized: every evaluation of a random expression lies inside its computed range", () => {
  const r = rng(0x5eed);
  const ivs = ["i", "j", "k"];
  let checked = 0;
  for (let n = 0; n < 3000; n++) {
    const env = new Map<string, Range>();
    for (const v of ivs) {
      const lo = r() < 0.2 ? randBig(r, -(2n ** 31n), 2n ** 31n - 1n) : randBig(r, -20n, 40n);
      const hi = lo + (r() < 0.2 ? randBig(r, 0n, 2n ** 20n) : randBig(r, 0n, 30n));
      env.set(v, [lo, hi > 2n ** 31n - 1n ? 2n ** 31n - 1n : hi]);
    }
    const t = INT_TYPES[randInt(r, 0, INT_TYPES.length - 1)];
    const e = randomExpr(r, t, ivs, randInt(r, 1, 4));
    const range = rangeOf(e, env);
    assert.ok(range, "an integer expression always has a range");
    assert.ok(inside(range[0], typeRange(t)) && inside(range[1], typeRange(t)), "inside its type");
    for (let s = 0; s < 12; s++) {
      // Endpoints are where interval arithmetic is tight, so draw them often.
      const point = new Map(
        [...env].map(([v, [lo, hi]]) => [v, r() < 0.3 ? lo : r() < 0.4 ? hi : randBig(r, lo, hi)]),
      );
      const v = evalInt(e, point);
      assert.ok(inside(v, range), `${v} outside [${range}] at ${JSON.stringify([...point].map(String))}`);
      checked++;
    }
  }
  assert.equal(checked, 36000);
});

test("randomized: each transfer function bounds its operation on every pair of values of its operands", () => {
  const r = rng(7);
  const T = typeRange(intType(64));
  const trunc = (x: bigint, y: bigint) => (y === 0n ? 0n : x / y);
  const rem = (x: bigint, y: bigint) => (y === 0n ? 0n : x % y);
  const ops: [string, (a: Range, b: Range) => Range, (x: bigint, y: bigint) => bigint][] = [
    ["+", addRange, (x, y) => x + y],
    ["-", subRange, (x, y) => x - y],
    ["*", mulRange, (x, y) => x * y],
    ["/", divRange, trunc],
    ["%", remRange, rem],
    ["min", minRange, (x, y) => (x < y ? x : y)],
    ["max", maxRange, (x, y) => (x > y ? x : y)],
    ["&", (a, b) => andRange(a, b, T), (x, y) => x & y],
    ["|", (a, b) => orRange(a, b, T), (x, y) => x | y],
    ["^", (a, b) => orRange(a, b, T), (x, y) => x ^ y],
    ["neg", (a) => negRange(a), (x) => -x],
    ["bnot", (a) => bitNotRange(a), (x) => ~x],
    [">> 3", (a) => shrRange(a, 3), (x) => x >> 3n],
  ];
  const draw = (): Range => {
    const lo = randBig(r, -50n, 50n);
    return [lo, lo + randBig(r, 0n, 40n)];
  };
  for (let n = 0; n < 4000; n++) {
    const [name, range, f] = ops[n % ops.length];
    const a = draw();
    const b = draw();
    const out = range(a, b);
    for (let s = 0; s < 16; s++) {
      const x = s === 0 ? a[0] : s === 1 ? a[1] : randBig(r, a[0], a[1]);
      const y =
        s === 2 ? b[0] : s === 3 ? b[1] : s === 4 && b[0] <= 0n && b[1] >= 0n ? 0n : randBig(r, b[0], b[1]);
      assert.ok(inside(f(x, y), out), `${x} ${name} ${y} outside [${out}] for [${a}], [${b}]`);
    }
  }
});

test("division and remainder: a divisor range holding zero includes the 0 it gives; signs are kept", () => {
  assert.deepEqual(divRange([10n, 20n], [-1n, 2n]), [-20n, 20n]);
  assert.deepEqual(divRange([10n, 20n], [0n, 0n]), [0n, 0n]);
  assert.deepEqual(divRange([10n, 20n], [2n, 5n]), [2n, 10n]);
  assert.deepEqual(divRange([-7n, 7n], [-2n, -2n]), [-3n, 3n]);
  assert.deepEqual(remRange([5n, 100n], [8n, 8n]), [0n, 7n]);
  assert.deepEqual(remRange([-3n, 2n], [8n, 8n]), [-3n, 2n]);
  assert.deepEqual(remRange([-30n, -1n], [-4n, 4n]), [-3n, 0n]);
});

test("exact fit: i * 4 + 3 over a small loop fits index; int8 * int8 fits int16 but not int8", () => {
  const env = new Map<string, Range>([["i", [0n, 9n]]]);
  const e = idxOp("+", idxOp("*", ivRef("i"), idx(4)), idx(3)) as BinaryExpr;
  assert.ok(fitsExactly(e, env));
  assert.deepEqual(rangeOf(e, env), [3n, 39n]);
  const i8 = intType(8);
  const x = cast(ivRef("i"), i8);
  assert.ok(
    fitsExactly(bin("*", cast(x, intType(16)), cast(x, intType(16)), intType(16)) as BinaryExpr, env),
  );
  const wide = new Map<string, Range>([["i", [0n, 100n]]]);
  assert.equal(fitsExactly(bin("*", x, x, i8) as BinaryExpr, wide), false, "100 * 100 wraps int8");
  assert.deepEqual(
    rangeOf(bin("*", x, x, i8), wide),
    typeRange(i8),
    "a product that may wrap has the type's range",
  );
  assert.equal(fitsExactly(bin("/", ivRef("i"), ivRef("i"), INDEX) as BinaryExpr, env), false, "i may be 0");
});

test("casts, parameters and loop spans", () => {
  const env = new Map<string, Range>([
    ["i", [-5n, 300n]],
    [paramKey("n"), [1n, 64n]],
  ]);
  assert.deepEqual(
    rangeOf(cast(ivRef("i"), uintType(8)), env),
    [0n, 255n],
    "a wrapping cast: the type's range",
  );
  assert.deepEqual(rangeOf(cast(ivRef("i"), intType(16)), env), [-5n, 300n]);
  const n: Expr = { kind: "param", type: INDEX, name: "n" };
  assert.deepEqual(rangeOf(idxOp("-", n, idx(1)), env), [0n, 63n]);
  assert.deepEqual(rangeOf({ kind: "param", type: INDEX, name: "m" }, env), typeRange(INDEX));
  assert.deepEqual(loopRange(idx(2), n, env), [2n, 63n]);
  assert.deepEqual(ivSpan([0n, 0n], [16n, 16n], 3n), [0n, 12n], "the last 3 values left to a remainder loop");
  assert.deepEqual(ivSpan([5n, 5n], [3n, 3n]), [5n, 5n], "an empty loop keeps a well-formed range");
  assert.equal(rangeOf(constOf(intType(32), 7n), env)?.[0], 7n);
});

test("type ranges: index is int32, bool [0, 1], a signed bit [-1, 0], floats their bit patterns", () => {
  assert.deepEqual(typeRange(INDEX), [-(2n ** 31n), 2n ** 31n - 1n]);
  assert.deepEqual(typeRange(uintType(1)), [0n, 1n]);
  assert.deepEqual(typeRange(intType(1)), [-1n, 0n]);
  assert.deepEqual(typeRange(uintType(33)), [0n, 2n ** 33n - 1n]);
  assert.deepEqual(typeRange(floatType(16)), [-32768n, 32767n]);
  assert.equal(rangeOf(constOf(floatType(32), 1.5), new Map()), undefined, "floats have no value range");
});
