// What the C++ core leaves to the target it prints for (Vitis HLS today; a native C++ path can give
// none): the directive lines of functions, loops, buffers and dataflow regions, and how they start.

import type { BufferDecl, ForStmt, Func } from "../../ir/nodes.ts";

export interface CxxTarget {
  /** Text before each directive (`#pragma HLS `). */
  readonly directivePrefix: string;
  /** Directives of a function from its attributes (dataflow, inline). */
  functionDirectives(f: Func): string[];
  /** Directives right inside a loop head (pipeline, unroll, dataflow). */
  loopDirectives(st: ForStmt): string[];
  /** Directives after a buffer's declaration (`local`) or port: partitions, FIFO depth. */
  bufferDirectives(b: BufferDecl, name: string, local: boolean): string[];
  /** Directives of a function holding an outlined spatial region (its units run concurrently). */
  readonly regionDirectives: readonly string[];
}
