// Declarations shared by signatures and bodies: C++ declarators of buffers (arrays, 0-d scalars, FIFOs),
// and the array directives that follow them: array_partition per partitioned dimension (dim 0 = every
// dimension; factors normalised as the layout types define them) and stream depth.

import { internalError } from "../../diagnostics/error.ts";
import type { BufferDecl, Func, Module } from "../../ir/nodes.ts";
import type { NameTable } from "./names.ts";
import type { Helper } from "./prelude.ts";
import { cType } from "./types.ts";

/** What emitting one module shares across its functions. */
export interface ModuleContext {
  readonly module: Module;
  /** The module's functions by IR name. */
  readonly funcs: ReadonlyMap<string, Func>;
  /** IR function name -> C++ function name. */
  readonly fnNames: ReadonlyMap<string, string>;
  /** Function-level names (every C++ function), parent of each function's own names. */
  readonly globals: NameTable;
  /** Finished C++ functions, callees first. */
  readonly out: string[];
  readonly helpers: Set<Helper>;
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
  const kinds: (string | undefined)[] = b.shape.map(() => undefined);
  for (const p of b.partitions) {
    for (let k = 0; k < b.shape.length; k++) {
      if (p.dim !== 0 && p.dim !== k + 1) continue;
      const n = b.shape[k];
      // block(f) keeps banks of ceil(n/f) elements: its factor is the number of such banks.
      const f = p.type === "block" && p.factor > 1 ? Math.ceil(n / Math.ceil(n / p.factor)) : p.factor;
      if (p.type === "complete" || f >= n) kinds[k] = n > 1 ? "complete" : undefined;
      else if (f > 1) kinds[k] = `${p.type} dim=${k + 1} factor=${f}`;
    }
  }
  return kinds.flatMap((k, i) =>
    k === undefined
      ? []
      : [`array_partition variable=${name} ${k === "complete" ? `complete dim=${i + 1}` : k}`],
  );
}

/** The C++ function name of an IR function. */
export function fnName(ctx: ModuleContext, f: Func | string): string {
  const name = typeof f === "string" ? f : f.name;
  const c = ctx.fnNames.get(name);
  if (c === undefined) throw internalError(`HLS emitter: no C++ name for function '${name}'`);
  return c;
}
