// dataflow(fn | loop): let the statements of a function body or a loop body run as concurrent
// processes in hardware (Allo's `dataflow` attribute, `#pragma HLS dataflow`). An annotation only:
// the sequential semantics, and so every result, are unchanged.

import type { Module } from "../../ir/nodes.ts";
import type { LoopRef } from "../refs.ts";
import type { PrimitiveResult } from "./result.ts";
import { getFunc, setLoopAttrs, withFunc } from "./util/loops.ts";

const P = "dataflow";

/** Sets FuncAttrs.dataflow on a function (by name) or LoopAttrs.dataflow on a loop; idempotent. */
export function dataflow(m: Module, target: string | LoopRef): PrimitiveResult {
  if (typeof target !== "string") return { module: setLoopAttrs(m, target, P, { dataflow: true }) };
  const f = getFunc(m, target, P);
  if (f.attrs.dataflow) return { module: m };
  return { module: withFunc(m, { ...f, attrs: { ...f.attrs, dataflow: true } }) };
}
