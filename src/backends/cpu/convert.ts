// JavaScript for conversions between IR types (docs/ir-semantics.md, "Conversions"): int->int wraps,
// float->int truncates toward zero then wraps (NaN and infinities give 0), fixed<->fixed/int shifts
// the raw value (floor to fixed, truncation to int) then wraps, float->fixed floors x * 2^F, and
// anything->float rounds once to nearest even. Integer -0 (from `0 * -3` on numbers) is cleared here.

import { type ElemType, type FloatType, sameType } from "../../types/dtype.ts";
import { rangeOf, type Val, wrapB, wrapN } from "./int-ops.ts";
import {
  fitsExact,
  fracBits,
  isUnsigned,
  mulRange,
  type Range,
  rawBits,
  reprOf,
  shrRange,
  typeRange,
} from "./values.ts";

/** Rounds a double expression to a float format. */
export function roundTo(code: string, t: FloatType): string {
  return t.bits === 32 ? `Math.fround(${code})` : t.bits === 16 ? `rt.roundHalf(${code})` : code;
}

function toFloat(v: Val, from: ElemType, to: FloatType): Val {
  if (from.kind === "float") {
    return { code: from.bits <= to.bits ? v.code : roundTo(v.code, to), repr: "f" };
  }
  const f = fracBits(from);
  if (v.repr === "b") return { code: `rt.bigToFloat(${v.code}, ${f}, ${to.bits})`, repr: "f" };
  // Raw values below 2^53 and their power-of-two scalings are exact doubles: one rounding follows.
  const exact = f === 0 ? `(${v.code} + 0)` : `(${v.code} / ${2 ** f} + 0)`;
  return { code: roundTo(exact, to), repr: "f" };
}

/**
 * float -> int/index/fixed: ToInt32 truncates and wraps modulo 2^32 (NaN, ±Infinity -> 0), which is the
 * int rule; fixed point floors first, Fixed<W, 0> included (truncation would turn -1.5 into -1, not -2).
 */
function fromFloat(v: Val, to: ElemType, konst: (x: unknown) => string): Val {
  const f = fracBits(to);
  const w = rawBits(to);
  const x =
    to.kind !== "fixed" ? v.code : f === 0 ? `Math.floor(${v.code})` : `Math.floor(${v.code} * ${2 ** f})`;
  if (reprOf(to) === "n" && w <= 32) {
    const unsigned = isUnsigned(to);
    const code =
      w === 32
        ? unsigned
          ? `(${x} >>> 0)`
          : `(${x} | 0)`
        : unsigned
          ? `(${x} & ${2 ** w - 1})`
          : `((${x} << ${32 - w}) >> ${32 - w})`;
    return { code, repr: "n", range: typeRange(to) };
  }
  const call = `rt.fromFloat(${v.code}, ${konst(to)})`;
  return { code: reprOf(to) === "n" ? `Number(${call})` : call, repr: reprOf(to), range: typeRange(to) };
}

/** Range of trunc(x / 2^k) over a range. */
function truncRange(r: Range, k: number): Range {
  const d = 2n ** BigInt(k);
  return [r[0] / d, r[1] / d];
}

function intToInt(v: Val, from: ElemType, to: ElemType): Val {
  const r = rangeOf(v, from);
  const k = fracBits(to) - fracBits(from);
  const toFixed = to.kind === "fixed";
  const exact: Range =
    k > 0
      ? mulRange(r, [2n ** BigInt(k), 2n ** BigInt(k)])
      : k === 0
        ? r
        : toFixed
          ? shrRange(r, -k)
          : truncRange(r, -k);
  const target = reprOf(to);
  if (v.repr === "n" && target === "n") {
    let code = v.code;
    if (k > 0) {
      if (!fitsExact(exact)) {
        const fn = isUnsigned(to) ? "asUintN" : "asIntN";
        return {
          code: `Number(BigInt.${fn}(${rawBits(to)}, BigInt(${v.code}) << ${k}n))`,
          repr: "n",
          range: typeRange(to),
        };
      }
      code = `(${code} * ${2 ** k})`;
    } else if (k < 0) {
      code = toFixed ? `Math.floor(${code} / ${2 ** -k})` : `Math.trunc(${code} / ${2 ** -k})`;
    }
    return wrapN(code, exact, to);
  }
  const b = v.repr === "b" ? v.code : `BigInt(${v.code})`;
  const shifted =
    k > 0 ? `(${b} << ${k}n)` : k === 0 ? b : toFixed ? `(${b} >> ${-k}n)` : `(${b} / ${2n ** BigInt(-k)}n)`;
  const wrapped = wrapB(shifted, exact, to);
  if (target === "b") return wrapped;
  return { code: `Number(${wrapped.code})`, repr: "n", range: wrapped.range };
}

/** A conversion of a value of type `from` to type `to`. */
export function convertVal(v: Val, from: ElemType, to: ElemType, konst: (x: unknown) => string): Val {
  if (sameType(from, to)) return v;
  if (to.kind === "float") return toFloat(v, from, to);
  if (from.kind === "float") return fromFloat(v, to, konst);
  return intToInt(v, from, to);
}
