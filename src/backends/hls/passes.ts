// The HLS backend's preparation, in order: the IR -> IR passes every module goes through before the
// printer sees it. Units are ordered (and split on FIFO cycles) first, so outlining keeps that order
// in its calls; the printer then only prints functions, calls and dataflow directives.

import { orderProcesses } from "../../ir/passes/order-processes.ts";
import { outlineUnits } from "../../ir/passes/outline-units.ts";
import type { Pass } from "../../ir/passes/pass.ts";

export const HLS_PASSES: readonly Pass[] = [orderProcesses, outlineUnits];
