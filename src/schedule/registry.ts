// The one table of schedule primitives: each declares its name, its parameters (argument kinds from
// ./params.ts), what it returns to the user, and how it applies to resolved arguments. The Schedule's
// methods, the argument checks, the trace (printed and as data) and replay are all driven by it.

import { constTripCount } from "../ir/analysis/trip-count.ts";
import type { Module, PartitionSource, PartitionType, StorageBinding } from "../ir/nodes.ts";
import type { Kind, Param } from "./params.ts";
import { bindStorage, STORAGE_IMPLS, STORAGE_TYPES } from "./primitives/bind-storage.ts";
import { bufferAt } from "./primitives/buffer-at.ts";
import { computeAt } from "./primitives/compute-at.ts";
import { dataflow } from "./primitives/dataflow.ts";
import { fuse } from "./primitives/fuse.ts";
import { inline } from "./primitives/inline.ts";
import { parallel } from "./primitives/parallel.ts";
import { PARTITION_TYPES, partition } from "./primitives/partition.ts";
import { pipeline } from "./primitives/pipeline.ts";
import { relay } from "./primitives/relay.ts";
import { relayStages } from "./primitives/relay-stages.ts";
import { reorder } from "./primitives/reorder.ts";
import { reshape } from "./primitives/reshape.ts";
import type { PrimitiveResult } from "./primitives/result.ts";
import { reuseAt } from "./primitives/reuse-at.ts";
import { split } from "./primitives/split.ts";
import { unfold } from "./primitives/unfold.ts";
import { unroll } from "./primitives/unroll.ts";
import { getLoop, perfectChain } from "./primitives/util/loops.ts";
import type { BandRef, BufferRef, LoopRef, SpatialRef, StageRef } from "./refs.ts";
import { resolveLoop } from "./resolve.ts";

/** What a primitive gives back: the schedule, split's [outer, inner], one loop, a buffer or a PE array. */
export type Returns = "self" | "loops" | "loop" | "buffer" | "pe";

export interface PrimitiveDef {
  readonly params: readonly Param[];
  readonly returns: Returns;
  /**
   * Applies the primitive to resolved arguments, one per parameter: refs for loops, bands, buffers and
   * PE arrays (a list of them for a rest parameter), a function name, or the checked value.
   */
  readonly apply: (m: Module, args: readonly unknown[]) => PrimitiveResult;
}

const LOOP: Kind = { t: "loop" };
const BUFFER: Kind = { t: "buffer" };
const INT: Kind = { t: "int" };
const AXES = { type: "intOrInts" } as const;

type Opts = Readonly<Record<string, unknown>>;
const list = (x: unknown): readonly number[] => (typeof x === "number" ? [x] : (x as number[]));

export const PRIMITIVES = {
  split: {
    params: [
      { name: "loop", kind: LOOP },
      { name: "factor", kind: INT },
    ],
    returns: "loops",
    apply: (m, [loop, factor]) => split(m, loop as LoopRef, factor as number),
  },
  reorder: {
    params: [{ name: "loop", kind: LOOP, rest: true }],
    returns: "self",
    apply: (m, [loops]) => reorder(m, loops as LoopRef[]),
  },
  fuse: {
    params: [{ name: "loop", kind: LOOP, rest: true }],
    returns: "loop",
    apply: (m, [loops]) => fuse(m, loops as LoopRef[]),
  },
  unroll: {
    params: [
      { name: "loop", kind: LOOP },
      { name: "factor", kind: INT, default: 0 },
    ],
    returns: "self",
    apply: (m, [loop, factor]) => unroll(m, loop as LoopRef, factor as number),
  },
  pipeline: {
    params: [
      { name: "loop", kind: LOOP },
      {
        name: "options",
        kind: { t: "options", fields: { ii: { type: "int" }, rewind: { type: "flag" } }, shorthand: "ii" },
        optional: true,
      },
    ],
    returns: "self",
    apply: (m, [loop, o]) =>
      pipeline(m, loop as LoopRef, ((o as Opts).ii as number) ?? 1, ((o as Opts).rewind as boolean) ?? false),
  },
  parallel: {
    params: [{ name: "loop", kind: LOOP }],
    returns: "self",
    apply: (m, [loop]) => parallel(m, loop as LoopRef),
  },
  dataflow: {
    params: [{ name: "target", kind: { t: "funcOrLoop" }, optional: true }],
    returns: "self",
    apply: (m, [target]) => dataflow(m, target as string | LoopRef),
  },
  inline: {
    params: [{ name: "function", kind: { t: "func" }, optional: true }],
    returns: "self",
    apply: (m, [fn]) => inline(m, fn as string),
  },
  partition: {
    params: [
      { name: "buffer", kind: BUFFER },
      {
        name: "options",
        kind: {
          t: "options",
          fields: {
            type: { type: "enum", values: PARTITION_TYPES },
            dim: AXES,
            factor: { type: "int" },
          },
        },
        optional: true,
      },
    ],
    returns: "self",
    apply: (m, [buf, o]) => {
      const { type, dim, factor, from } = o as Opts;
      const req = {
        type: (type as PartitionType) ?? "complete",
        dim: (dim as number | number[]) ?? 0,
        factor: (factor as number) ?? 0,
        // The schedule adds which schedule asks, and where (a layout requirement's provenance).
        ...(from ? { from: from as PartitionSource } : {}),
      };
      return partition(m, buf as BufferRef, req);
    },
  },
  bindStorage: {
    params: [
      { name: "buffer", kind: BUFFER },
      {
        name: "options",
        kind: {
          t: "options",
          fields: {
            impl: { type: "enum", values: STORAGE_IMPLS },
            type: { type: "enum", values: STORAGE_TYPES },
            latency: { type: "int" },
          },
          required: ["impl", "type"],
        },
      },
    ],
    returns: "self",
    apply: (m, [buf, o]) => bindStorage(m, buf as BufferRef, o as StorageBinding),
  },
  reshape: {
    params: [
      { name: "buffer", kind: BUFFER },
      { name: "shape", kind: { t: "shape" } },
    ],
    returns: "self",
    apply: (m, [buf, shape]) => reshape(m, buf as BufferRef, shape as number[]),
  },
  bufferAt: {
    params: [
      { name: "buffer", kind: BUFFER },
      { name: "loop", kind: LOOP },
    ],
    returns: "buffer",
    apply: (m, [buf, loop]) => bufferAt(m, buf as BufferRef, loop as LoopRef),
  },
  reuseAt: {
    params: [
      { name: "buffer", kind: BUFFER },
      { name: "loop", kind: LOOP },
    ],
    returns: "buffer",
    apply: (m, [buf, loop]) => reuseAt(m, buf as BufferRef, loop as LoopRef),
  },
  computeAt: {
    params: [
      { name: "producer", kind: LOOP },
      { name: "consumer", kind: LOOP },
    ],
    returns: "self",
    apply: (m, [producer, consumer]) => computeAt(m, producer as LoopRef, consumer as LoopRef),
  },
  unfold: {
    params: [
      { name: "band", kind: { t: "band" } },
      { name: "options", kind: { t: "options", fields: { axis: AXES, factor: AXES }, required: ["axis"] } },
    ],
    returns: "pe",
    apply: (m, [band, o]) => {
      const axes = list((o as Opts).axis);
      const factor = (o as Opts).factor;
      const ref = band as BandRef;
      return unfold(m, ref, axes, factor === undefined ? fullFactors(m, ref, axes) : list(factor));
    },
  },
  relay: {
    params: [
      { name: "buffer", kind: BUFFER },
      { name: "PE array or stage", kind: { t: "pe" } },
      {
        name: "options",
        kind: { t: "options", fields: { axis: { type: "int" }, depth: { type: "int" } } },
        optional: true,
      },
    ],
    returns: "self",
    apply: (m, [buf, dst, o]) =>
      (dst as SpatialRef | StageRef).kind === "stage"
        ? relayStages(m, buf as BufferRef, dst as StageRef, o as Opts)
        : relay(m, buf as BufferRef, dst as SpatialRef, o as Opts),
  },
} satisfies Record<string, PrimitiveDef>;

export type PrimitiveName = keyof typeof PRIMITIVES;

/** The primitive of that name, or undefined (for replayed step data). */
export function primitiveDef(name: unknown): PrimitiveDef | undefined {
  return typeof name === "string" && Object.hasOwn(PRIMITIVES, name)
    ? PRIMITIVES[name as PrimitiveName]
    : undefined;
}

/** One PE per iteration along each unfolded axis (axes out of range are reported by unfold itself). */
function fullFactors(m: Module, band: BandRef, axes: readonly number[]): number[] {
  const chain = perfectChain(getLoop(m, resolveLoop(m, band, "unfold"), "unfold").site.loop);
  return axes.map((a) => (chain[a] ? (constTripCount(chain[a]) ?? 0) : 0));
}
