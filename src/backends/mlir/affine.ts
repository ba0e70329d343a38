// Affine maps for the MLIR printer: which index expressions are (quasi-)affine in the induction
// variables of enclosing affine.for loops, as affine-map text (for affine.load/store indices and
// affine.for bounds). The linear part and every range come from the shared analyses in src/ir/analysis;
// the printer's own policy is MLIR's: IR index values are 32-bit while MLIR's index is 64-bit, so an
// operation may be computed in index only when its exact result provably fits 32 bits.

import { type Affine, affineOf } from "../../ir/analysis/affine.ts";
import { fitsExactly, type Range, type RangeEnv, rangeOf as sharedRange } from "../../ir/analysis/range.ts";
import type { BinaryExpr, Expr } from "../../ir/nodes.ts";

/** What the printer knows about a loop induction variable in scope. */
export interface IvInfo {
  readonly ssa: string;
  /** Bound by an affine.for, hence a valid affine dimension. */
  readonly affine: boolean;
  readonly range?: Range;
}
export type IvEnv = ReadonlyMap<string, IvInfo>;

/** The loop-variable ranges of `env` as a range environment of the shared analysis. */
export const ivRanges = (env: IvEnv): RangeEnv => ({ get: (iv) => env.get(iv)?.range });

/** A range containing every value `e` takes (loop variables ranging as recorded in `env`). */
export const rangeOf = (e: Expr, env: IvEnv): Range | undefined => sharedRange(e, ivRanges(env));

/** Whether a binary index operation's exact result provably fits 32 bits (so 64-bit index computes it). */
export const fitsIndex = (e: BinaryExpr, env: IvEnv): boolean => fitsExactly(e, ivRanges(env));

/** Text of an affine expression and its binding strength (0 sum, 1 product, 2 atom). */
interface AffineText {
  readonly text: string;
  readonly prec: 0 | 1 | 2;
}

const paren = (a: AffineText, atLeast: number): string => (a.prec >= atLeast ? a.text : `(${a.text})`);

/** `d0 * 4 + d1 - 1`: the terms in order of first appearance, then the constant (`16 - d0 * 3` first). */
function linearText(a: Affine, dim: (iv: string) => string): AffineText {
  const first = [...a.terms.values()][0];
  if (first === undefined) return { text: String(a.c), prec: a.c < 0n ? 0 : 2 };
  // A positive constant leads a form whose first term is negative, as split's bounds read.
  let text = first < 0n && a.c > 0n ? String(a.c) : "";
  for (const [v, k] of a.terms) {
    const mag = k < 0n ? -k : k;
    const term = mag === 1n ? dim(v) : `${dim(v)} * ${mag}`;
    if (text === "") text = k < 0n ? `${dim(v)} * ${k}` : term;
    else text = `${text} ${k < 0n ? "-" : "+"} ${term}`;
  }
  if (a.c !== 0n && !(first < 0n && a.c > 0n))
    text = `${text} ${a.c < 0n ? "-" : "+"} ${a.c < 0n ? -a.c : a.c}`;
  const atom = a.c === 0n && a.terms.size === 1 && first === 1n;
  return { text, prec: atom ? 2 : a.c === 0n && a.terms.size === 1 ? 1 : 0 };
}

/**
 * The expression as affine text over enclosing affine ivs (named through `dim`), or undefined when it
 * is not affine. Exact linear forms print from the shared affine form; `/` and `%` become floordiv/mod
 * only where the dividend is provably non-negative and the divisor a positive constant, since there
 * they agree with C's truncating operators, and sums and constant multiples of those stay affine.
 */
export function affineText(e: Expr, env: IvEnv, dim: (iv: string) => string): AffineText | undefined {
  if (e.type.kind !== "index") return undefined;
  const lin = affineOf(e, ivRanges(env));
  if (lin) return [...lin.terms.keys()].every((v) => env.get(v)?.affine) ? linearText(lin, dim) : undefined;
  if (e.kind === "cast" && e.value.type.kind === "index") return affineText(e.value, env, dim);
  if (e.kind !== "binary" || !fitsIndex(e, env)) return undefined;
  const a = affineText(e.lhs, env, dim);
  if (!a) return undefined;
  const c = e.rhs.kind === "const" && typeof e.rhs.value === "bigint" ? e.rhs.value : undefined;
  if (e.op === "/" || e.op === "%") {
    const r = rangeOf(e.lhs, env);
    if (c === undefined || c <= 0n || !r || r[0] < 0n) return undefined;
    return { text: `${paren(a, 1)} ${e.op === "/" ? "floordiv" : "mod"} ${c}`, prec: 1 };
  }
  const b = affineText(e.rhs, env, dim);
  if (!b) return undefined;
  switch (e.op) {
    case "+":
      if (c !== undefined && c < 0n) return { text: `${a.text} - ${-c}`, prec: 0 };
      return { text: `${a.text} + ${b.text}`, prec: 0 };
    case "-":
      if (c !== undefined && c < 0n) return { text: `${a.text} + ${-c}`, prec: 0 };
      return { text: `${a.text} - ${paren(b, 1)}`, prec: 0 };
    case "*":
      if (c !== undefined) return { text: `${paren(a, 1)} * ${c < 0n ? `(${c})` : c}`, prec: 1 };
      if (e.lhs.kind === "const") return { text: `${paren(b, 1)} * ${paren(a, 1)}`, prec: 1 };
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The results of an affine bound: a lower bound may be a `max` of affine expressions, an upper bound
 * a `min` (exactly what affine.for's `max`/`min` maps mean). Undefined when not expressible.
 */
export function boundResults(
  e: Expr,
  combine: "min" | "max",
  env: IvEnv,
  dim: (iv: string) => string,
): string[] | undefined {
  if (e.kind === "binary" && e.op === combine && e.type.kind === "index") {
    const l = boundResults(e.lhs, combine, env, dim);
    const r = l && boundResults(e.rhs, combine, env, dim);
    return l && r ? [...l, ...r] : undefined;
  }
  const a = affineText(e, env, dim);
  return a ? [a.text] : undefined;
}
