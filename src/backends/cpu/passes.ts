// The CPU backend's preparation, in order: the IR -> IR passes every module goes through before the
// JavaScript generator sees it. Spatial regions with a proven static schedule become sequential code
// (the rest run as coroutines), then truncations are pushed down. Scalar replacement (promote.ts) and
// unroll-and-jam (jam.ts) are legality analyses the loop generator consults while it allocates JS
// locals and budget ticks, so they stay with it.

import type { Pass } from "../../ir/passes/pass.ts";
import { sequentializeRegions } from "../../ir/passes/sequentialize-regions.ts";
import { narrowTruncations } from "./narrow.ts";

export const CPU_PASSES: readonly Pass[] = [sequentializeRegions, narrowTruncations];
