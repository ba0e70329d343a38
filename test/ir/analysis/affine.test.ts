// The shared affine form (src/ir/analysis/affine.ts): structural forms for the schedule primitives,
// exact forms (no wrap anywhere inside) for backends, checked against the scalar semantics on random
// expressions, and the form's range and expression.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type Affine,
  affineOf,
  affineRange,
  exactAffine,
  exprOfAffine,
} from "../../../src/ir/analysis/affine.ts";
import { type Range, rangeOf } from "../../../src/ir/analysis/range.ts";
import { bin, cast, idx, idxOp, ivRef } from "../../../src/ir/build.ts";
import { INDEX, intType } from "../../../src/types/dtype.ts";
import { evalInt, INT_TYPES, randomExpr } from "../../support/eval-expr.ts";
import { randBig, randInt, rng } from "../../support/random.ts";

const form = (a: Affine | undefined) => a && { c: a.c, terms: Object.fromEntries(a.terms) };
const formValue = (a: Affine, point: ReadonlyMap<string, bigint>) =>
  [...a.terms].reduce((acc, [v, k]) => acc + k * point.get(v)!, a.c);

test("structural forms: sums, differences and constant multiples; i * j and i / 2 are not affine", () => {
  const i = ivRef("i");
  const j = ivRef("j");
  const e = idxOp("-", idxOp("+", idxOp("*", idx(3), i), idxOp("*", j, idx(-2))), idxOp("-", i, idx(5)));
  assert.deepEqual(form(affineOf(e)), { c: 5n, terms: { i: 2n, j: -2n } });
  assert.deepEqual(form(affineOf(idxOp("-", i, i))), { c: 0n, terms: {} }, "zero coefficients are dropped");
  assert.deepEqual(form(affineOf(cast(idxOp("+", i, idx(1)), intType(16)))), { c: 1n, terms: { i: 1n } });
  assert.equal(affineOf(idxOp("*", i, j)), undefined);
  assert.equal(affineOf(idxOp("/", i, idx(2))), undefined);
  assert.equal(affineOf({ kind: "param", type: INDEX, name: "n" }), undefined);
});

test("exact forms: an operation or cast that may wrap under the ranges has no form", () => {
  const small = new Map<string, Range>([["i", [0n, 15n]]]);
  const big = new Map<string, Range>([["i", [0n, 2n ** 30n]]]);
  const e = idxOp("+", idxOp("*", ivRef("i"), idx(4)), idx(1));
  assert.deepEqual(form(affineOf(e, small)), { c: 1n, terms: { i: 4n } });
  assert.equal(affineOf(e, big), undefined, "(2^30) * 4 leaves int32");
  assert.ok(affineOf(e), "structurally it is affine");
  const narrow = cast(ivRef("i"), intType(8));
  assert.ok(affineOf(narrow, small));
  assert.equal(affineOf(cast(ivRef("i"), intType(4)), small), undefined, "15 wraps int4");
  assert.equal(affineOf(bin("+", narrow, narrow, intType(8)), new Map([["i", [0n, 100n]]])), undefined);
});

test("randomized: an exact form evaluates to the expression's value at every point of the ranges", () => {
  const r = rng(0xaff1);
  const ivs = ["i", "j"];
  let forms = 0;
  for (let n = 0; n < 4000; n++) {
    const env = new Map<string, Range>(
      ivs.map((v) => {
        const lo = randBig(r, -40n, 40n);
        return [v, [lo, lo + randBig(r, 0n, r() < 0.1 ? 2n ** 28n : 20n)]];
      }),
    );
    const e = randomExpr(r, INT_TYPES[randInt(r, 0, INT_TYPES.length - 1)], ivs, randInt(r, 1, 3));
    const a = affineOf(e, env);
    if (!a) continue;
    forms++;
    const range = affineRange(a, env)!;
    assert.deepEqual(exactAffine(e, env)?.range, rangeOf(e, env), "the pass's range is the analysis' range");
    for (let s = 0; s < 8; s++) {
      const point = new Map([...env].map(([v, [lo, hi]]) => [v, randBig(r, lo, hi)]));
      const v = evalInt(e, point);
      assert.equal(formValue(a, point), v, `form of a random expression at ${[...point]}`);
      assert.ok(v >= range[0] && v <= range[1], "the form's range holds its values");
    }
  }
  assert.ok(forms > 300, `only ${forms} random expressions were affine`);
});

test("a form's range and index expression", () => {
  const a: Affine = {
    c: -3n,
    terms: new Map([
      ["i", 2n],
      ["j", -1n],
    ]),
  };
  assert.deepEqual(
    affineRange(
      a,
      new Map<string, Range>([
        ["i", [0n, 4n]],
        ["j", [1n, 2n]],
      ]),
    ),
    [-5n, 4n],
  );
  assert.equal(affineRange(a, new Map<string, Range>([["i", [0n, 4n]]])), undefined, "j's range is unknown");
  const e = exprOfAffine(a);
  assert.deepEqual(form(affineOf(e)), form(a));
  assert.equal(
    evalInt(
      e,
      new Map([
        ["i", 5n],
        ["j", 7n],
      ]),
    ),
    0n,
  );
  assert.deepEqual(exprOfAffine({ c: 4n, terms: new Map() }), idx(4));
});
