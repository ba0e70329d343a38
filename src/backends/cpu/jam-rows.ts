// Unroll-and-jam of stencil rows: `for i { for j { B[i][j] = f(A[i - 1][j], A[i][j - 1..j + 1], ...) } }`
// may run JAM rows side by side inside one j loop, where the copies share the rows they all read (the
// sliding windows of slide.ts then load each element once for JAM rows instead of once per row). Legal
// when the copies cannot see each other and nothing can fail part-way: the inner loop holds only
// stores and branches (jam.ts's innerOf), no buffer it stores is loaded in it, every store of a buffer
// goes to one index along some dimension that moves with i and not with j (so the copies write
// disjoint elements), every access is proven inside its buffer and no bit position is checked at run
// time (no AL5010 or AL5015 that the new order would raise after other stores). Then the copies'
// statements may even interleave (gen-loops.ts). Only done when the copies do share reads.

import { exactAffine } from "../../ir/analysis/affine.ts";
import type { Range } from "../../ir/analysis/range.ts";
import type { BufferDecl, Expr, ForStmt } from "../../ir/nodes.ts";
import { visitStmts } from "../../ir/walk.ts";
import { accesses, cannotFail, formKey } from "./promote.ts";

type Ranges = (iv: string) => Range | undefined;

/** Whether some dimension indexes every store of `buffer` in `inner` at one form, moving with `iv` but not `inner.iv`. */
function storesMoveWith(iv: string, inner: ForStmt, buffer: string, ranges: Ranges): boolean {
  const stores: (readonly Expr[])[] = [];
  visitStmts(inner.body, (s) => {
    if (s.kind === "store" && s.buffer === buffer) stores.push(s.indices);
  });
  return stores[0].some((_, d) => {
    const forms = new Set(stores.map((ix) => formKey(ix[d], ranges)));
    const form = exactAffine(stores[0][d], { get: ranges })?.form;
    return (
      forms.size === 1 && form !== undefined && !form.terms.has(inner.iv) && (form.terms.get(iv) ?? 0n) !== 0n
    );
  });
}

/** Whether some copy reads an element that another copy reads too. */
function sharedReads(copies: readonly ForStmt[], ranges: Ranges): boolean {
  const seen = new Set<string>();
  let total = 0;
  for (const c of copies) {
    const mine = new Set<string>();
    for (const [buffer, a] of accesses(c.body) ?? []) {
      if (!a.loaded) continue;
      // 0-d buffers (scalars, held in JS locals) cost nothing to share.
      for (const ix of a.keys.values())
        if (ix.length > 0) mine.add(`${buffer}[${ix.map((e) => formKey(e, ranges)).join("][")}]`);
    }
    total += mine.size;
    for (const m of mine) seen.add(m);
  }
  return seen.size < total;
}

/**
 * Whether the JAM `copies` of `inner` (the inner loop of the loop over `iv`, shifted by 0, 1, ...
 * steps) may run jammed. `ranges` knows the ivs of the enclosing loops, `iv` at its jammed range and
 * `inner.iv`.
 */
export function rowsJammable(
  iv: string,
  inner: ForStmt,
  copies: readonly ForStmt[],
  buffers: Readonly<Record<string, BufferDecl>>,
  ranges: Ranges,
): boolean {
  const body = copies.flatMap((c) => c.body);
  const all = accesses(body);
  if (!all || !cannotFail(body, buffers, ranges)) return false;
  for (const [buffer, a] of all) {
    if (a.stored && (a.loaded || !storesMoveWith(iv, inner, buffer, ranges))) return false;
  }
  return sharedReads(copies, ranges);
}
