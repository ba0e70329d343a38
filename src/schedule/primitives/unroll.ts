// unroll(loop, factor): mark a loop for unrolling (Allo's `unroll` attribute, `#pragma HLS unroll`).
// An annotation only: the loop nest and its results are unchanged.

import type { Module } from "../../ir/nodes.ts";
import type { LoopRef } from "../refs.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { getLoop, setLoopAttrs } from "./util/loops.ts";

const P = "unroll";

/**
 * Sets `unroll = factor` on the loop; factor 0 means full unrolling, a positive factor partial
 * unrolling by that factor. A negative or fractional factor is AL3005. Repeating it replaces the factor.
 */
export function unroll(m: Module, loop: LoopRef, factor = 0): PrimitiveResult {
  if (!Number.isInteger(factor) || factor < 0) {
    const { site } = getLoop(m, loop, P);
    throw primitiveError(
      "AL3005",
      P,
      `the factor of loop '${site.loop.name}' must be 0 (full) or a positive integer, got ${factor}`,
    );
  }
  return { module: setLoopAttrs(m, loop, P, { unroll: factor }) };
}
