// What the C++ core leaves to the target it prints for (Vitis HLS, or the native CPU path, which gives
// none): the directive lines of functions, loops, buffers and dataflow regions, and how they start;
// optionally, checks of element indices no range proves in bounds, the storage of big locals, and
// streams and regions run as coroutines (the native target) instead of hls::stream and outlined
// dataflow functions.

import type { BitPosExpr, BufferDecl, ForStmt, Func, Span, SpatialStmt } from "../../ir/nodes.ts";

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

/** A put or get that may block: what the deadlock report says of a unit waiting there. */
export interface WaitSite {
  readonly op: "put" | "get";
  /** The function it is written in (the report's region when nothing around it can wait). */
  readonly func: string;
  readonly at?: Span;
  /** The enclosing loops' names, outermost first (the report gives their indices). */
  readonly loops: readonly string[];
}

/** A spatial region run as coroutines; the report names its units and their FIFOs' ends. */
export interface RegionSite {
  readonly region: SpatialStmt;
  readonly at?: Span;
}

/** Blocking work run from code that cannot wait (a region, a blocking call): whom a report names. */
export interface DriveSite {
  readonly func: string;
  readonly at?: Span;
}

/** A declared FIFO or array of FIFOs: a report names its element k by indices in this shape. */
export interface StreamSite {
  readonly name: string;
  readonly shape: readonly number[];
}

/**
 * Streams as bounded FIFOs and spatial regions as coroutines scheduled round-robin
 * (include/allo_dataflow.h): each site gets a number its failure report names.
 */
export interface CoroutineTarget {
  waitSite(s: WaitSite): number;
  regionSite(s: RegionSite): number;
  driveSite(s: DriveSite): number;
  streamSite(s: StreamSite): number;
}

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
  /** Streams and regions as coroutines, printed inline (the module is not outlined). */
  readonly coroutines?: CoroutineTarget;
}
