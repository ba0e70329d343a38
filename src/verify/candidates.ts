// Candidate inputs of the counterexample search: seeded random values (small ones find logic errors,
// full-range ones wrap and width errors) and the special values where rewrites of floats and integers
// usually go wrong: NaN, +-0, +-Inf, the largest finite value; 0, +-1, the minimum and the maximum.
// Trials rotate through four kinds, so every kind is tried for any trial count of 4 or more.

import { rawRange, roundFloat, type Scalar } from "../semantics/scalar.ts";
import type { ElemType } from "../types/dtype.ts";
import { randBig } from "../util/random.ts";

const FLOAT_EDGES = [
  Number.NaN,
  -0,
  0,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1,
  -1,
  Number.MAX_VALUE,
];

/** The edge values of a type, each once, in a fixed order. */
export function edgeValues(t: ElemType): readonly Scalar[] {
  if (t.kind === "float") {
    const top = t.bits === 16 ? 65504 : t.bits === 32 ? 3.4028234663852886e38 : Number.MAX_VALUE;
    return FLOAT_EDGES.map((x) => (x === Number.MAX_VALUE ? top : roundFloat(x, t)));
  }
  const [lo, hi] = rawRange(t);
  const xs = [0n, -1n, 1n, lo, hi, lo + 1n, hi - 1n].filter((x) => x >= lo && x <= hi);
  return [...new Set(xs)];
}

/**
 * The value of one input in one trial. Trial kinds by trial % 4: small random, full-range random, the
 * same edge value for every input (one per trial, in order), and each input independently an edge
 * value or a small one, so that a NaN meets a number.
 */
export function candidate(t: ElemType, trial: number, rand: () => number): Scalar {
  switch (trial % 4) {
    case 0:
      return randomValue(t, rand, true);
    case 1:
      return randomValue(t, rand, false);
    case 2: {
      const edges = edgeValues(t);
      return edges[(trial >> 2) % edges.length];
    }
    default: {
      if (rand() < 0.5) return randomValue(t, rand, true);
      const edges = edgeValues(t);
      return edges[Math.floor(rand() * edges.length)];
    }
  }
}

function randomValue(t: ElemType, rand: () => number, small: boolean): Scalar {
  if (t.kind === "float") {
    const x = small ? Math.floor(rand() * 17) - 8 : (rand() * 2 - 1) * 2 ** Math.floor(rand() * 12 - 4);
    return roundFloat(x, t);
  }
  let [lo, hi] = rawRange(t);
  if (small) {
    lo = lo > -8n ? lo : -8n;
    hi = hi < 8n ? hi : 8n;
  }
  return randBig(rand, lo, hi);
}
