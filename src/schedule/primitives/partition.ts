// partition(buffer, { type, dim, factor }): bank a buffer for parallel access (Allo's partition: a
// memref layout map in MLIR, `#pragma HLS array_partition` in HLS). Records the request in
// BufferDecl.partitions, tagged with the schedule that asked; results are unchanged. One schedule
// partitions each dimension of a buffer at most once; partitions from different schedules are separate
// requirements that layout inference joins (../layouts.ts).

import type { BufferDecl, Module, Partition, PartitionSource, PartitionType } from "../../ir/nodes.ts";
import type { BufferRef } from "../refs.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { getFunc, withFunc } from "./util/loops.ts";

const P = "partition";
/** The partition types (the registry checks that a step names one of them). */
export const PARTITION_TYPES: readonly PartitionType[] = ["complete", "block", "cyclic"];

export interface PartitionRequest {
  readonly type: PartitionType;
  /**
   * A number follows Allo: 0 = every dimension, else the 1-based dimension. A list names dimensions
   * 0-based, like the `axis` of unfold and relay (the seed's `dim=[0, 1]` = both dimensions of a
   * matrix); each listed dimension is partitioned as if given alone (dim = axis + 1).
   */
  readonly dim: number | readonly number[];
  /** Number of banks for block and cyclic (>= 1); ignored for complete. */
  readonly factor: number;
  /** The asking schedule and the call site (the Schedule adds them). */
  readonly from?: PartitionSource;
}

/**
 * Adds partitions to `buf`. Errors: a dimension out of range or a scalar/stream
 * buffer (AL3006); a block/cyclic factor missing or below 1 (AL3404); a dimension the same schedule already
 * partitioned, or mixing dim 0 with per-dimension partitions (AL3401). A repeated complete partition of
 * every dimension (dim 0) is a no-op: the same module comes back.
 */
export function partition(m: Module, buf: BufferRef, req: PartitionRequest): PrimitiveResult {
  const f = getFunc(m, buf.func, P);
  const decl = f.buffers[buf.buffer];
  if (!decl) throw primitiveError("AL3003", P, `no buffer '${buf.buffer}' in '${f.name}'`);
  const name = `'${decl.name}'`;
  if (decl.stream) throw primitiveError("AL3006", P, `${name} is a stream; streams cannot be partitioned`);
  const rank = decl.shape.length;
  if (rank === 0) throw primitiveError("AL3006", P, `${name} is a scalar; only arrays can be partitioned`);
  if (req.type !== "complete" && (!Number.isInteger(req.factor) || req.factor < 1)) {
    throw primitiveError(
      "AL3404",
      P,
      `a ${req.type} partition of ${name} needs a factor (number of banks) >= 1, got ${req.factor}`,
    );
  }
  const factor = req.type === "complete" ? 0 : req.factor;
  const dims = requestedDims(req.dim, decl);
  const existing = decl.partitions.filter((p) => p.from?.schedule === req.from?.schedule);
  if (dims.length === 1 && dims[0] === 0 && req.type === "complete") {
    if (existing.length === 1 && existing[0].dim === 0 && existing[0].type === "complete")
      return { module: m };
  }
  const added: Partition[] = [];
  for (const dim of dims) {
    const all = [...existing, ...added];
    const clash = all.find((p) => p.dim === dim || p.dim === 0 || dim === 0);
    if (clash) {
      const what =
        clash.dim === dim
          ? `dimension ${dim === 0 ? "0 (all)" : dim} of ${name} is already partitioned (${describe(clash)})`
          : `${name} already has ${describe(clash)}; dim 0 (all dimensions) cannot be mixed with per-dimension partitions`;
      throw primitiveError("AL3401", P, `${what}; partition each dimension once`);
    }
    added.push({ type: req.type, dim, factor, ...(req.from ? { from: req.from } : {}) });
  }
  const next: BufferDecl = { ...decl, partitions: [...decl.partitions, ...added] };
  return { module: withFunc(m, { ...f, buffers: { ...f.buffers, [decl.name]: next } }) };
}

function requestedDims(dim: number | readonly number[], decl: BufferDecl): number[] {
  const rank = decl.shape.length;
  const shape = `[${decl.shape.join(", ")}]`;
  if (typeof dim === "number") {
    if (!Number.isInteger(dim) || dim < 0 || dim > rank) {
      throw primitiveError(
        "AL3006",
        P,
        `dim ${dim} is out of range for '${decl.name}' of shape ${shape}: use 0 (all dimensions) or 1..${rank}`,
      );
    }
    return [dim];
  }
  if (dim.length === 0) throw primitiveError("AL3006", P, `an empty dim list for '${decl.name}'`);
  return dim.map((a, k) => {
    if (!Number.isInteger(a) || a < 0 || a >= rank || dim.indexOf(a) !== k) {
      throw primitiveError(
        "AL3006",
        P,
        `dim list [${dim.join(", ")}] of '${decl.name}' (shape ${shape}) must list distinct 0-based axes 0..${rank - 1}`,
      );
    }
    return a + 1;
  });
}

function describe(p: Partition): string {
  const dim = p.dim === 0 ? "all dimensions" : `dim ${p.dim}`;
  return p.type === "complete"
    ? `a complete partition of ${dim}`
    : `a ${p.type} partition of ${dim} (factor ${p.factor})`;
}
