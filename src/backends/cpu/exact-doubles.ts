// Inline JavaScript for 33..53-bit integer arithmetic held in doubles, exact without BigInt or helper
// calls. Dividing by a power of two, Math.floor and multiplying back by the power are exact for
// integers below 2^53, and so is any subtraction whose exact result is such an integer.

import { magnitude, type Range } from "../../ir/analysis/range.ts";
import type { ElemType } from "../../types/dtype.ts";
import { EXACT, isUnsigned, rawBits } from "./values.ts";

/** Fresh temporaries for code that must evaluate an operand once. */
export interface Temps {
  temp(): string;
}

const NAME = /^[A-Za-z_$][\w$]*$/;

/** Names `code` (a temp) unless it already is a name; `pre` assigns the temp. */
function named(code: string, tmp: Temps): { pre: string; x: string } {
  if (NAME.test(code)) return { pre: "", x: code };
  const x = tmp.temp();
  return { pre: `${x} = ${code}, `, x };
}

/**
 * floor(x / 2^k + 1/2) for a name x of magnitude at most `mag`: Math.floor((x + 2^(k-1)) / 2^k) when the
 * sum is exact (V8 runs it several times faster than Math.round), Math.round(x / 2^k) otherwise.
 */
function roundDiv(x: string, k: number, mag: bigint): string {
  if (mag + 2n ** BigInt(k - 1) <= EXACT) return `Math.floor((${x} + ${2 ** (k - 1)}) / ${2 ** k})`;
  return `Math.round(${x} / ${2 ** k})`;
}

/**
 * x mod 2^W as t holds it, for a name x of magnitude at most `mag` (<= 2^53): x - 2^W * q with q the
 * rounded quotient lands in [-2^(W-1), 2^(W-1)), with the floored one in [0, 2^W).
 */
function wrapName(x: string, mag: bigint, t: ElemType): string {
  const w = rawBits(t);
  const q = isUnsigned(t) ? `Math.floor(${x} / ${2 ** w})` : roundDiv(x, w, mag);
  return `${x} - ${q} * ${2 ** w}`;
}

/** The inline two's-complement wrap to t of an exact number-held integer in the range `exact`. */
export function wrapDouble(code: string, exact: Range, t: ElemType, tmp: Temps): string {
  const { pre, x } = named(code, tmp);
  return `(${pre}${wrapName(x, magnitude(exact), t)})`;
}

/**
 * The low W bits of a * b (number-held integers, 33 <= W <= 53) wrapped to t, and `loose`: before the
 * final wrap, an exact number congruent to it with |v| <= 2^W. Each operand splits at L = ceil(W/2)
 * into balanced halves, x = h * 2^L + l with |l| <= 2^(L-1) and |h| <= 2^(53-L), so every partial
 * product is at most 2^52 and exact. h_a * h_b * 2^2L is 0 mod 2^W (2L >= W); the cross sum (at most
 * 2^53) is reduced to a balanced residue mod 2^(W-L) before it is scaled by 2^L, which leaves
 * |v| <= 2^(W-1) + 2^(2L-2) <= 2^W.
 */
export function splitMul(
  a: string,
  b: string,
  ra: Range,
  rb: Range,
  t: ElemType,
  tmp: Temps,
): { code: string; loose: string } {
  const w = rawBits(t);
  const half = Math.ceil(w / 2);
  const sL = 2 ** half;
  const lo = 2n ** BigInt(half - 1);
  const [la, lb, ha, hb] = [tmp.temp(), tmp.temp(), tmp.temp(), tmp.temp()];
  const split = (x: string, h: string, l: string, r: Range) =>
    `${l} = ${x}, ${h} = ${roundDiv(l, half, magnitude(r))}, ${l} = ${l} - ${h} * ${sL}`;
  const highs = (r: Range) => (magnitude(r) + lo) / 2n ** BigInt(half);
  const cross = (highs(ra) + highs(rb)) * lo;
  const v =
    `${split(a, ha, la, ra)}, ${split(b, hb, lb, rb)}, ${ha} = ${ha} * ${lb} + ${la} * ${hb}, ` +
    `${ha} = (${ha} - ${roundDiv(ha, w - half, cross)} * ${2 ** (w - half)}) * ${sL} + ${la} * ${lb}`;
  return { code: `(${v}, ${wrapName(ha, 2n ** BigInt(w), t)})`, loose: `(${v})` };
}
