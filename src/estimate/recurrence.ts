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

/**
 * The loads of one buffer that may read what `store` wrote in an earlier iteration, in their order:
 * carriedDistance's candidates. An unrolled body stores and loads thousands of register elements by
 * constant index, so trying every pair is quadratic; a load is left out only when carriedDistance would
 * find no distance: the same linear parts as the store, and a dimension free of the nest's counters
 * whose constant differs.
 */
export function carriedCandidates<T>(
  loads: readonly T[],
  idxOf: (t: T) => readonly (Linear | undefined)[],
  chain: readonly FlatCounter[],
): (store: readonly (Linear | undefined)[]) => readonly T[] {
  const counterFree = (l: Linear) => {
    if (l.terms.size === 0) return true;
    for (let i = 0; i < chain.length; i++) if (coef(l, chain[i].counter) !== 0) return false;
    return true;
  };
  // Built by plain loops: every load and store of an unrolled body is keyed before V8 optimizes this.
  const signature = (idx: readonly (Linear | undefined)[]): string | undefined => {
    let sig = "";
    for (let d = 0; d < idx.length; d++) {
      const l = idx[d];
      if (!l) return undefined;
      if (d > 0) sig += "|";
      let first = true;
      for (const [v, k] of l.terms) {
        sig += `${first ? "" : "+"}${v}*${k}`;
        first = false;
      }
    }
    return sig;
  };
  const constants = (idx: readonly (Linear | undefined)[]) => {
    let key = "";
    for (let d = 0; d < idx.length; d++) {
      const l = idx[d] as Linear;
      key += `${d > 0 ? "|" : ""}${counterFree(l) ? String(l.c) : ""}`;
    }
    return key;
  };
  const bySignature = new Map<string, Map<string, T[]>>();
  for (const t of loads) {
    const sig = signature(idxOf(t));
    if (sig === undefined) continue;
    let group = bySignature.get(sig);
    if (!group) bySignature.set(sig, (group = new Map()));
    const key = constants(idxOf(t));
    group.get(key)?.push(t) ?? group.set(key, [t]);
  }
  const outside = new Map<string, readonly T[]>();
  const order = new Map(loads.map((t, k) => [t, k]));
  return (store) => {
    const sig = signature(store);
    const group = sig === undefined ? undefined : bySignature.get(sig);
    if (sig === undefined || !group) return loads;
    let rest = outside.get(sig);
    if (!rest) {
      const inGroup = new Set([...group.values()].flat());
      outside.set(sig, (rest = loads.filter((t) => !inGroup.has(t))));
    }
    const same = group.get(constants(store)) ?? [];
    if (rest.length === 0) return same;
    return [...rest, ...same].sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
  };
}
