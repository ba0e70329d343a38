// Affine analysis for the MLIR printer: which index expressions are affine in the induction variables
// of enclosing affine.for loops (so they may be written as affine maps / affine.load indices), and
// conservative integer ranges of index expressions (to prove floordiv/mod equal C's / and %, and to
// prove a load in bounds before it is evaluated speculatively by arith.select).

import type { Expr } from "../../ir/nodes.ts";

export interface Range {
  readonly lo: bigint;
  readonly hi: bigint;
}

/** What the printer knows about a loop induction variable in scope. */
export interface IvInfo {
  readonly ssa: string;
  /** Bound by an affine.for, hence a valid affine dimension. */
  readonly affine: boolean;
  readonly range?: Range;
}
export type IvEnv = ReadonlyMap<string, IvInfo>;

const min = (...xs: bigint[]): bigint => xs.reduce((a, b) => (a < b ? a : b));
const max = (...xs: bigint[]): bigint => xs.reduce((a, b) => (a > b ? a : b));

const posConst = (e: Expr): bigint | undefined =>
  e.kind === "const" && typeof e.value === "bigint" && e.value > 0n ? e.value : undefined;

/** Every index value is a 32-bit signed integer (docs/ir-semantics.md); the printer keeps it so. */
export const INDEX_RANGE: Range = { lo: -(1n << 31n), hi: (1n << 31n) - 1n };

export const inIndexRange = (r: Range | undefined): boolean =>
  r !== undefined && r.lo >= INDEX_RANGE.lo && r.hi <= INDEX_RANGE.hi;

/** A range containing every value `e` takes, for index-like expressions over ivs; else undefined. */
export function rangeOf(e: Expr, env: IvEnv): Range | undefined {
  switch (e.kind) {
    case "const":
      return typeof e.value === "bigint" ? { lo: e.value, hi: e.value } : undefined;
    case "iv":
      return env.get(e.name)?.range ?? INDEX_RANGE;
    case "cast":
      if (e.type.kind !== "index") return undefined;
      return e.value.type.kind === "index" ? rangeOf(e.value, env) : INDEX_RANGE;
    case "binary":
      if (e.type.kind !== "index") return undefined;
      return fitsIndex(e.op, e.lhs, e.rhs, env) ?? INDEX_RANGE;
    default:
      return e.type.kind === "index" ? INDEX_RANGE : undefined;
  }
}

/**
 * The range of an index operation when its exact result provably fits 32 bits (so computing it in
 * MLIR's 64-bit index type gives the IR's value); undefined when it might wrap.
 */
export function fitsIndex(op: string, lhs: Expr, rhs: Expr, env: IvEnv): Range | undefined {
  const r = binaryRange(op, lhs, rhs, env);
  return inIndexRange(r) ? r : undefined;
}

function binaryRange(op: string, lhs: Expr, rhs: Expr, env: IvEnv): Range | undefined {
  const a = rangeOf(lhs, env);
  if (!a) return undefined;
  const c = posConst(rhs);
  if (op === "/" && c !== undefined) return { lo: a.lo / c, hi: a.hi / c };
  if (op === "%" && c !== undefined) {
    return a.lo >= 0n ? { lo: 0n, hi: min(a.hi, c - 1n) } : { lo: -(c - 1n), hi: c - 1n };
  }
  const b = rangeOf(rhs, env);
  if (!b) return undefined;
  switch (op) {
    case "+":
      return { lo: a.lo + b.lo, hi: a.hi + b.hi };
    case "-":
      return { lo: a.lo - b.hi, hi: a.hi - b.lo };
    case "*": {
      const ps = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
      return { lo: min(...ps), hi: max(...ps) };
    }
    case "min":
      return { lo: min(a.lo, b.lo), hi: min(a.hi, b.hi) };
    case "max":
      return { lo: max(a.lo, b.lo), hi: max(a.hi, b.hi) };
    default:
      return undefined;
  }
}

/** Text of an affine expression and its binding strength (0 sum, 1 product, 2 atom). */
interface Affine {
  readonly text: string;
  readonly prec: 0 | 1 | 2;
}

const paren = (a: Affine, atLeast: number): string => (a.prec >= atLeast ? a.text : `(${a.text})`);

/**
 * The expression as affine text over enclosing affine ivs (named through `dim`), or undefined when it
 * is not affine. `/` and `%` become floordiv/mod only where the dividend is provably non-negative
 * and the divisor a positive constant, since there they agree with C's truncating operators.
 */
export function affineOf(e: Expr, env: IvEnv, dim: (iv: string) => string): Affine | undefined {
  switch (e.kind) {
    case "const":
      if (typeof e.value !== "bigint" || e.type.kind !== "index") return undefined;
      return { text: String(e.value), prec: e.value < 0n ? 0 : 2 };
    case "iv":
      return env.get(e.name)?.affine ? { text: dim(e.name), prec: 2 } : undefined;
    case "cast":
      return e.type.kind === "index" && e.value.type.kind === "index"
        ? affineOf(e.value, env, dim)
        : undefined;
    case "binary":
      if (e.type.kind !== "index" || !fitsIndex(e.op, e.lhs, e.rhs, env)) return undefined;
      return affineBinary(e.op, e.lhs, e.rhs, env, dim);
    default:
      return undefined;
  }
}

function affineBinary(
  op: string,
  lhs: Expr,
  rhs: Expr,
  env: IvEnv,
  dim: (iv: string) => string,
): Affine | undefined {
  const a = affineOf(lhs, env, dim);
  if (!a) return undefined;
  const c = rhs.kind === "const" && typeof rhs.value === "bigint" ? rhs.value : undefined;
  if (op === "/" || op === "%") {
    const r = rangeOf(lhs, env);
    if (c === undefined || c <= 0n || !r || r.lo < 0n) return undefined;
    return { text: `${paren(a, 1)} ${op === "/" ? "floordiv" : "mod"} ${c}`, prec: 1 };
  }
  const b = affineOf(rhs, env, dim);
  if (!b) return undefined;
  switch (op) {
    case "+":
      if (c !== undefined && c < 0n) return { text: `${a.text} - ${-c}`, prec: 0 };
      return { text: `${a.text} + ${b.text}`, prec: 0 };
    case "-":
      if (c !== undefined && c < 0n) return { text: `${a.text} + ${-c}`, prec: 0 };
      return { text: `${a.text} - ${paren(b, 1)}`, prec: 0 };
    case "*": {
      if (c !== undefined) return { text: `${paren(a, 1)} * ${c < 0n ? `(${c})` : c}`, prec: 1 };
      if (lhs.kind === "const") return { text: `${paren(b, 1)} * ${paren(a, 1)}`, prec: 1 };
      return undefined;
    }
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
  const a = affineOf(e, env, dim);
  return a ? [a.text] : undefined;
}
