// parallel(loop): mark a loop's iterations as independent (Allo's `parallel` attribute; the HLS
// emitter has no Vitis pragma for it). An annotation only: results are unchanged.

import type { Module } from "../../ir/nodes.ts";
import type { LoopRef } from "../refs.ts";
import type { PrimitiveResult } from "./result.ts";
import { setLoopAttrs } from "./util/loops.ts";

/** Sets `parallel` on the loop (a no-op when it is already set). Legality is not analysed, as in Allo. */
export function parallel(m: Module, loop: LoopRef): PrimitiveResult {
  return { module: setLoopAttrs(m, loop, "parallel", { parallel: true }) };
}
