// The loop-nest IR: one module of functions, each a tree of loops, branches and stores over named
// buffers, with fully typed expressions. Every backend, every schedule primitive and the verifier
// work on this one representation; its meaning is written down in docs/ir-semantics.md.
// Nodes are immutable: a rewrite returns the same object when nothing changed, so `===` means unchanged.

import type { ElemType } from "../types/dtype.ts";
import type { BinaryOp } from "../types/typing-rules.ts";

/** A source range, 1-based line and column, as the user sees it. */
export interface Span {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

// ---------------------------------------------------------------- expressions

/** Integer, index and fixed-point constants are bigints (fixed: the raw scaled integer); floats are numbers. */
export interface ConstExpr {
  readonly kind: "const";
  readonly type: ElemType;
  readonly value: bigint | number;
}
/** A loop induction variable (type index), named by the loop's unique `iv`. */
export interface IvExpr {
  readonly kind: "iv";
  readonly type: ElemType;
  readonly name: string;
}
/** A scalar parameter of the function (read-only). */
export interface ParamExpr {
  readonly kind: "param";
  readonly type: ElemType;
  readonly name: string;
}
/** Element read; a 0-d buffer (a scalar local) has no indices. Indices are index-typed. */
export interface LoadExpr {
  readonly kind: "load";
  readonly type: ElemType;
  readonly buffer: string;
  readonly indices: readonly Expr[];
}
/**
 * Arithmetic, bitwise, min/max: both operands have the result type. Comparisons: both operands have
 * the same type, the result is bool. Shifts: the lhs has the result type, the rhs any integer type.
 */
export interface BinaryExpr {
  readonly kind: "binary";
  readonly type: ElemType;
  readonly op: BinaryOp;
  readonly lhs: Expr;
  readonly rhs: Expr;
}
/** `&&` and `||` on bools, evaluated left to right with short circuit. */
export interface LogicalExpr {
  readonly kind: "logical";
  readonly type: ElemType;
  readonly op: "&&" | "||";
  readonly lhs: Expr;
  readonly rhs: Expr;
}
/** neg and bnot keep the operand's type; not takes and gives bool. */
export interface UnaryExpr {
  readonly kind: "unary";
  readonly type: ElemType;
  readonly op: "neg" | "bnot" | "not";
  readonly operand: Expr;
}
export interface CastExpr {
  readonly kind: "cast";
  readonly type: ElemType;
  readonly value: Expr;
}
/**
 * The value's bits read as the result type, which has the same width (`bitcast(x, T)`): int and
 * fixed raw values, IEEE float32/float64/float16 encodings. Not a conversion: 1.0f is 0x3F800000.
 */
export interface BitcastExpr {
  readonly kind: "bitcast";
  readonly type: ElemType;
  readonly value: Expr;
}
/**
 * A bit position known only at run time (`bit(x, i)`, `bits(x, lo, lo + w)` and their `with` forms on a
 * `bits`-bit value): `value` (index) must lie in 0 .. bits - width, else the run fails with AL5015 at
 * `span` (src/ir/bit-position.ts); where a range proves it, backends skip the check.
 */
export interface BitPosExpr {
  readonly kind: "bitPos";
  readonly type: ElemType;
  readonly value: Expr;
  /** Width of the value whose bits are accessed. */
  readonly bits: number;
  /** Bits accessed from the position on (1 for a single bit). */
  readonly width: number;
  readonly span?: Span;
}
/** cond is bool; both branches have the result type; only the chosen branch is evaluated. */
export interface SelectExpr {
  readonly kind: "select";
  readonly type: ElemType;
  readonly cond: Expr;
  readonly then: Expr;
  readonly else: Expr;
}
export type IntrinsicFn =
  | "exp"
  | "log"
  | "log2"
  | "log10"
  | "sqrt"
  | "sin"
  | "cos"
  | "tan"
  | "tanh"
  | "abs"
  | "floor"
  | "ceil"
  | "pow";
/** Math functions on floats (args already converted to the float result type). */
export interface IntrinsicExpr {
  readonly kind: "intrinsic";
  readonly type: ElemType;
  readonly fn: IntrinsicFn;
  readonly args: readonly Expr[];
}
/** Blocking read of one element from a stream (a FIFO array element when indices are given). */
export interface StreamGetExpr {
  readonly kind: "streamGet";
  readonly type: ElemType;
  readonly stream: string;
  readonly indices: readonly Expr[];
  /** Where the get is written (a blocked get is reported there, not at its statement). */
  readonly span?: Span;
}

export type Expr =
  | ConstExpr
  | IvExpr
  | ParamExpr
  | LoadExpr
  | BinaryExpr
  | LogicalExpr
  | UnaryExpr
  | CastExpr
  | BitcastExpr
  | BitPosExpr
  | SelectExpr
  | IntrinsicExpr
  | StreamGetExpr;
export type ExprKind = Expr["kind"];

// ---------------------------------------------------------------- statements

export interface LoopAttrs {
  /** Band name on the outermost loop of a band: the user's `name` or Allo's `S_i_j_0`. */
  readonly opName?: string;
  readonly pipelineII?: number;
  readonly rewind?: boolean;
  /** 0 = full unroll. */
  readonly unroll?: number;
  readonly parallel?: boolean;
  readonly dataflow?: boolean;
  /** Written as `reduction(...)` in the source. */
  readonly reduction?: boolean;
  /** An init or write-back loop made by bufferAt. */
  readonly buffer?: boolean;
  /** Moves one block through a block stream, an element per iteration (HLS: one `hls::vector`). */
  readonly lanes?: boolean;
}

/** for iv in [lb, ub) step `step`; lb/ub are index expressions over enclosing ivs and constants. */
export interface ForStmt {
  readonly kind: "for";
  readonly iv: string;
  /** User-visible loop name (Allo's loop_name): "i", "i.outer", "i_j_fused", "j_init". */
  readonly name: string;
  readonly lb: Expr;
  readonly ub: Expr;
  readonly step: number;
  readonly attrs: LoopAttrs;
  readonly body: readonly Stmt[];
  readonly span?: Span;
}
export interface IfStmt {
  readonly kind: "if";
  readonly cond: Expr;
  readonly then: readonly Stmt[];
  readonly else: readonly Stmt[];
  readonly span?: Span;
}
export interface WhileStmt {
  readonly kind: "while";
  readonly cond: Expr;
  readonly body: readonly Stmt[];
  readonly span?: Span;
}
/** The value already has the buffer's element type (conversions are explicit casts). */
export interface StoreStmt {
  readonly kind: "store";
  readonly buffer: string;
  readonly indices: readonly Expr[];
  readonly value: Expr;
  readonly span?: Span;
}
/** Brings a local buffer into existence here (its scope is the enclosing block), optionally filled. */
export interface AllocStmt {
  readonly kind: "alloc";
  readonly buffer: string;
  readonly init?: ConstExpr;
  readonly span?: Span;
}
export type CallArg =
  | {
      readonly kind: "buffer";
      readonly name: string;
      /**
       * Passes only the part `name[at0][at1]..` (the callee's parameter has the remaining dims); made by
       * the HLS backend's sliceArrays pass, so a dataflow process gets only the part of an array it uses.
       */
      readonly at?: readonly Expr[];
    }
  | { readonly kind: "value"; readonly value: Expr };
/**
 * Calls `callee`; each of its params gets the matching arg (buffers by reference); each of its results
 * becomes the caller buffer named in `results` (which this statement defines, like an alloc).
 */
export interface CallStmt {
  readonly kind: "call";
  readonly callee: string;
  readonly args: readonly CallArg[];
  readonly results: readonly string[];
  readonly span?: Span;
}
/** Blocking write of one element to a stream. */
export interface StreamPutStmt {
  readonly kind: "streamPut";
  readonly stream: string;
  readonly indices: readonly Expr[];
  readonly value: Expr;
  readonly span?: Span;
}
/** One process of a spatial region (a PE copy, a loader, a drainer). */
export interface SpatialUnit {
  readonly name: string;
  readonly body: readonly Stmt[];
  /** A PE copy made by unfold: its position in the grid, one coordinate per unfolded axis. */
  readonly coords?: readonly number[];
}
/** How unfold laid out a PE array: which loops of which band became which grid axes. */
export interface SpatialGrid {
  /** The unfolded band's name. */
  readonly band: string;
  /** Names of the band's perfectly nested loops at unfold time, outermost first (band axes). */
  readonly loops: readonly string[];
  /** The band axes that were unfolded, in grid order. */
  readonly axes: readonly number[];
  /** Number of PEs along each unfolded axis. */
  readonly extents: readonly number[];
}
/**
 * Units that run concurrently and talk through streams (a Kahn network: the result does not depend
 * on the interleaving). Made by unfold/relay; later also by dataflow regions.
 */
export interface SpatialStmt {
  readonly kind: "spatial";
  readonly name: string;
  readonly units: readonly SpatialUnit[];
  /** Present when the region is a PE array made by unfold. */
  readonly grid?: SpatialGrid;
  readonly span?: Span;
}

export type Stmt =
  | ForStmt
  | IfStmt
  | WhileStmt
  | StoreStmt
  | AllocStmt
  | CallStmt
  | StreamPutStmt
  | SpatialStmt;
export type StmtKind = Stmt["kind"];

// ---------------------------------------------------------------- buffers, functions, module

export type PartitionType = "complete" | "block" | "cyclic";
/** dim is 1-based; 0 means every dimension. factor is the number of banks (ignored for complete). */
export interface Partition {
  readonly type: PartitionType;
  readonly dim: number;
  readonly factor: number;
  /** Which schedule asked for it and where: partitions of one schedule on one buffer form one requirement. */
  readonly from?: PartitionSource;
}
export interface PartitionSource {
  /** The schedule the partition step was written in (a composed step keeps its own schedule's). */
  readonly schedule: number;
  readonly site?: Span;
  /** The compose call that replayed the step. */
  readonly via?: Span;
}

/** One dimension's layout; `factor` is the number of banks, 1 < factor < extent. */
export type DimLayout =
  | { readonly kind: "none" }
  | { readonly kind: "complete" }
  | { readonly kind: "cyclic" | "block"; readonly factor: number };

export type BufferRole = "param" | "local" | "result";
export interface BufferDecl {
  readonly name: string;
  readonly type: ElemType;
  /** Empty for a scalar (0-d) buffer. */
  readonly shape: readonly number[];
  readonly role: BufferRole;
  readonly partitions: readonly Partition[];
  /** The layout of the buffer's layout class (set by inference when the class is partitioned). */
  readonly layout?: readonly DimLayout[];
  /**
   * Present when the buffer is an array of FIFOs of this depth (in elements) instead of memory. A block
   * stream (`Stream<float32<[M]>>`) moves `block` elements per put and get, an element at a time on
   * every backend but HLS, which sends one `hls::vector` per block (its depth is depth / block blocks).
   */
  readonly stream?: { readonly depth: number; readonly block?: number };
  /**
   * A stateful local (`stateful(init)`): no alloc statement defines it; it is filled with `init` once
   * per build and keeps its value across calls of the built kernel (HLS: a `static` local).
   */
  readonly state?: { readonly init: ConstExpr };
  /** The memory the HLS tools should build it from (`bindStorage`): `#pragma HLS bind_storage`. */
  readonly storage?: StorageBinding;
  /**
   * An m_axi port read in words of `word` adjacent elements, one AXI beat each (the HLS backend's
   * wide loaders): the last dimension holds a word's lanes, and HLS declares the array one
   * dimension shorter, of `hls::vector<T, word>`.
   */
  readonly word?: number;
  readonly span?: Span;
}

export type StorageImpl = "bram" | "uram" | "lutram" | "srl" | "auto";
export type StorageType = "ram_1p" | "ram_2p" | "ram_t2p" | "ram_s2p" | "rom_1p" | "rom_2p" | "fifo";
export interface StorageBinding {
  readonly impl: StorageImpl;
  readonly type: StorageType;
  /** Read latency in cycles, when given. */
  readonly latency?: number;
}

export type Param =
  | { readonly kind: "buffer"; readonly name: string }
  | {
      readonly kind: "scalar";
      readonly name: string;
      readonly type: ElemType;
      readonly span?: Span;
      /** Bounds every caller keeps to (an outlined unit's loop variable: its loop's range). */
      readonly range?: readonly [bigint, bigint];
    };

export interface FuncAttrs {
  readonly dataflow?: boolean;
  readonly inline?: boolean;
}

export interface Func {
  readonly name: string;
  readonly params: readonly Param[];
  /** Buffers returned, in order (role "result", allocated in the body). */
  readonly results: readonly string[];
  /** Every buffer of the function (params, locals, results, streams), by name. */
  readonly buffers: Readonly<Record<string, BufferDecl>>;
  readonly body: readonly Stmt[];
  readonly attrs: FuncAttrs;
  readonly span?: Span;
  /** Which kernel instance the frontend built this function as (compose matches instances by it). */
  readonly origin?: FuncOrigin;
}

/** A kernel instance: the kernel's identity, its template values (canonical text) and its instance id. */
export interface FuncOrigin {
  /** The kernel's source file (or a hash of its text) and its name. */
  readonly kernel: string;
  /** The kernel's function name in its source. */
  readonly base: string;
  readonly templates: string;
  /** The instance id chain ("mm1", "x_mm1"), absent for shared instances. */
  readonly id?: string;
}

export interface Module {
  readonly functions: readonly Func[];
  readonly top: string;
}
