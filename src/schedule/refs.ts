// Resolved references that schedule primitives receive. The Schedule turns user names ("j", "gemm:j",
// "PE", "S_i_j_0", "C", "gemm:C", handles) into these; primitives never parse names themselves.
// Loops are identified by their iv, which is unique within a function (loop names may repeat).

export interface LoopRef {
  readonly kind: "loop";
  readonly func: string;
  readonly iv: string;
}
/** A band: the loop nest headed by a loop carrying this op_name. */
export interface BandRef {
  readonly kind: "band";
  readonly func: string;
  readonly opName: string;
}
export interface BufferRef {
  readonly kind: "buffer";
  readonly func: string;
  readonly buffer: string;
}
/** The spatial region (PE array) made by unfold, as returned to the user for relay. */
export interface SpatialRef {
  readonly kind: "spatial";
  readonly func: string;
  readonly name: string;
  /** Extent of each unfolded axis, outermost first. */
  readonly extents: readonly number[];
}
/** A stage of a function for relay between stages: a top-level band (by name) or call (by callee). */
export interface StageRef {
  readonly kind: "stage";
  readonly func: string;
  readonly name: string;
}
export type Ref = LoopRef | BandRef | BufferRef | SpatialRef | StageRef;
