// The shared trip count (src/ir/analysis/trip-count.ts): concrete counts against counting the
// iterations of the loop, the symbolic count as the primitives use it, and constant-bound loops.

import assert from "node:assert/strict";
import { test } from "node:test";
import { constTripCount, tripCount, tripCountExpr } from "../../../src/ir/analysis/trip-count.ts";
import { forLoop, idx, idxOp, ivRef } from "../../../src/ir/build.ts";
import { evalInt } from "../../support/eval-expr.ts";

test("trip counts equal the iterations a loop runs, for every small lb, ub and step", () => {
  for (let lb = -6n; lb <= 6n; lb++) {
    for (let ub = -6n; ub <= 12n; ub++) {
      for (let step = 1; step <= 5; step++) {
        let runs = 0n;
        for (let v = lb; v < ub; v += BigInt(step)) runs++;
        assert.equal(tripCount(lb, ub, step), runs, `[${lb}, ${ub}) step ${step}`);
        const l = forLoop("i", "i", idx(lb), idx(ub), [], {}, step);
        assert.equal(constTripCount(l), Number(runs));
        // The symbolic count is exact when the loop runs and not positive when it does not.
        const sym = evalInt(tripCountExpr(l), new Map());
        assert.ok(runs > 0n ? sym === runs : sym <= 0n, `symbolic [${lb}, ${ub}) step ${step}: ${sym}`);
      }
    }
  }
});

test("bounds over enclosing loops: a symbolic count, no constant one", () => {
  const l = forLoop("j", "j", ivRef("i"), idxOp("+", ivRef("i"), idx(10)), [], {}, 3);
  assert.equal(constTripCount(l), undefined);
  for (const i of [-4n, 0n, 9n]) assert.equal(evalInt(tripCountExpr(l), new Map([["i", i]])), 4n);
});
