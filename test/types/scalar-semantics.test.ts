// The reference scalar semantics (src/semantics/scalar.ts) on the corner cases docs/ir-semantics.md names.
import assert from "node:assert/strict";
import { test } from "node:test";
import { binary, convert, roundHalf, wrap } from "../../src/semantics/scalar.ts";
import { fixedType, floatType, intType, uintType } from "../../src/types/dtype.ts";

test("wrap is two's complement for every width", () => {
  assert.equal(wrap(128n, intType(8)), -128n);
  assert.equal(wrap(-1n, uintType(8)), 255n);
  assert.equal(wrap(2n ** 100n + 5n, intType(100)), 5n);
  assert.equal(wrap(3n, uintType(1)), 1n);
});

test("integer division and remainder truncate toward zero; a zero divisor gives 0", () => {
  assert.equal(binary("/", -7n, 2n, intType(32)), -3n);
  assert.equal(binary("%", -7n, 2n, intType(32)), -1n);
  assert.equal(binary("/", 5n, 0n, intType(32)), 0n);
});

test("shift amounts clamp to the width", () => {
  assert.equal(binary("<<", 1n, 40n, intType(32)), 0n);
  assert.equal(binary(">>", -8n, 99n, intType(16)), -1n);
  assert.equal(binary(">>", 0xffn, 4n, uintType(8)), 0xfn);
  assert.equal(binary("<<", 3n, -2n, intType(8)), 3n);
});

test("float to int truncates toward zero then wraps; NaN gives 0", () => {
  assert.equal(convert(-2.7, floatType(32), intType(8)), -2n);
  assert.equal(convert(300.5, floatType(32), intType(8)), 44n);
  assert.equal(convert(Number.NaN, floatType(32), intType(8)), 0n);
});

test("fixed point quantizes toward -inf (AP_TRN) and wraps (AP_WRAP)", () => {
  const q = fixedType(8, 4, true);
  assert.equal(convert(-0.03, floatType(64), q), -1n); // floor(-0.48) = -1 -> -1/16
  assert.equal(convert(7.99, floatType(64), q), 127n);
  assert.equal(convert(8.0, floatType(64), q), -128n); // wraps
  assert.equal(convert(-24n, q, intType(8)), -1n); // -1.5 truncates toward zero
  assert.equal(convert(40n, fixedType(16, 8, true), q), 2n); // 40/256 -> floor(2.5)/16
  assert.equal(binary("*", 24n, 40n, fixedType(16, 4, true)), 60n); // 1.5 * 2.5 = 3.75
});

test("float16 rounding: nearest even, subnormals, overflow", () => {
  assert.equal(roundHalf(1 + 2 ** -11), 1); // tie to even
  assert.equal(roundHalf(1 + 3 * 2 ** -11), 1 + 2 ** -9);
  assert.equal(roundHalf(65504), 65504);
  assert.equal(roundHalf(65520), Number.POSITIVE_INFINITY);
  assert.equal(roundHalf(2 ** -25), 0);
  assert.equal(roundHalf(3 * 2 ** -25), 2 ** -23);
  assert.equal(roundHalf(0.1), 0.0999755859375);
});

test("float32 arithmetic rounds every operation", () => {
  assert.equal(binary("+", 16777216, 1, floatType(32)), 16777216);
  assert.equal(binary("*", 0.1, 3, floatType(32)), Math.fround(0.1 * 3));
});

/** v rounded to p significant bits, nearest even, in BigInt arithmetic (the expected value). */
function roundBits(v: bigint, p: number): bigint {
  const a = v < 0n ? -v : v;
  const drop = BigInt(Math.max(0, a.toString(2).length - p));
  if (drop === 0n) return v;
  const q = a >> drop;
  const rem = a - (q << drop);
  const half = 1n << (drop - 1n);
  const up = rem > half || (rem === half && (q & 1n) === 1n);
  const r = (up ? q + 1n : q) << drop;
  return v < 0n ? -r : r;
}

test("wide integers reach float64 and float32 with one rounding, ties to even, at every width", () => {
  // 2^53 + 1 is a tie between 2^53 and 2^53 + 2 for float64 (54 bits: one bit past the precision).
  assert.equal(convert(2n ** 53n + 1n, intType(64), floatType(64)), 2 ** 53);
  assert.equal(convert(-(2n ** 53n) - 3n, intType(64), floatType(64)), -(2 ** 53) - 4);
  let x = 0x9e3779b97f4a7c15n;
  for (let bits = 3; bits <= 130; bits++) {
    for (const low of [0n, 1n, 2n, 3n]) {
      x = (x * 6364136223846793005n + 1442695040888963407n) & ((1n << 128n) - 1n);
      // A random value of exactly `bits` bits whose two low bits are `low`: exact ties and their neighbours.
      const v = (((x >> BigInt(Math.max(0, 128 - bits))) | (1n << BigInt(bits - 1))) & ~3n) | low;
      for (const t of [intType(bits + 1), intType(132)]) {
        for (const [f, p] of [
          [64, 53],
          [32, 24],
        ] as const) {
          const want = Number(roundBits(v, p));
          const got = convert(-v, t, floatType(f));
          assert.equal(got, f === 32 && Math.abs(want) >= 2 ** 128 ? -Infinity : -want, `-${v} -> f${f}`);
          assert.equal(convert(v, t, floatType(f)), f === 32 && want >= 2 ** 128 ? Infinity : want);
        }
      }
    }
  }
});
