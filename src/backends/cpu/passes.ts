// The CPU backend's preparation, in order: the IR -> IR passes every module goes through before the
// JavaScript generator sees it. Spatial regions with a proven static schedule become sequential code
// (the rest run as coroutines), then truncations are pushed down: a BigInt tree (past 53 bits)
// converted to at most 32 bits becomes int32 arithmetic (`| 0`, Math.imul), one converted to a 33..53-bit
// integer becomes arithmetic at that integer (exact in doubles: int-ops.ts, exact-doubles.ts). Scalar replacement
// (promote.ts) and unroll-and-jam (jam.ts) are legality analyses the loop generator consults while it
// allocates JS locals and budget ticks, so they stay with it.

import { narrowTruncations } from "../../ir/passes/narrow-truncations.ts";
import type { Pass } from "../../ir/passes/pass.ts";
import { sequentializeRegions } from "../../ir/passes/sequentialize-regions.ts";
import { bitWidth, I32 } from "../../types/dtype.ts";

export const narrowToNumbers = narrowTruncations({
  slow: (t) => bitWidth(t) > 53,
  work: (to) => (bitWidth(to) <= 32 ? I32 : to.kind === "int" && bitWidth(to) <= 53 ? to : undefined),
});

export const CPU_PASSES: readonly Pass[] = [sequentializeRegions, narrowToNumbers];
