// relay between stages where a called stage does not visit the buffer once in row-major order (a PE
// array writes its output block by block, a systolic loader rereads its operand for every tile): the
// call stays a call and the FIFO meets it at the call's boundary. The producer's unit calls, then
// drains its array into the FIFO in row-major order; the consumer's unit fills a local copy from the
// FIFO, then calls with the copy. The two calls still run as concurrent processes of the region.

import { forLoop, idx, ivRef, rowMajorIndices } from "../../ir/build.ts";
import { freshName } from "../../ir/names.ts";
import type { BufferDecl, Expr, Stmt } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";

/**
 * One pipelined loop over the array's elements in row-major order, `inner(indices)` its body. A single
 * loop (not a nest) so that the region's static schedule fuses the drain with the fill element by
 * element (src/ir/passes/sequentialize/plan.ts).
 */
function elementLoop(decl: BufferDecl, what: string, taken: Set<string>, inner: (at: Expr[]) => Stmt): Stmt {
  const e = freshName(taken, `${decl.name}_${what}`);
  const size = elementCount(decl.shape);
  return forLoop(e, e, idx(0), idx(size), [inner(rowMajorIndices(decl.shape, ivRef(e)))], { pipelineII: 1 });
}

/** The producer's statements, then a loop putting every element of the array into `fifo`. */
export function drainAfter(
  body: readonly Stmt[],
  decl: BufferDecl,
  fifo: string,
  taken: Set<string>,
): readonly Stmt[] {
  const drain = elementLoop(decl, "drain", taken, (at) => ({
    kind: "streamPut",
    stream: fifo,
    indices: [],
    value: { kind: "load", type: decl.type, buffer: decl.name, indices: at },
  }));
  return [...body, drain];
}

/**
 * A local copy of the array (declared in `buffers`) filled from `fifo`, then the consumer's statements
 * with the copy passed wherever they passed the array.
 */
export function fillBefore(
  body: readonly Stmt[],
  decl: BufferDecl,
  fifo: string,
  taken: Set<string>,
  buffers: Record<string, BufferDecl>,
): readonly Stmt[] {
  const copy = freshName(taken, `${fifo}_copy`);
  buffers[copy] = { ...decl, name: copy };
  const fill = elementLoop(decl, "fill", taken, (at) => ({
    kind: "store",
    buffer: copy,
    indices: at,
    value: { kind: "streamGet", type: decl.type, stream: fifo, indices: [] },
  }));
  const passCopy = (s: Stmt): Stmt =>
    s.kind === "call"
      ? {
          ...s,
          args: s.args.map((a) => (a.kind === "buffer" && a.name === decl.name ? { ...a, name: copy } : a)),
        }
      : s;
  return [{ kind: "alloc", buffer: copy }, fill, ...body.map(passCopy)];
}
