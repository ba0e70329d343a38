// Buffer-access helpers shared by the memory and spatial primitives (loop and name lookups live in
// ../util/loops.ts): the loads and stores of a buffer inside a block, purity and equality of index
// expressions, and rewriting every access of one buffer into another.

import type { Code } from "../../../diagnostics/codes.ts";
import type { Expr, ForStmt, Stmt } from "../../../ir/nodes.ts";
import { sameExpr } from "../../../ir/same.ts";
import {
  mapChildBlocks,
  mapExpr,
  mapStmtExprs,
  rewriteBlock,
  stmtExprs,
  visitStmts,
  walkExpr,
} from "../../../ir/walk.ts";
import { primitiveError } from "../result.ts";
import { ivsOf } from "../util/loops.ts";

export interface Access {
  readonly kind: "load" | "store";
  readonly indices: readonly Expr[];
  /** Loops enclosing the access inside the searched block, outermost first. */
  readonly loops: readonly ForStmt[];
  /** Index of the top-level statement of the searched block that holds the access. */
  readonly top: number;
}

/**
 * The loads and stores of `buffer` in `block`. Any other use (call argument, alloc, stream op)
 * throws `code` with `why(use)`: such uses hide accesses the primitive cannot rewrite.
 */
export function accessesOf(block: readonly Stmt[], buffer: string, primitive: string, code: Code): Access[] {
  const out: Access[] = [];
  block.forEach((top, k) => {
    visitStmts([top], (s, loops) => {
      const opaque =
        (s.kind === "call" && s.args.some((a) => a.kind === "buffer" && a.name === buffer)) ||
        (s.kind === "alloc" && s.buffer === buffer) ||
        (s.kind === "streamPut" && s.stream === buffer);
      if (opaque) {
        const what =
          s.kind === "call" ? `passed to '${s.callee}'` : s.kind === "alloc" ? "allocated" : "streamed";
        throw primitiveError(
          code,
          primitive,
          `'${buffer}' is ${what} inside the loop, so its accesses cannot be rewritten`,
        );
      }
      for (const e of stmtExprs(s)) {
        walkExpr(e, (x) => {
          if (x.kind === "load" && x.buffer === buffer)
            out.push({ kind: "load", indices: x.indices, loops, top: k });
        });
      }
      if (s.kind === "store" && s.buffer === buffer)
        out.push({ kind: "store", indices: s.indices, loops, top: k });
    });
  });
  return out;
}

/** True when `e` reads no buffer or stream (its value depends only on ivs, params and constants). */
export function pureIndex(e: Expr): boolean {
  let pure = true;
  walkExpr(e, (x) => {
    if (x.kind === "load" || x.kind === "streamGet") pure = false;
  });
  return pure;
}

/** Rewrites every load and store of `from` into `to` with indices mapped by `index`. */
export function redirect(
  block: readonly Stmt[],
  from: string,
  to: string,
  index: (indices: readonly Expr[]) => readonly Expr[],
): readonly Stmt[] {
  const expr = (e: Expr): Expr =>
    mapExpr(e, (x) =>
      x.kind === "load" && x.buffer === from ? { ...x, buffer: to, indices: index(x.indices) } : x,
    );
  return rewriteBlock(block, (s) => {
    const t = mapStmtExprs(s, expr);
    if (t.kind === "store" && t.buffer === from) return [{ ...t, buffer: to, indices: index(t.indices) }];
    return t === s ? undefined : [mapChildBlocks(t, (b) => redirect(b, from, to, index))];
  });
}

/** A dimension is fixed when every access indexes it with the same pure expression of outer loops. */
export function fixedDim(acc: readonly Access[], d: number): boolean {
  const e = acc[0].indices[d];
  return acc.every((a) => {
    const x = a.indices[d];
    if (!sameExpr(x, e) || !pureIndex(x)) return false;
    const used = ivsOf(x);
    return a.loops.every((l) => !used.has(l.iv));
  });
}

/** Names a copy loop over dimension `d` after the first inner loop that indexes it (stores first). */
export function dimName(acc: readonly Access[], d: number, buffer: string): string {
  const ordered = [...acc.filter((a) => a.kind === "store"), ...acc.filter((a) => a.kind === "load")];
  for (const a of ordered) {
    const used = ivsOf(a.indices[d]);
    const l = a.loops.find((x) => used.has(x.iv));
    if (l) return l.name;
  }
  return `${buffer}_d${d}`;
}

/** Replaces one statement (by identity) in a block tree. */
export function replaceIn(body: readonly Stmt[], target: Stmt, repl: readonly Stmt[]): readonly Stmt[] {
  return rewriteBlock(body, (s) => (s === target ? repl : undefined));
}
