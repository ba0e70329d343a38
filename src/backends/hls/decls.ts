// Declarations shared by signatures and bodies: C++ declarators of buffers (arrays, 0-d scalars, FIFOs),
// and the array directives that follow them: array_partition per partitioned dimension (dim 0 = every
// dimension; factors normalised as the layout types define them) and stream depth.

import { internalError } from "../../diagnostics/error.ts";
import { layoutOf } from "../../ir/analysis/layout.ts";
import type { BufferDecl, Func, Module, SpatialStmt, SpatialUnit } from "../../ir/nodes.ts";
import type { NameTable } from "./names.ts";
import type { Helper } from "./prelude.ts";
import { cType } from "./types.ts";

/** What emitting one module shares across its functions. */
export interface ModuleContext {
  readonly module: Module;
  /** IR function name -> C++ function name. */
  readonly fnNames: ReadonlyMap<string, string>;
  /** Function-level names (every C++ function), parent of each function's own names. */
  readonly globals: NameTable;
  /** Finished C++ functions, callees first. */
  readonly out: string[];
  readonly helpers: Set<Helper>;
  /** C++ names of the functions spatial regions and their units become (reserved up front). */
  readonly spatialNames: ReadonlyMap<SpatialStmt | SpatialUnit, string>;
  /** Spatial regions whose FIFO graph has a cycle (no sequential order for C simulation). */
  readonly cyclic: string[];
}

export const streamType = (b: BufferDecl): string => `hls::stream< ${cType(b.type)} >`;
const dims = (b: BufferDecl): string => b.shape.map((n) => `[${n}]`).join("");

/** A parameter declarator: arrays keep their shape, a 0-d buffer is `T x[1]`, streams by reference. */
export function paramDeclarator(b: BufferDecl, name: string): string {
  if (b.stream) return b.shape.length ? `${streamType(b)} ${name}${dims(b)}` : `${streamType(b)}& ${name}`;
  return `${cType(b.type)} ${name}${b.shape.length ? dims(b) : "[1]"}`;
}

/** A local declaration (without initialiser): arrays and FIFOs; 0-d locals are plain variables. */
export function localDeclarator(b: BufferDecl, name: string): string {
  return `${b.stream ? streamType(b) : cType(b.type)} ${name}${dims(b)}`;
}

export function streamPragma(b: BufferDecl, name: string): string {
  return `stream variable=${name} depth=${b.stream?.depth ?? 2}`;
}

/** `array_partition` directives for a memory buffer, one per partitioned dimension. */
export function partitionPragmas(b: BufferDecl, name: string): string[] {
  if (b.stream || b.shape.length === 0) return [];
  return layoutOf(b.shape, b.partitions).flatMap((d, k) => {
    if (d.kind === "none") return [];
    const factor = d.kind === "complete" ? "" : ` factor=${d.factor}`;
    return [`array_partition variable=${name} ${d.kind} dim=${k + 1}${factor}`];
  });
}

/** The C++ function name of an IR function. */
export function fnName(ctx: ModuleContext, f: Func | string): string {
  const name = typeof f === "string" ? f : f.name;
  const c = ctx.fnNames.get(name);
  if (c === undefined) throw internalError(`HLS emitter: no C++ name for function '${name}'`);
  return c;
}
