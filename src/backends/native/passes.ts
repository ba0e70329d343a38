// The native target's preparation: spatial regions with a proven static schedule (every FIFO within
// its depth, empty at the end) become sequential code, the same pass the CPU backend runs first; a
// region it cannot prove stays a region and runs as coroutines (src/backends/cxx/coroutines.ts). Then truncations
// are pushed down: an ap_int tree (a width C++ has no type for, such as the int33 sum of
// `int32 acc += int8 * int8`, or the 201-bit sum of `UInt<100> acc += a * b`) converted to a native
// integer or to an integer past 64 bits is computed at that integer's width.

import { narrowTruncations } from "../../ir/passes/narrow-truncations.ts";
import type { Pass } from "../../ir/passes/pass.ts";
import { sequentializeRegions } from "../../ir/passes/sequentialize-regions.ts";
import { category } from "../cxx/types.ts";

export const narrowToNative = narrowTruncations({
  slow: (t) => category(t) === "ap",
  // ap_int's arithmetic up to 64 bits runs in one machine word whatever the width, so an Int<48> tree
  // gains nothing from narrowing (measured slower); past 64 bits every bit of width costs.
  work: (to) => (to.kind === "int" && (category(to) === "native" || to.bits > 64) ? to : undefined),
});

export const NATIVE_PASSES: readonly Pass[] = [sequentializeRegions, narrowToNative];
