// carriedCandidates leaves out only loads carriedDistance finds no distance for: over random constant
// and affine register accesses (the unrolled copies of a pipelined body), the loads with a distance are
// exactly those among the candidates with one, in the same order.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Linear } from "../../src/estimate/access.ts";
import { carriedCandidates, carriedDistance, type FlatCounter } from "../../src/estimate/recurrence.ts";
import { rng } from "../support/random.ts";

const chain: FlatCounter[] = [
  { counter: "#i", trip: 8 },
  { counter: "#k", trip: 4 },
];

function randomIndex(next: () => number): (Linear | undefined)[] {
  return [0, 1].map(() => {
    const r = next();
    if (r < 0.05) return undefined;
    const terms = new Map<string, number>();
    if (r < 0.4) terms.set("#i", 1 + Math.floor(next() * 2));
    if (next() < 0.2) terms.set("#k", 1);
    if (next() < 0.1) terms.set("%outer", 1);
    return { c: Math.floor(next() * 4), terms };
  });
}

test("carriedCandidates keeps every load that has a carried distance, in order", () => {
  const next = rng(7);
  let withDistance = 0;
  let leftOut = 0;
  for (let round = 0; round < 200; round++) {
    const loads = Array.from({ length: 30 }, () => randomIndex(next));
    const of = carriedCandidates(loads, (l) => l, chain);
    for (let s = 0; s < 10; s++) {
      const store = randomIndex(next);
      const want = loads.filter((l) => carriedDistance(store, l, chain) !== undefined);
      const got = of(store).filter((l) => carriedDistance(store, l, chain) !== undefined);
      assert.deepEqual(got, want);
      withDistance += want.length;
      leftOut += loads.length - of(store).length;
    }
  }
  // The draw must exercise both sides: loads with a distance, and loads the filter drops.
  assert.ok(withDistance > 1000 && leftOut > 1000, `${withDistance} with a distance, ${leftOut} left out`);
});
