// The one affine form of allo-ts: an integer expression as `c + sum(coef * iv)` over loop variables,
// or undefined when it is not affine. Structural by default (the schedule primitives reason about
// index shapes); given a range environment it also proves that no operation inside can wrap, so the
// form equals the expression's value (what a backend needs before computing offsets from it).
// Every user builds on it: CPU offsets and jamming, MLIR affine maps, reuseAt's sliding windows.

import { idx, idxOp, ivRef } from "../build.ts";
import type { Expr } from "../nodes.ts";
import {
  addRange,
  exactRange,
  mulRange,
  type Range,
  type RangeEnv,
  rangeOf,
  typeRange,
  within,
} from "./range.ts";

export interface Affine {
  readonly c: bigint;
  /** Coefficient per loop variable, in order of first appearance; zero coefficients are dropped. */
  readonly terms: ReadonlyMap<string, bigint>;
}

export const constAffine = (c: bigint): Affine => ({ c, terms: new Map() });

/** a + k * b. */
export function combineAffine(a: Affine, b: Affine, k: bigint): Affine {
  const terms = new Map(a.terms);
  for (const [v, x] of b.terms) {
    const n = (terms.get(v) ?? 0n) + k * x;
    if (n === 0n) terms.delete(v);
    else terms.set(v, n);
  }
  return { c: a.c + k * b.c, terms };
}

export const scaleAffine = (a: Affine, k: bigint): Affine => combineAffine(constAffine(0n), a, k);

const integral = (e: Expr): boolean => e.type.kind === "index" || e.type.kind === "int";

/**
 * The affine form of an integer or index expression: constants, loop variables, integer casts, and
 * + - and * by a constant of those. With `exact`, every operation and cast must provably keep its
 * exact value (no wrap) under the ranges of the environment; otherwise the form is structural.
 */
export function affineOf(e: Expr, exact?: RangeEnv): Affine | undefined {
  return walk(e, exact)?.form;
}

/** The exact affine form of an expression and the range of its value (what offsets are computed from). */
export function exactAffine(e: Expr, env: RangeEnv): { form: Affine; range: Range } | undefined {
  const w = walk(e, env);
  return w?.range ? { form: w.form, range: w.range } : undefined;
}

/**
 * One bottom-up pass: the form, and with an environment the exact range of every node, which must
 * stay inside the node's type (so the result is linear in the children's ranges, never O(depth^2)).
 */
function walk(e: Expr, env: RangeEnv | undefined): { form: Affine; range?: Range } | undefined {
  if (!integral(e)) return undefined;
  const fits = (r: Range | undefined) => r === undefined || within(r, typeRange(e.type));
  switch (e.kind) {
    case "const":
      if (typeof e.value !== "bigint") return undefined;
      return { form: constAffine(e.value), ...(env && { range: [e.value, e.value] as Range }) };
    case "iv":
      return { form: { c: 0n, terms: new Map([[e.name, 1n]]) }, ...(env && { range: rangeOf(e, env) }) };
    case "cast": {
      const w = integral(e.value) ? walk(e.value, env) : undefined;
      return w && fits(w.range) ? w : undefined;
    }
    case "binary": {
      if (e.op !== "+" && e.op !== "-" && e.op !== "*") return undefined;
      const a = walk(e.lhs, env);
      const b = a && walk(e.rhs, env);
      if (!a || !b) return undefined;
      const range = a.range && b.range ? exactRange(e.op, a.range, b.range) : undefined;
      if (!fits(range)) return undefined;
      const form =
        e.op !== "*"
          ? combineAffine(a.form, b.form, e.op === "-" ? -1n : 1n)
          : a.form.terms.size === 0
            ? scaleAffine(b.form, a.form.c)
            : b.form.terms.size === 0
              ? scaleAffine(a.form, b.form.c)
              : undefined;
      return form && { form, ...(range && { range }) };
    }
    default:
      return undefined;
  }
}

/** The range of an affine form's value when its loop variables range as in `env` (unknown: undefined). */
export function affineRange(a: Affine, env: RangeEnv): Range | undefined {
  let r: Range = [a.c, a.c];
  for (const [v, k] of a.terms) {
    const x = env.get(v);
    if (!x) return undefined;
    r = addRange(r, mulRange(x, [k, k]));
  }
  return r;
}

/** The index expression of an affine form (terms first, then the constant). */
export function exprOfAffine(a: Affine): Expr {
  let e: Expr | undefined;
  for (const [v, k] of a.terms) {
    const t = k === 1n ? ivRef(v) : idxOp("*", idx(k), ivRef(v));
    e = e ? idxOp("+", e, t) : t;
  }
  if (!e) return idx(a.c);
  return a.c === 0n ? e : a.c > 0n ? idxOp("+", e, idx(a.c)) : idxOp("-", e, idx(-a.c));
}
