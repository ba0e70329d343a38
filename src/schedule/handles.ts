// Handles: what schedule methods and getLoops() give back for later steps. A handle is a ref (stable
// across steps: loops by their function-unique iv, buffers by name) plus the name it had when it was
// made, for printing. Any handle is accepted wherever a name is.

import type { BandRef, BufferRef, LoopRef, SpatialRef } from "./refs.ts";

export class LoopHandle implements LoopRef {
  readonly kind = "loop" as const;
  constructor(
    readonly func: string,
    readonly iv: string,
    /** The loop's name when the handle was made ("i.outer"). */
    readonly name: string,
  ) {}
  toString(): string {
    return `${this.func}:${this.name}`;
  }
}

export class BandHandle implements BandRef {
  readonly kind = "band" as const;
  constructor(
    readonly func: string,
    readonly opName: string,
  ) {}
  toString(): string {
    return `${this.func}:${this.opName}`;
  }
}

export class BufferHandle implements BufferRef {
  readonly kind = "buffer" as const;
  constructor(
    readonly func: string,
    readonly buffer: string,
  ) {}
  toString(): string {
    return `${this.func}:${this.buffer}`;
  }
}

export class SpatialHandle implements SpatialRef {
  readonly kind = "spatial" as const;
  constructor(
    readonly func: string,
    readonly name: string,
    readonly extents: readonly number[],
  ) {}
  toString(): string {
    return `${this.func}:${this.name}`;
  }
}

/** One band of getLoops(): its loops keyed by name (by iv where a name repeats inside the band). */
export type BandLoops = Readonly<Record<string, LoopHandle>>;
/** getLoops(): every band of a function keyed by its op_name (nested bands included). */
export type LoopNest = Readonly<Record<string, BandLoops>>;

const bandOf = new WeakMap<object, BandRef>();

/** A getLoops() band object that names `band` when passed where a band is expected. */
export function bandLoops(band: BandRef, loops: Record<string, LoopHandle>): BandLoops {
  const obj = Object.freeze(loops);
  bandOf.set(obj, band);
  return obj;
}

/** The band a getLoops() band object stands for. */
export const bandOfLoops = (o: object): BandRef | undefined => bandOf.get(o);

/** Handles are accepted wherever a name is. */
export type LoopSpec = string | LoopRef;
export type BandSpec = string | BandRef | BandLoops | LoopRef;
export type BufferSpec = string | BufferRef;
export type SpatialSpec = string | SpatialRef;
