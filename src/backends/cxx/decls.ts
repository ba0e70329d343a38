// Declarations shared by signatures and bodies: C++ declarators of buffers (arrays, 0-d scalars, FIFOs
// as `hls::stream`, which the csim headers also provide), what printing one module shares across its
// functions, and the C++ names of functions.

import { internalError } from "../../diagnostics/error.ts";
import type { BufferDecl, Func, Module } from "../../ir/nodes.ts";
import type { NameTable } from "./names.ts";
import type { Helper } from "./prelude.ts";
import type { CxxTarget } from "./target.ts";
import { cType } from "./types.ts";

/** What emitting one module shares across its functions. */
export interface ModuleContext {
  readonly module: Module;
  /** The target's directives (Vitis HLS pragmas). */
  readonly target: CxxTarget;
  /** The module's functions by IR name. */
  readonly funcs: ReadonlyMap<string, Func>;
  /** IR function name -> C++ function name. */
  readonly fnNames: ReadonlyMap<string, string>;
  /** Function-level names (every C++ function), parent of each function's own names. */
  readonly globals: NameTable;
  /** Finished C++ functions, callees first. */
  readonly out: string[];
  readonly helpers: Set<Helper>;
  /** Functions that may block, printed as coroutines (only with the target's coroutines). */
  readonly blocking: ReadonlySet<string>;
}

/**
 * `hls::stream< T >`, or `hls::stream< hls::vector< T, M > >` for a stream of M-element blocks; with
 * coroutines `allo_nat::fifo< T >`, which moves blocks an element at a time as the CPU backend does.
 */
export const streamType = (b: BufferDecl, t?: CxxTarget): string =>
  t?.coroutines
    ? `allo_nat::fifo< ${cType(b.type)} >`
    : `hls::stream< ${b.stream?.block ? blockType(b) : cType(b.type)} >`;

/** The `hls::vector` one block of a block stream travels as. */
export const blockType = (b: BufferDecl): string => `hls::vector< ${cType(b.type)}, ${b.stream?.block} >`;
const dims = (b: BufferDecl): string => b.shape.map((n) => `[${n}]`).join("");

/** The C++ type of one word of a port read in words (BufferDecl.word): its last dimension's lanes. */
export const wordType = (b: BufferDecl): string => `hls::vector< ${cType(b.type)}, ${b.word} >`;

/**
 * A parameter declarator: arrays keep their shape (a port read in words is an array of words), a 0-d
 * buffer is `T x[1]`, streams by reference.
 */
export function paramDeclarator(b: BufferDecl, name: string, t?: CxxTarget): string {
  if (b.stream) {
    const type = streamType(b, t);
    return b.shape.length ? `${type} ${name}${dims(b)}` : `${type}& ${name}`;
  }
  if (b.word) return `${wordType(b)} ${name}${dims({ ...b, shape: b.shape.slice(0, -1) })}`;
  return `${cType(b.type)} ${name}${b.shape.length ? dims(b) : "[1]"}`;
}

/**
 * A memory parameter as a `__restrict` pointer to its first row: `float (*__restrict C)[16]`, or
 * `T *__restrict x` for one dimension or none. Only for buffers the caller guarantees no other
 * argument overlaps where one is written (results allocated afresh, parameters checked by AL5017), so
 * loops may be vectorized.
 */
export function restrictDeclarator(b: BufferDecl, name: string): string {
  const rest = b.shape
    .slice(1)
    .map((n) => `[${n}]`)
    .join("");
  return rest ? `${cType(b.type)} (*__restrict ${name})${rest}` : `${cType(b.type)} *__restrict ${name}`;
}

/** A local declaration (without initialiser): arrays and FIFOs; 0-d locals are plain variables. */
export function localDeclarator(b: BufferDecl, name: string, t?: CxxTarget): string {
  return `${b.stream ? streamType(b, t) : cType(b.type)} ${name}${dims(b)}`;
}

/** The C++ function name of an IR function. */
export function fnName(ctx: ModuleContext, f: Func | string): string {
  const name = typeof f === "string" ? f : f.name;
  const c = ctx.fnNames.get(name);
  if (c === undefined) throw internalError(`C++ printer: no C++ name for function '${name}'`);
  return c;
}
