// Loop-carried dependence distances for RecMII: a store in iteration p and a load in iteration q > p of
// the same address, q - p counted in the flattened iteration space of a pipelined nest (counter k moves
// the flat index by the product of the trip counts inside it, ScaleHLS's accumulated distance). Affine
// accesses with the same linear part are solved exactly along one counter at a time; anything else
// (a non-affine index, different linear parts) is taken as distance 1, the conservative answer.

import type { Linear } from "./access.ts";

/** One counter of the flattened pipelined nest, outermost first, with its trip count. */
export interface FlatCounter {
  readonly counter: string;
  readonly trip: number;
}

const coef = (l: Linear, v: string): number => l.terms.get(v) ?? 0;

function sameLinearPart(a: Linear, b: Linear): boolean {
  if (a.terms.size !== b.terms.size) return false;
  for (const [v, k] of a.terms) if (coef(b, v) !== k) return false;
  return true;
}

/**
 * The smallest flat distance q - p > 0 with store address at p equal to load address at q, or undefined
 * when no iteration of the nest reads what an earlier one wrote.
 */
export function carriedDistance(
  store: readonly (Linear | undefined)[],
  load: readonly (Linear | undefined)[],
  chain: readonly FlatCounter[],
): number | undefined {
  const dims = store.map((a, d) => [a, load[d]] as const);
  if (dims.some(([a, b]) => !a || !b || !sameLinearPart(a, b))) return 1;
  const strides = chain.map((_, k) => chain.slice(k + 1).reduce((p, c) => p * c.trip, 1));
  let best: number | undefined;
  chain.forEach(({ counter, trip }, k) => {
    let delta: number | undefined;
    for (const [a, b] of dims as (readonly [Linear, Linear])[]) {
      const r = a.c - b.c;
      const c = coef(a, counter);
      if (c === 0) {
        if (r !== 0) return;
        continue;
      }
      if (r % c !== 0) return;
      const want = r / c;
      if (delta !== undefined && delta !== want) return;
      delta = want;
    }
    const step = delta ?? 1;
    if (step <= 0 || step >= trip) return;
    const dist = step * strides[k];
    if (best === undefined || dist < best) best = dist;
  });
  return best;
}
