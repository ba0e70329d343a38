// The native target's preparation: spatial regions with a proven static schedule (every FIFO within
// its depth, empty at the end) become sequential code, the same pass the CPU backend runs first; a
// region it cannot prove stays a region and is refused in-process (AL5007, emit.ts).

import type { Pass } from "../../ir/passes/pass.ts";
import { sequentializeRegions } from "../../ir/passes/sequentialize-regions.ts";

export const NATIVE_PASSES: readonly Pass[] = [sequentializeRegions];
