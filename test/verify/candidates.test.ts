// The counterexample search tries the special values: differences that only show at -0, NaN, +-Inf or
// an integer's minimum are found (and hold on the CPU backend) instead of ending as "unknown".
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { floatType, intType, uintType } from "../../src/types/dtype.ts";
import { rng } from "../../src/util/random.ts";
import { candidate, edgeValues } from "../../src/verify/candidates.ts";
import { assertConfirmedBothWays } from "./support/confirm.ts";

const kernel = (type: string, out: string, body: string) =>
  customize(
    `
function k(A: ${type}<[8]>): ${out}<[8]> {
  const B: ${out}<[8]> = zeros();
  for (const i of range(8)) {
    B[i] = ${body};
  }
  return B;
}`,
    { name: "k", file: "k.ts" },
  );

const PAIRS: [string, string, string, string, string][] = [
  ["x + 0 is x except at -0", "float32", "float32", "A[i] + 0.0", "A[i]"],
  ["x - x is 0 except at +-Inf and NaN", "float32", "float32", "A[i] - A[i]", "0.0"],
  ["x == x is true except at NaN", "float64", "int32", "A[i] == A[i] ? 1 : 0", "1"],
  ["-x < 0 is x > 0 except at the minimum", "int32", "int32", "-A[i] < 0 ? 1 : 0", "A[i] > 0 ? 1 : 0"],
];

for (const [what, type, out, x, y] of PAIRS) {
  test(`a difference at a special value is found: ${what}`, () => {
    const a = kernel(type, out, x);
    const b = kernel(type, out, y);
    assertConfirmedBothWays(a, b);
  });
}

test("candidates are seeded and include every edge value of the type", () => {
  const f32 = floatType(32);
  const draw = (seed: number) => {
    const r = rng(seed);
    return Array.from({ length: 64 }, (_, t) => candidate(f32, t, r));
  };
  assert.deepEqual(draw(3), draw(3));
  const seen = draw(3);
  for (const e of edgeValues(f32))
    assert.ok(
      seen.some((v) => Object.is(v, e)),
      `float32 ${String(e)}`,
    );
  assert.deepEqual(edgeValues(intType(8)), [0n, -1n, 1n, -128n, 127n, -127n, 126n]);
  assert.deepEqual(edgeValues(uintType(1)), [0n, 1n]);
  assert.deepEqual(edgeValues(intType(1)), [0n, -1n]);
  assert.equal(edgeValues(floatType(16))[7], 65504);
});
