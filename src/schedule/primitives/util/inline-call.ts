// One call statement replaced by its callee's body, for the primitives that need a callee's statements
// in the caller (relay between the stages of a function makes each called stage a region unit). The
// callee's parameters become the call's arguments (the partitions they asked for go with them), its
// results the call's result buffers, and its locals and loop variables get names fresh in the caller.

import { internalError } from "../../../diagnostics/error.ts";
import { freshName } from "../../../ir/names.ts";
import type { BufferDecl, CallStmt, Expr, Func, Partition, Stmt } from "../../../ir/nodes.ts";
import { mapBlockExprs, rewriteBlock } from "../../../ir/walk.ts";

export interface Inlined {
  readonly body: readonly Stmt[];
  /** The callee's locals under their new names, to add to the caller's buffers. */
  readonly buffers: Readonly<Record<string, BufferDecl>>;
  /**
   * The partitions the callee's parameters and results asked for, by the caller buffer bound to each:
   * with the callee gone they are the caller's arrays' own (a stage's `partition("A", ...)` stays).
   */
  readonly partitions: ReadonlyMap<string, readonly Partition[]>;
}

/** `call` of `callee` as statements of the caller; `taken` holds the caller's names and receives the new ones. */
export function inlineCall(callee: Func, call: CallStmt, taken: Set<string>): Inlined {
  const buffer = new Map<string, string>();
  const value = new Map<string, Expr>();
  callee.params.forEach((p, i) => {
    const a = call.args[i];
    if (p.kind === "buffer" && a.kind === "buffer" && !a.at) buffer.set(p.name, a.name);
    else if (p.kind === "scalar" && a.kind === "value") value.set(p.name, a.value);
    else throw internalError(`inlining: argument ${i} of ${callee.name} does not match its parameter`);
  });
  for (const [i, r] of callee.results.entries()) buffer.set(r, call.results[i]);
  const partitions = new Map<string, readonly Partition[]>();
  for (const [own, theirs] of buffer) {
    const asked = callee.buffers[own]?.partitions ?? [];
    if (asked.length > 0) partitions.set(theirs, [...(partitions.get(theirs) ?? []), ...asked]);
  }
  const buffers: Record<string, BufferDecl> = {};
  for (const [name, decl] of Object.entries(callee.buffers)) {
    if (buffer.has(name)) continue;
    const fresh = freshName(taken, name);
    buffer.set(name, fresh);
    buffers[fresh] = { ...decl, name: fresh };
  }
  const iv = new Map<string, string>();
  const rename = (n: string) => buffer.get(n) ?? n;
  // mapBlockExprs applies this to every node, bottom-up.
  const expr = (x: Expr): Expr => {
    switch (x.kind) {
      case "load":
        return { ...x, buffer: rename(x.buffer) };
      case "streamGet":
        return { ...x, stream: rename(x.stream) };
      case "param":
        return value.get(x.name) ?? x;
      case "iv":
        return iv.has(x.name) ? { ...x, name: iv.get(x.name)! } : x;
      default:
        return x;
    }
  };
  const renamed = rewriteBlock(callee.body, function each(s): readonly Stmt[] {
    switch (s.kind) {
      case "for": {
        iv.set(s.iv, freshName(taken, s.iv));
        return [{ ...s, iv: iv.get(s.iv)!, body: rewriteBlock(s.body, each) }];
      }
      case "store":
      case "alloc":
        return [{ ...s, buffer: rename(s.buffer) }];
      case "streamPut":
        return [{ ...s, stream: rename(s.stream) }];
      case "call":
        return [
          {
            ...s,
            args: s.args.map((a) => (a.kind === "buffer" ? { ...a, name: rename(a.name) } : a)),
            results: s.results.map(rename),
          },
        ];
      default:
        return [mapChildBlocksEach(s, each)];
    }
  });
  return { body: mapBlockExprs(renamed, expr), buffers, partitions };
}

/** The statement with each child block rewritten by `each` (if, while and spatial keep their shape). */
function mapChildBlocksEach(s: Stmt, each: (s: Stmt) => readonly Stmt[]): Stmt {
  switch (s.kind) {
    case "if":
      return { ...s, then: rewriteBlock(s.then, each), else: rewriteBlock(s.else, each) };
    case "while":
      return { ...s, body: rewriteBlock(s.body, each) };
    case "spatial":
      return { ...s, units: s.units.map((u) => ({ ...u, body: rewriteBlock(u.body, each) })) };
    default:
      return s;
  }
}
