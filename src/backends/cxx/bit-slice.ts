// Bit reads as ap_int bit selects: the frontend lowers `bit(x, i)` / `bits(x, lo, hi)` to `UInt<w>(x >> lo)`
// on x's bits read unsigned, and where the slice provably lies inside x this prints it as `x[lo]` or
// `x.range(lo + w - 1, lo)` (the same bits; the shift form is kept when the amount could leave x).

import { type RangeEnv, rangeOf } from "../../ir/analysis/range.ts";
import type { CastExpr, Expr } from "../../ir/nodes.ts";
import { atom } from "./convert.ts";
import { category, cType } from "./types.ts";

/** The bit-select text of a slice cast, or undefined when e is not one that provably fits. */
export function sliceText(e: CastExpr, render: (e: Expr) => string, ranges: RangeEnv): string | undefined {
  const shift = e.value;
  if (e.type.kind !== "int" || e.type.signed || shift.kind !== "binary" || shift.op !== ">>")
    return undefined;
  const W = shift.type.kind === "int" && !shift.type.signed ? shift.type.bits : 0;
  const w = e.type.bits;
  if (w >= W) return undefined;
  const r = rangeOf(shift.rhs, ranges);
  if (!r || r[0] < 0n || r[1] > BigInt(W - w)) return undefined;
  // Reading a same-width signed value unsigned changes no bit: select from the value itself.
  const inner = shift.lhs;
  const src =
    inner.kind === "cast" && inner.value.type.kind === "int" && inner.value.type.bits === W
      ? inner.value
      : inner;
  const base = category(src.type) === "ap" ? atom(render(src)) : `ap_uint<${W}>(${render(src)})`;
  const lo = render(shift.rhs);
  if (w === 1) return `(bool)${base}[${lo}]`;
  const hi =
    shift.rhs.kind === "const"
      ? String((shift.rhs.value as bigint) + BigInt(w - 1))
      : `${atom(lo)} + ${w - 1}`;
  const bitsText = `${base}.range(${hi}, ${lo})`;
  const T = cType(e.type);
  return category(e.type) === "ap" ? `${T}(${bitsText})` : `(${T})ap_uint<${w}>(${bitsText})`;
}
