// JavaScript for integer, index and fixed-point operations (raw values), exact per
// docs/ir-semantics.md. Every result carries the range of the value it computes: an operation whose
// exact result provably fits its type skips the wrap, and numbers are used only where every
// intermediate provably stays below 2^53; otherwise Math.imul (32-bit products), the split multiply of
// exact-doubles.ts (33..53-bit products) or BigInt does the work.

import {
  addRange,
  andRange,
  bitNotRange,
  divRange,
  hull,
  magnitude,
  maxRange,
  minRange,
  mulRange,
  negRange,
  orRange,
  type Range,
  remRange,
  shrRange,
  subRange,
  typeRange,
  within,
} from "../../ir/analysis/range.ts";
import type { ElemType } from "../../types/dtype.ts";
import type { BinaryOp } from "../../types/typing-rules.ts";
import { splitMul, type Temps, wrapDouble } from "./exact-doubles.ts";
import { fitsExact, fracBits, intLiteral, isUnsigned, type Repr, rawBits } from "./values.ts";

/** A compiled expression: its code, how it is held, and for integers the range of its value. */
export interface Val {
  readonly code: string;
  readonly repr: Repr;
  readonly range?: Range;
  /** For bool-valued expressions, a JS boolean expression (used by conditions). */
  readonly cond?: string;
  /**
   * For a wrapped 33..53-bit result: the exact number before its wrap (congruent modulo 2^W) and its
   * range, which + - * may use instead, since they wrap their own result anyway.
   */
  readonly loose?: { readonly code: string; readonly range: Range };
}

export const INT32: Range = [-(2n ** 31n), 2n ** 31n - 1n];
const SIMPLE = /^(?:[A-Za-z_$][\w$]*|\(?-?\d+n?\)?)$/;

/** Range of a Val known to be an integer (falls back to its type's). */
export const rangeOf = (v: Val, t: ElemType): Range => v.range ?? typeRange(t);

/**
 * Wraps an exact number-held integer (|x| <= 2^53, or any int32-congruent value when W <= 32) to t.
 * `exact` is the range of the value before wrapping; nothing is emitted when it already fits. Past 32
 * bits the wrap is inline given temps (exact-doubles.ts), a run-time helper call without.
 */
export function wrapN(code: string, exact: Range, t: ElemType, tmp?: Temps): Val {
  const tr = typeRange(t);
  if (within(exact, tr)) return { code, repr: "n", range: exact };
  const w = rawBits(t);
  const unsigned = isUnsigned(t);
  let out: string;
  if (w === 32) out = unsigned ? `(${code} >>> 0)` : `(${code} | 0)`;
  else if (w < 32) out = unsigned ? `(${code} & ${2 ** w - 1})` : `((${code} << ${32 - w}) >> ${32 - w})`;
  else if (tmp)
    return { code: wrapDouble(code, exact, t, tmp), repr: "n", range: tr, loose: { code, range: exact } };
  else out = `rt.${unsigned ? "wrapU" : "wrapS"}(${code}, ${w})`;
  return { code: out, repr: "n", range: tr };
}

/** Wraps an exact BigInt to t (nothing emitted when the range already fits). */
export function wrapB(code: string, exact: Range, t: ElemType): Val {
  const tr = typeRange(t);
  if (within(exact, tr)) return { code, repr: "b", range: exact };
  const fn = isUnsigned(t) ? "asUintN" : "asIntN";
  return { code: `BigInt.${fn}(${rawBits(t)}, ${code})`, repr: "b", range: tr };
}

/** An exact BigInt computation whose wrapped result is wanted as a number (t has <= 53 bits). */
function bigToN(bigCode: string, t: ElemType): Val {
  const fn = isUnsigned(t) ? "asUintN" : "asIntN";
  return { code: `Number(BigInt.${fn}(${rawBits(t)}, ${bigCode}))`, repr: "n", range: typeRange(t) };
}

const big = (v: Val): string =>
  v.repr === "b" ? v.code : /^\d+$/.test(v.code) ? `${v.code}n` : `BigInt(${v.code})`;
/** A BigInt-held value whose range is known to be small, as a number. */
const num = (v: Val): string =>
  v.repr !== "b" ? v.code : /^\d+n$/.test(v.code) ? v.code.slice(0, -1) : `Number(${v.code})`;

/** Evaluates a then b once each, in order, naming them when b is not a plain name or literal. */
function ordered(a: Val, b: Val, tmp: Temps): { pre: string; a: string; b: string } {
  if (SIMPLE.test(b.code)) return { pre: "", a: a.code, b: b.code };
  const ta = tmp.temp();
  const tb = tmp.temp();
  return { pre: `${ta} = ${a.code}, ${tb} = ${b.code}, `, a: ta, b: tb };
}

const exactRange = (op: "+" | "-" | "*", ra: Range, rb: Range): Range =>
  op === "+" ? addRange(ra, rb) : op === "-" ? subRange(ra, rb) : mulRange(ra, rb);

/**
 * The operands' loose forms where they keep + - or a split * exact (a fixed-point product shifts, which
 * congruence does not survive). The result then wraps: its range is at least as wide as a loose one's,
 * wider than t's.
 */
function preferLoose(op: "+" | "-" | "*", a: Val, b: Val, ra: Range, rb: Range, f: number) {
  const same = { a, b, ra, rb };
  if (!a.loose && !b.loose) return same;
  if (op === "*" && (f > 0 || fitsExact(mulRange(ra, rb)))) return same;
  const la = a.loose ?? { code: a.code, range: ra };
  const lb = b.loose ?? { code: b.code, range: rb };
  if (op !== "*" && !fitsExact(exactRange(op, la.range, lb.range))) return same;
  const val = (l: { code: string; range: Range }): Val => ({ code: l.code, repr: "n", range: l.range });
  return { a: val(la), b: val(lb), ra: la.range, rb: lb.range };
}

function arith(op: "+" | "-" | "*", x: Val, y: Val, t: ElemType, rx: Range, ry: Range, tmp: Temps): Val {
  const f = fracBits(t);
  const { a, b, ra, rb } = x.repr === "b" ? { a: x, b: y, ra: rx, rb: ry } : preferLoose(op, x, y, rx, ry, f);
  const raw = exactRange(op, ra, rb);
  const exact = op === "*" && f > 0 ? shrRange(raw, f) : raw;
  if (a.repr === "b") {
    const code = op === "*" && f > 0 ? `((${a.code} * ${b.code}) >> ${f}n)` : `(${a.code} ${op} ${b.code})`;
    return wrapB(code, exact, t);
  }
  if (fitsExact(raw)) {
    let code = `(${a.code} ${op} ${b.code})`;
    if (op === "*" && f > 0)
      code = within(raw, INT32) ? `(${code} >> ${f})` : `Math.floor(${code} / ${2 ** f})`;
    return wrapN(code, exact, t, tmp);
  }
  if (op === "*" && f === 0 && rawBits(t) <= 32) return wrapN(`Math.imul(${a.code}, ${b.code})`, INT32, t);
  if (op === "*" && f === 0) {
    const { code, loose } = splitMul(a.code, b.code, ra, rb, t, tmp);
    const w = 2n ** BigInt(rawBits(t));
    return { code, repr: "n", range: typeRange(t), loose: { code: loose, range: [-w, w] } };
  }
  const prod = `(${big(a)} ${op} ${big(b)})`;
  return bigToN(op === "*" && f > 0 ? `(${prod} >> ${f}n)` : prod, t);
}

function divide(op: "/" | "%", a: Val, b: Val, t: ElemType, ra: Range, rb: Range, tmp: Temps): Val {
  const zero = a.repr === "b" ? "0n" : "0";
  const mayBeZero = rb[0] <= 0n && rb[1] >= 0n;
  const o = mayBeZero ? ordered(a, b, tmp) : { pre: "", a: a.code, b: b.code };
  const guard = (q: string) => (mayBeZero ? `(${o.pre}${o.b} === ${zero} ? ${zero} : ${q})` : q);
  const exact = op === "/" ? divRange(ra, rb) : remRange(ra, rb);
  if (a.repr === "b") return wrapB(guard(`(${o.a} ${op} ${o.b})`), exact, t);
  if (op === "%") return wrapN(guard(`(${o.a} % ${o.b})`), exact, t, tmp);
  // Below 2^51 the double quotient cannot round across an integer, so truncating it is exact.
  const safe = magnitude(ra) <= 2n ** 51n && magnitude(rb) <= 2n ** 51n;
  const q = safe ? `Math.trunc(${o.a} / ${o.b})` : `Number(BigInt(${o.a}) / BigInt(${o.b}))`;
  return wrapN(guard(q), exact, t, tmp);
}

function minMax(op: "min" | "max", a: Val, b: Val, ra: Range, rb: Range, tmp: Temps): Val {
  const range = op === "min" ? minRange(ra, rb) : maxRange(ra, rb);
  if (a.repr === "n") return { code: `Math.${op}(${a.code}, ${b.code})`, repr: "n", range };
  const ta = tmp.temp();
  const tb = tmp.temp();
  const cmp = op === "min" ? "<" : ">";
  return {
    code: `(${ta} = ${a.code}, ${tb} = ${b.code}, ${ta} ${cmp} ${tb} ? ${ta} : ${tb})`,
    repr: "b",
    range,
  };
}

function bitwise(op: "&" | "|" | "^", a: Val, b: Val, t: ElemType, ra: Range, rb: Range): Val {
  const tr = typeRange(t);
  const range = op === "&" ? andRange(ra, rb, tr) : orRange(ra, rb, tr);
  // Two's-complement bitwise results of in-range operands are in range: no wrap is ever needed.
  if (a.repr === "b") return { code: `(${a.code} ${op} ${b.code})`, repr: "b", range };
  const w = rawBits(t);
  if (w > 32) return { code: `Number(${big(a)} ${op} ${big(b)})`, repr: "n", range };
  const code = `(${a.code} ${op} ${b.code})`;
  return { code: w === 32 && isUnsigned(t) ? `(${code} >>> 0)` : code, repr: "n", range };
}

/** Shift by an amount of any integer type, clamped to [0, W] (docs/ir-semantics.md). */
export function shift(op: "<<" | ">>", a: Val, s: Val, t: ElemType, ra: Range, rs: Range, tmp: Temps): Val {
  const w = rawBits(t);
  const unsigned = isUnsigned(t);
  const tr = typeRange(t);
  if (rs[0] < 0n || rs[1] >= BigInt(w)) {
    const amount = num(s);
    const fn = a.repr === "b" ? (op === "<<" ? "shlB" : "shrB") : op === "<<" ? "shlN" : "shrN";
    return { code: `rt.${fn}(${a.code}, ${amount}, ${w}, ${!unsigned})`, repr: a.repr, range: tr };
  }
  const [lo, hi] = [Number(rs[0]), Number(rs[1])];
  const sn = num(s);
  if (op === ">>") {
    const range = hull([...shrRange(ra, lo), ...shrRange(ra, hi)]);
    if (a.repr === "b") return { code: `(${a.code} >> ${big(s)})`, repr: "b", range };
    if (w <= 32) return { code: `(${a.code} ${unsigned ? ">>>" : ">>"} ${sn})`, repr: "n", range };
    return { code: `Math.floor(${a.code} / 2 ** ${sn})`, repr: "n", range };
  }
  const exact = mulRange(ra, [2n ** BigInt(lo), 2n ** BigInt(hi)]);
  if (a.repr === "b") return wrapB(`(${a.code} << ${big(s)})`, exact, t);
  if (w <= 32) {
    const code = `(${a.code} << ${sn})`;
    return w < 32 && within(exact, tr) ? { code, repr: "n", range: exact } : wrapN(code, INT32, t);
  }
  if (fitsExact(exact)) return wrapN(`(${a.code} * 2 ** ${sn})`, exact, t, tmp);
  return bigToN(`(${big(a)} << ${big(s)})`, t);
}

const COMPARE: Partial<Record<BinaryOp, string>> = {
  "==": "===",
  "!=": "!==",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
};

/** A comparison of two values of one type: a bool. */
export function compare(op: BinaryOp, a: Val, b: Val): Val {
  const cond = `${a.code} ${COMPARE[op]} ${b.code}`;
  return { code: `(${cond} ? 1 : 0)`, repr: "n", range: [0n, 1n], cond };
}

/** One binary operation on integer-like operands of type t (the shift amount may have any int type). */
export function intBinary(op: BinaryOp, a: Val, b: Val, t: ElemType, bType: ElemType, tmp: Temps): Val {
  const ra = rangeOf(a, t);
  const rb = rangeOf(b, bType);
  switch (op) {
    case "+":
    case "-":
    case "*":
      return arith(op, a, b, t, ra, rb, tmp);
    case "/":
    case "%":
      return divide(op, a, b, t, ra, rb, tmp);
    case "min":
    case "max":
      return minMax(op, a, b, ra, rb, tmp);
    case "&":
    case "|":
    case "^":
      return bitwise(op, a, b, t, ra, rb);
    case "<<":
    case ">>":
      return shift(op, a, b, t, ra, rb, tmp);
    default:
      return compare(op, a, b);
  }
}

export function intNegate(a: Val, t: ElemType, tmp: Temps): Val {
  const exact = negRange(rangeOf(a, t));
  return a.repr === "b" ? wrapB(`(-${a.code})`, exact, t) : wrapN(`(-${a.code})`, exact, t, tmp);
}

export function intBitNot(a: Val, t: ElemType, tmp: Temps): Val {
  const exact = bitNotRange(rangeOf(a, t));
  if (a.repr === "b") return wrapB(`(~${a.code})`, exact, t);
  if (!isUnsigned(t) && rawBits(t) <= 32) return { code: `(~${a.code})`, repr: "n", range: exact };
  return wrapN(`(-1 - ${a.code})`, exact, t, tmp);
}

export const intConst = (v: bigint, r: Repr): Val => ({ code: intLiteral(v, r), repr: r, range: [v, v] });
