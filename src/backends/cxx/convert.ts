// Conversions between IR types as C++ text, exactly as `convert` in src/semantics/scalar.ts: integers
// wrap (C casts; to bool keeps bit 0), floats to integers truncate then wrap (allo_f2i), fixed point
// quantizes toward -inf and wraps (ap_fixed conversions), fixed to integer truncates toward zero
// (to_ap_int_base), and anything to float rounds once (allo_i2f for raw values wider than a double).

import { AlloError } from "../../diagnostics/error.ts";
import { type ElemType, sameType, typeName } from "../../types/dtype.ts";
import type { Helper } from "./prelude.ts";
import { category, cType, signedOf, widthOf } from "./types.ts";

/** `x` when it can take a postfix or a cast prefix as it is, else `(x)`. */
export function atom(x: string): string {
  if (/^[A-Za-z_][\w]*(\[[^[\]]*\])*$/.test(x) || /^-?[\d.]+[a-zA-Z]*$/.test(x)) return x;
  if (x.startsWith("(") && closingParen(x) === x.length - 1) return x;
  if (/^[A-Za-z_][\w:<>, ]*\(/.test(x) && closingParen(x, x.indexOf("(")) === x.length - 1) return x;
  return `(${x})`;
}

/** `x` without one pair of parentheses around all of it (where the context delimits it anyway). */
export const bare = (x: string): string =>
  x.startsWith("(") && closingParen(x) === x.length - 1 ? x.slice(1, -1) : x;

function closingParen(x: string, from = 0): number {
  let depth = 0;
  for (let i = from; i < x.length; i++) {
    if (x[i] === "(") depth++;
    else if (x[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

/** Bits the reduced significand keeps before the one rounding: the target's precision plus 2. */
const KEEP: Readonly<Record<string, number>> = { half: 13, float: 26, double: 55 };

/** `x` (C++ of IR type `from`) converted to IR type `to`, as C++ whose type is exactly cType(to). */
export function castText(x: string, from: ElemType, to: ElemType, helpers: Set<Helper>): string {
  if (sameType(from, to)) return x;
  const cf = category(from);
  const ct = category(to);
  const T = cType(to);
  const a = atom(x);
  const isInt = cf === "bool" || cf === "native" || cf === "ap";
  const isFloat = cf === "float" || cf === "half";
  switch (ct) {
    case "bool":
      if (isInt) return `(bool)(${a} & 1)`;
      if (cf === "fixed") return `(bool)(${a}.to_ap_int_base() & 1)`;
      helpers.add("f2i");
      return `(bool)(allo_f2i<uint64_t>(${a}) & 1)`;
    case "native":
    case "ap":
      if (isInt) return `(${T})${a}`;
      if (cf === "fixed") return `(${T})${a}.to_ap_int_base()`;
      if (ct === "ap" && widthOf(to) > 64) {
        helpers.add("f2i_wide");
        return `allo_f2i_wide<${T}, ${widthOf(to)}>(${a})`;
      }
      helpers.add("f2i");
      if (ct === "ap")
        return `(${T})allo_f2i<${to.kind !== "float" && to.kind !== "index" && to.signed ? "int64_t" : "uint64_t"}>(${a})`;
      return `allo_f2i<${T}>(${a})`;
    case "fixed":
      return isFloat ? `(${T})(double)${a}` : `(${T})${a}`;
    case "float":
    case "half": {
      if (cf === "ap" || cf === "fixed") {
        const w = widthOf(from);
        if (w > 53) {
          // Rounded once, like the reference: to_double() would round to 53 bits first.
          helpers.add("i2f");
          const raw =
            cf === "fixed" ? `ap_${signedOf(from) ? "" : "u"}int<${w}>(${a}.range(${w - 1}, 0))` : a;
          const frac = from.kind === "fixed" ? from.frac : 0;
          return `allo_i2f<${T}, ${w}, ${KEEP[T]}>(${raw}, ${frac})`;
        }
        return T === "double" ? `${a}.to_double()` : `(${T})${a}.to_double()`;
      }
      if (isInt || isFloat) return `(${T})${a}`;
      break;
    }
  }
  throw new AlloError("AL5007", `the HLS backend cannot convert ${typeName(from)} to ${typeName(to)}`);
}
