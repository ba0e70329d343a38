// The MLIR printer's affine-map text (src/backends/mlir/affine.ts): linear forms from the shared affine
// analysis in MLIR's syntax, floordiv/mod where they agree with the IR's truncating operators, and
// no map where an operation might leave the IR's 32-bit index or a variable is not an affine dimension.

import assert from "node:assert/strict";
import { test } from "node:test";
import { affineText, type IvInfo } from "../../../src/backends/mlir/affine.ts";
import { idx, idxOp, ivRef } from "../../../src/ir/build.ts";
import type { Expr } from "../../../src/ir/nodes.ts";

const i = ivRef("i");
const j = ivRef("j");
const env = new Map<string, IvInfo>([
  ["i", { ssa: "%i", affine: true, range: [0n, 15n] }],
  ["j", { ssa: "%j", affine: true, range: [0n, 3n] }],
  ["w", { ssa: "%w", affine: true }],
  ["s", { ssa: "%s", affine: false, range: [0n, 7n] }],
]);
const dims = ["i", "j", "w", "s"];
const text = (e: Expr) => affineText(e, env, (v) => `d${dims.indexOf(v)}`)?.text;

test("linear forms print in MLIR's syntax, terms in order of appearance, then the constant", () => {
  assert.equal(text(idxOp("+", idxOp("+", idxOp("*", i, idx(4)), j), idx(1))), "d0 * 4 + d1 + 1");
  assert.equal(text(idxOp("-", idx(16), idxOp("*", i, idx(3)))), "16 - d0 * 3");
  assert.equal(text(idxOp("-", idxOp("-", i, idxOp("*", idx(2), j)), idx(1))), "d0 - d1 * 2 - 1");
  assert.equal(text(idxOp("-", idx(-1), i)), "d0 * -1 - 1");
  assert.equal(text(idxOp("-", idxOp("+", i, idx(2)), i)), "2");
});

test("floordiv and mod of a non-negative dividend by a positive constant, and sums of them", () => {
  const flat = idxOp("+", idxOp("*", i, idx(4)), j);
  assert.equal(text(idxOp("/", flat, idx(4))), "(d0 * 4 + d1) floordiv 4");
  assert.equal(text(idxOp("+", idxOp("%", i, idx(4)), idx(-1))), "d0 mod 4 - 1");
  assert.equal(text(idxOp("/", idxOp("-", i, idx(1)), idx(2))), undefined, "i - 1 may be negative");
  assert.equal(text(idxOp("/", i, j)), undefined, "the divisor is not a constant");
});

test("no map for a product of variables, a possible 32-bit wrap or a variable of an scf.for", () => {
  assert.equal(text(idxOp("*", i, j)), undefined);
  assert.equal(text(idxOp("*", ivRef("w"), idx(4))), undefined, "w is unbounded: w * 4 may wrap");
  assert.equal(text(idxOp("+", ivRef("w"), idx(0))), "d2");
  assert.equal(text(idxOp("+", ivRef("s"), idx(1))), undefined);
});
