// Sliding windows: a loop over j that reads X[r][j - 1], X[r][j] and X[r][j + 1] (a stencil's row)
// and never writes X keeps the row's values in JS locals that shift by one each iteration, so each
// iteration loads one new element instead of three (and a row that the copies of a row jam read at
// one offset, a window of one, once instead of once per copy). Only for buffers the loop does not
// store (written arguments never share memory with others: AL5017), leading indices invariant in
// the loop, the last one the loop's iv plus a constant, every access proven inside the buffer over
// the loop's range, and loops that run at least once (the first values are read before the loop).

import { affineOf } from "../../ir/analysis/affine.ts";
import type { Range } from "../../ir/analysis/range.ts";
import { constTripCount } from "../../ir/analysis/trip-count.ts";
import type { BufferDecl, Expr, ForStmt } from "../../ir/nodes.ts";
import { accesses, formKey, invariantInside, key } from "./promote.ts";

/** The most values one window keeps (its widest offset span). */
const WIDEST = 8;

export interface Window {
  readonly buffer: string;
  /** The indices before the last one, the same in every access of this window. */
  readonly lead: readonly Expr[];
  /** Offsets from the iv, lowest first, consecutive: one local each. */
  readonly offsets: readonly bigint[];
  /** The offset each accessed index tuple (by promote.ts's key) reads. */
  readonly offsetOf: ReadonlyMap<string, bigint>;
}

/**
 * The row a tuple of leading indices names: by their exact affine forms when the enclosing ranges
 * give them (the copies of a row jam, jam-rows.ts, name row i + 1 as `1 + i` and as `(i + 2) - 1`),
 * else by their text.
 */
function rowKey(lead: readonly Expr[], outer: (iv: string) => Range | undefined): string {
  const forms = lead.map((e) => formKey(e, outer));
  return forms.every((f) => f !== undefined) ? forms.join("; ") : key(lead);
}

/** `iv + c` as c, or undefined for any other last index. */
function offsetFrom(e: Expr, iv: string): bigint | undefined {
  const form = affineOf(e);
  return form?.terms.size === 1 && form.terms.get(iv) === 1n ? form.c : undefined;
}

/**
 * The windows of `loop`: `outer` gives the enclosing loops' iv ranges, `own` the loop's iv range;
 * `skip` excludes buffers that already live in JS locals.
 */
export function windows(
  loop: ForStmt,
  buffers: Readonly<Record<string, BufferDecl>>,
  outer: (iv: string) => Range | undefined,
  own: Range | undefined,
  skip: (buffer: string) => boolean,
): Window[] {
  if (loop.step !== 1 || !own || !((constTripCount(loop) ?? 0) >= 1)) return [];
  const acc = accesses(loop.body);
  if (!acc) return [];
  const out: Window[] = [];
  for (const [buffer, a] of acc) {
    const b = buffers[buffer];
    if (a.stored || a.keys.size < 2 || b.stream || b.shape.length === 0 || skip(buffer)) continue;
    const last = b.shape.length - 1;
    // The accesses by their leading indices (a stencil reads rows i - 1, i, i + 1): a window per row.
    const rows = new Map<string, { lead: readonly Expr[]; offsetOf: Map<string, bigint> }>();
    for (const [k, ix] of a.keys) {
      const c = offsetFrom(ix[last], loop.iv);
      if (c === undefined) continue;
      const lead = ix.slice(0, last);
      const at = rowKey(lead, outer);
      const row = rows.get(at) ?? { lead, offsetOf: new Map<string, bigint>() };
      row.offsetOf.set(k, c);
      rows.set(at, row);
    }
    for (const { lead, offsetOf } of rows.values()) {
      const w = window(buffer, b, lead, offsetOf, outer, own);
      if (w) out.push(w);
    }
  }
  return out;
}

/**
 * The window over one row, when it reads two or more offsets, or one offset through several index
 * tuples (the copies of a row jam reading one row), all proven inside the buffer.
 */
function window(
  buffer: string,
  b: BufferDecl,
  lead: readonly Expr[],
  offsetOf: ReadonlyMap<string, bigint>,
  outer: (iv: string) => Range | undefined,
  own: Range,
): Window | undefined {
  const cs = [...new Set(offsetOf.values())];
  if (offsetOf.size < 2) return undefined;
  const leadInside = invariantInside(lead, b.shape, outer);
  const [lo, hi] = [cs.reduce((x, y) => (y < x ? y : x)), cs.reduce((x, y) => (y > x ? y : x))];
  const lastInside = own[0] + lo >= 0n && own[1] + hi < BigInt(b.shape[lead.length]);
  if (!leadInside || !lastInside || hi - lo >= BigInt(WIDEST)) return undefined;
  const offsets = Array.from({ length: Number(hi - lo) + 1 }, (_, k) => lo + BigInt(k));
  return { buffer, lead, offsets, offsetOf };
}
