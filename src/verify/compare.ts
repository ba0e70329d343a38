// Output comparison. Equal node ids are a proof; for differing ones, both symbolic values are
// evaluated on seeded candidate inputs (random small and full-range values, NaN, +-0, +-Inf and
// integer extremes; candidates.ts) with the reference semantics. A concrete difference is a real counterexample; no difference found means the verdict is
// "unknown", never a guess in either direction.

import type { Scalar } from "../semantics/scalar.ts";
import { serialisable } from "../util/json.ts";
import { rng } from "../util/random.ts";
import type { Budget } from "./budget.ts";
import { candidate } from "./candidates.ts";
import type { Dag } from "./dag/dag.ts";
import { evaluate, reachable } from "./dag/eval.ts";
import { showNode } from "./dag/print.ts";
import { K_INPUT } from "./dag/store.ts";
import type { Output } from "./exec/run.ts";
import { elementName } from "./exec/runtime.ts";

export interface Counterexample {
  /** The first output element found to differ, e.g. "C[1][2]" (names of the first module). */
  readonly output: string;
  readonly indices: readonly number[];
  /** The element's symbolic value in the first and in the second module. */
  readonly a: string;
  readonly b: string;
  /** Inputs on which the two differ (inputs not listed do not matter), when evaluation found them. */
  readonly inputs?: Readonly<Record<string, Scalar>>;
  /** The two concrete values of the element on those inputs. */
  readonly values?: readonly [Scalar, Scalar];
}

export interface Difference {
  readonly counterexample: Counterexample;
  /** Whether `inputs` proves the difference; otherwise the values only differ symbolically. */
  readonly concrete: boolean;
  readonly tried: number;
}

/** Elements examined for a concrete difference before giving up. */
const MAX_ELEMENTS = 8;

export interface Search {
  /** Candidate input assignments per differing element. */
  readonly trials: number;
  readonly seed: number;
  /** Each evaluation costs a step per node evaluated (throws BudgetExceeded). */
  readonly budget: Budget;
}

export function firstDifference(
  D: Dag,
  outA: readonly Output[],
  outB: readonly Output[],
  inputName: (node: number) => string,
  search: Search,
): Difference | undefined {
  let first: Difference | undefined;
  let examined = 0;
  for (let k = 0; k < outA.length && examined < MAX_ELEMENTS; k++) {
    const a = outA[k].nodes;
    const b = outB[k].nodes;
    for (let i = 0; i < a.length && examined < MAX_ELEMENTS; i++) {
      if (a[i] === b[i]) continue;
      examined++;
      const d = tryElement(D, outA[k], i, a[i], b[i], inputName, { ...search, seed: search.seed + examined });
      if (d.concrete) return d;
      first ??= d;
    }
  }
  return first;
}

function tryElement(
  D: Dag,
  out: Output,
  flat: number,
  na: number,
  nb: number,
  inputName: (node: number) => string,
  { trials, seed, budget }: Search,
): Difference {
  const base: Counterexample = {
    output: elementName(out.name, out.shape, flat),
    indices: unflatten(out.shape, flat),
    a: showNode(D, na, inputName),
    b: showNode(D, nb, inputName),
  };
  const order = reachable(D, [na, nb]);
  const inputs = order.filter((n) => D.kind(n) === K_INPUT);
  const rand = rng(seed);
  for (let trial = 0; trial < trials; trial++) {
    const assigned = new Map<number, Scalar>();
    budget.spent += order.length;
    budget.check(0);
    for (const n of inputs) assigned.set(n, candidate(D.types.dtypes[D.type(n)], trial, rand));
    const vals = evaluate(D, order, (n) => assigned.get(n) as Scalar);
    const va = vals.get(na) as Scalar;
    const vb = vals.get(nb) as Scalar;
    if (!sameValue(va, vb)) {
      const named: Record<string, Scalar> = {};
      for (const n of inputs) named[inputName(n)] = assigned.get(n) as Scalar;
      return {
        counterexample: serialisable({ ...base, inputs: named, values: [va, vb] }),
        concrete: true,
        tried: trial + 1,
      };
    }
  }
  return { counterexample: serialisable(base), concrete: false, tried: trials };
}

/** Bit-exact equality: NaN equals NaN, -0 differs from +0. */
const sameValue = (x: Scalar, y: Scalar): boolean => (typeof x === "number" ? Object.is(x, y) : x === y);

function unflatten(shape: readonly number[], flat: number): number[] {
  const out: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    out.unshift(flat % shape[d]);
    flat = Math.floor(flat / shape[d]);
  }
  return out;
}
