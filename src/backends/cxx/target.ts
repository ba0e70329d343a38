// What the C++ core leaves to the target it prints for (Vitis HLS, or the native CPU path, which gives
// none): the directive lines of functions, loops, buffers and dataflow regions, and how they start;
// optionally, checks of element indices no range proves in bounds and the storage of big locals.

import type { BitPosExpr, BufferDecl, ForStmt, Func } from "../../ir/nodes.ts";

/** One element index of a buffer access whose range the printer could not prove within the extent. */
export interface IndexSite {
  readonly func: Func;
  readonly buffer: BufferDecl;
  /** The dimension indexed (0 = outermost). */
  readonly dim: number;
}

/** A run-time bit position no range proved inside its value. */
export interface BitPosSite {
  readonly func: Func;
  readonly bitPos: BitPosExpr;
}

/** What a check the target emits stands for (a fault names it by its number). */
export type CheckSite = IndexSite | BitPosSite;

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
  /**
   * C++ of an index (`index`, of C++ type int) that may fall outside its dimension, checked; without
   * it the index is written as it is (HLS: out-of-bounds is the design's undefined behaviour).
   */
  checkIndex?(index: string, site: IndexSite): string;
  /** The same for a bit position (`pos`, of C++ type int); without it the position is written as it is. */
  checkBitPos?(pos: string, site: BitPosSite): string;
  /** Text before a local array's declaration (`static ` for one too big for the native stack). */
  localPrefix?(b: BufferDecl): string;
}
