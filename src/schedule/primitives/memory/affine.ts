// Affine index expressions as linear forms `c + sum(coef * iv)`, for the primitives that reason about
// sliding windows and offsets (reuseAt). Only exact integer forms: a non-affine index is undefined.

import { idx, idxOp, ivRef } from "../../../ir/build.ts";
import type { Expr } from "../../../ir/nodes.ts";

export interface Linear {
  readonly c: number;
  /** Coefficient per loop variable, in order of first appearance; zero coefficients are dropped. */
  readonly terms: ReadonlyMap<string, number>;
}

export function linear(e: Expr): Linear | undefined {
  switch (e.kind) {
    case "const":
      return typeof e.value === "bigint" ? { c: Number(e.value), terms: new Map() } : undefined;
    case "iv":
      return { c: 0, terms: new Map([[e.name, 1]]) };
    case "cast":
      return e.type.kind === "index" || e.type.kind === "int" ? linear(e.value) : undefined;
    case "binary": {
      const a = linear(e.lhs);
      const b = linear(e.rhs);
      if (!a || !b) return undefined;
      if (e.op === "+") return combine(a, b, 1);
      if (e.op === "-") return combine(a, b, -1);
      if (e.op === "*" && a.terms.size === 0) return scale(b, a.c);
      if (e.op === "*" && b.terms.size === 0) return scale(a, b.c);
      return undefined;
    }
    default:
      return undefined;
  }
}

export function combine(a: Linear, b: Linear, sign: 1 | -1): Linear {
  const terms = new Map(a.terms);
  for (const [v, k] of b.terms) {
    const n = (terms.get(v) ?? 0) + sign * k;
    if (n === 0) terms.delete(v);
    else terms.set(v, n);
  }
  return { c: a.c + sign * b.c, terms };
}

function scale(a: Linear, k: number): Linear {
  if (k === 0) return { c: 0, terms: new Map() };
  return { c: a.c * k, terms: new Map([...a.terms].map(([v, x]) => [v, x * k])) };
}

/** The index expression of a linear form (terms first, then the constant). */
export function fromLinear(l: Linear): Expr {
  let e: Expr | undefined;
  for (const [v, k] of l.terms) {
    const t = k === 1 ? ivRef(v) : idxOp("*", idx(k), ivRef(v));
    e = e ? idxOp("+", e, t) : t;
  }
  if (!e) return idx(l.c);
  return l.c === 0 ? e : l.c > 0 ? idxOp("+", e, idx(l.c)) : idxOp("-", e, idx(-l.c));
}
