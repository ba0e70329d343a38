// Scalar replacement: a buffer element that a loop only ever accesses at one loop-invariant position
// (a GEMM's C[i][j] inside its k loop) is read into a JS local before the loop and written back after
// it, so the loop body works on a register. Only done where nothing in the loop can observe the
// buffer another way: no calls, no stream operations, no spatial regions, and one index tuple for
// every access of that buffer in the loop, affine in enclosing ivs and proven inside the buffer.

import { exactAffine } from "../../ir/analysis/affine.ts";
import type { Range } from "../../ir/analysis/range.ts";
import type { BufferDecl, Expr, ForStmt, Stmt } from "../../ir/nodes.ts";
import { irJson } from "../../ir/same.ts";
import { stmtExprs, visitStmts, walkExpr } from "../../ir/walk.ts";

export interface Promotion {
  readonly buffer: string;
  readonly indices: readonly Expr[];
  /** Whether the loop stores to it (then it is written back after the loop). */
  readonly stored: boolean;
}

export const key = (ix: readonly Expr[]): string => irJson(ix);

/** An index's exact affine form under `ranges` as text (terms sorted: `1 + i` and `i + 1` agree), if any. */
export function formKey(e: Expr, ranges: (iv: string) => Range | undefined): string | undefined {
  const f = exactAffine(e, { get: ranges })?.form;
  return f && `${[...f.terms].sort(([a], [b]) => (a < b ? -1 : 1)).join(" ")} ${f.c}`;
}

export interface BufferAccesses {
  /** Every index tuple the loop accesses the buffer at, by its key. */
  readonly keys: Map<string, readonly Expr[]>;
  /** The first of them. */
  readonly indices: readonly Expr[];
  stored: boolean;
  loaded: boolean;
}

/** Accesses (loads and stores) of every memory buffer in a loop body, or undefined if the body is opaque. */
export function accesses(body: readonly Stmt[]): Map<string, BufferAccesses> | undefined {
  const out = new Map<string, BufferAccesses>();
  let opaque = false;
  const note = (buffer: string, indices: readonly Expr[], stored: boolean) => {
    const a = out.get(buffer) ?? {
      keys: new Map<string, readonly Expr[]>(),
      indices,
      stored: false,
      loaded: false,
    };
    a.keys.set(key(indices), indices);
    a.stored ||= stored;
    a.loaded ||= !stored;
    out.set(buffer, a);
  };
  visitStmts(body, (s) => {
    if (s.kind === "call" || s.kind === "streamPut" || s.kind === "spatial") opaque = true;
    if (s.kind === "store") note(s.buffer, s.indices, true);
    if (s.kind === "alloc")
      out.set(s.buffer, {
        keys: new Map([
          ["local", []],
          ["alloc", []],
        ]),
        indices: [],
        stored: true,
        loaded: true,
      });
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x) => {
        if (x.kind === "streamGet") opaque = true;
        if (x.kind === "load") note(x.buffer, x.indices, false);
      });
    }
  });
  return opaque ? undefined : out;
}

/** Ivs an expression uses, or undefined when it reads memory. */
function ivsOf(ix: readonly Expr[]): Set<string> | undefined {
  const ivs = new Set<string>();
  let reads = false;
  for (const e of ix) {
    walkExpr(e, (x) => {
      if (x.kind === "iv") ivs.add(x.name);
      if (x.kind === "load" || x.kind === "streamGet") reads = true;
    });
  }
  return reads ? undefined : ivs;
}

/**
 * Whether `indices` (leading dims of `shape`) use only enclosing loops' ivs (`outer` knows their
 * ranges) and are proven inside the buffer over them.
 */
export function invariantInside(
  indices: readonly Expr[],
  shape: readonly number[],
  outer: (iv: string) => Range | undefined,
): boolean {
  const ivs = ivsOf(indices);
  if (!ivs || [...ivs].some((v) => outer(v) === undefined)) return false;
  return indices.every((ix, k) => {
    const r = exactAffine(ix, { get: outer })?.range;
    return r !== undefined && r[0] >= 0n && r[1] < BigInt(shape[k]);
  });
}

/**
 * Elements of memory buffers the loop can keep in locals. `outer` gives the ranges of the ivs of the
 * enclosing loops (the loop's own iv and inner ones are not invariant); `skip` excludes buffers that
 * already live in JS locals.
 */
export function promotions(
  loop: ForStmt,
  buffers: Readonly<Record<string, BufferDecl>>,
  outer: (iv: string) => Range | undefined,
  skip: (buffer: string) => boolean,
): Promotion[] {
  const acc = accesses(loop.body);
  if (!acc) return [];
  const out: Promotion[] = [];
  for (const [buffer, a] of acc) {
    const b = buffers[buffer];
    if (a.keys.size !== 1 || b.stream || skip(buffer)) continue;
    if (invariantInside(a.indices, b.shape, outer))
      out.push({ buffer, indices: a.indices, stored: a.stored });
  }
  return out;
}

/**
 * Whether nothing in `body` can stop a run part way: every access proven inside its buffer over
 * `ranges`, and no bit position checked at run time. A rewrite that keeps values in locals or reorders
 * statements then leaves memory as the plain code would, since no error can interrupt it.
 */
export function cannotFail(
  body: readonly Stmt[],
  buffers: Readonly<Record<string, BufferDecl>>,
  ranges: (iv: string) => Range | undefined,
): boolean {
  const all = accesses(body);
  if (!all) return false;
  let bitPos = false;
  visitStmts(body, (s) => {
    for (const e of stmtExprs(s)) walkExpr(e, (x) => void (bitPos ||= x.kind === "bitPos"));
  });
  if (bitPos) return false;
  return [...all].every(([buffer, a]) =>
    [...a.keys.values()].every((ix) => invariantInside(ix, buffers[buffer].shape, ranges)),
  );
}

/**
 * Elements of a buffer that the loop accesses only at constant positions, two or more of them (a
 * sequential PE array's C[0][0], C[0][1], ... in its step loop), each in a local of its own: distinct
 * constant positions cannot alias. Only where nothing in the loop can fail (a fault would leave the
 * locals unwritten); `ranges` knows the loop's own iv and the enclosing ones. V8 keeps 256 such
 * locals in registers or its frame, where 256 typed-array stores a step cost it 8x the time.
 */
export function constantElements(
  loop: ForStmt,
  buffers: Readonly<Record<string, BufferDecl>>,
  ranges: (iv: string) => Range | undefined,
  skip: (buffer: string) => boolean,
): Promotion[] {
  const acc = accesses(loop.body);
  if (!acc || !cannotFail(loop.body, buffers, ranges)) return [];
  const out: Promotion[] = [];
  for (const [buffer, a] of acc) {
    const b = buffers[buffer];
    if (a.keys.size < 2 || b.stream || b.shape.length === 0 || skip(buffer)) continue;
    // Inside the buffer already (cannotFail); constant, so distinct positions are distinct elements.
    const tuples = [...a.keys.values()];
    const constant = (ix: readonly Expr[]) =>
      ix.length === b.shape.length && ix.every((e) => e.kind === "const");
    if (tuples.every(constant)) for (const indices of tuples) out.push({ buffer, indices, stored: a.stored });
  }
  return out;
}
