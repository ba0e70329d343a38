// inline(fn): mark a function to be inlined into its callers (Allo's `inline` attribute,
// `#pragma HLS inline`). An annotation only: the module's calls and results are unchanged.

import type { Module } from "../../ir/nodes.ts";
import type { PrimitiveResult } from "./result.ts";
import { getFunc, withFunc } from "./util/loops.ts";

/** Sets FuncAttrs.inline on `fn` (AL3012 when there is no such function); a no-op when already set. */
export function inline(m: Module, fn: string): PrimitiveResult {
  const f = getFunc(m, fn, "inline");
  if (f.attrs.inline) return { module: m };
  return { module: withFunc(m, { ...f, attrs: { ...f.attrs, inline: true } }) };
}
