// The HLS backend's preparation, in order: the IR -> IR passes every module goes through before the
// printer (and the estimator) sees it. Units are ordered (and split on FIFO cycles) first, so outlining
// keeps that order in its calls; each process then gets only the part of an array it touches. The
// printer adds PRINT_PASSES: identical processes share one C++ function, which is a matter of code size
// only (Vitis still makes one instance per call), so the estimator keeps one function per instance.

import { orderProcesses } from "../../ir/passes/order-processes.ts";
import { outlineUnits } from "../../ir/passes/outline-units.ts";
import type { Pass } from "../../ir/passes/pass.ts";
import { shareProcesses } from "./share-processes.ts";
import { sliceArrays } from "./slice-arrays.ts";

export const HLS_PASSES: readonly Pass[] = [orderProcesses, outlineUnits, sliceArrays];

/** What the C++ printer runs: the HLS passes, then sharing of identical processes. */
export const PRINT_PASSES: readonly Pass[] = [...HLS_PASSES, shareProcesses];
