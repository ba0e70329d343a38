// A proof without execution: two modules that are equal up to what does not change a value (loop
// attributes such as pipeline and unroll pragmas, array partitions, storage bindings, function
// attributes, loop names, source spans) compute the same thing. This proves annotation-only steps even on kernels whose
// control flow depends on data, and makes comparing a module with itself instant.

import type { Module } from "../ir/nodes.ts";

const IGNORED = new Set(["attrs", "partitions", "layout", "storage", "span"]);

function same(x: unknown, y: unknown): boolean {
  if (Object.is(x, y)) return true;
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!same(x[i], y[i])) return false;
    return true;
  }
  if (Array.isArray(y)) return false;
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) =>
    Object.keys(o).filter(
      (k) => !IGNORED.has(k) && !(k === "name" && o.kind === "for") && o[k] !== undefined,
    );
  const ka = keys(a);
  const kb = keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!(k in b) || !same(a[k], b[k])) return false;
  return true;
}

/** Whether the modules are equal up to annotations, names of loops and source locations. */
export function sameUpToAnnotations(a: Module, b: Module): boolean {
  return same(a, b);
}
