// pipeline(loop, { ii, rewind }): mark a loop for pipelining with an initiation interval (Allo's
// `pipeline_ii`/`rewind` attributes, `#pragma HLS pipeline II=n [rewind]`). An annotation only.

import type { Module } from "../../ir/nodes.ts";
import type { LoopRef } from "../refs.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { getLoop, setLoopAttrs } from "./util/loops.ts";

const P = "pipeline";

/**
 * Sets `pipelineII = ii` (default 1, a positive integer, else AL3005) and `rewind` when asked; a
 * repeated call replaces both.
 */
export function pipeline(m: Module, loop: LoopRef, ii = 1, rewind = false): PrimitiveResult {
  if (!Number.isInteger(ii) || ii < 1) {
    const { site } = getLoop(m, loop, P);
    throw primitiveError(
      "AL3005",
      P,
      `the initiation interval of loop '${site.loop.name}' must be a positive integer, got ${ii}`,
    );
  }
  return { module: setLoopAttrs(m, loop, P, { pipelineII: ii, rewind: rewind || undefined }) };
}
