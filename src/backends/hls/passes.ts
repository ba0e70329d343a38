// The HLS backend's preparation, in order: the IR -> IR passes every module goes through before the
// printer (and the estimator) sees it. Units are ordered (and split on FIFO cycles) first, so outlining
// keeps that order in its calls. An array several processes write in parts gets one writer (a store
// process fed by FIFOs); each process then gets only the part of an array it touches. The printer
// then lets identical processes share one C++ function (emit.ts's printPrepared).

import { orderProcesses } from "../../ir/passes/order-processes.ts";
import { outlineUnits } from "../../ir/passes/outline-units.ts";
import type { Pass } from "../../ir/passes/pass.ts";
import { drainWrites } from "./drain-writes.ts";
import { sliceArrays } from "./slice-arrays.ts";

export const HLS_PASSES: readonly Pass[] = [orderProcesses, drainWrites, outlineUnits, sliceArrays];
