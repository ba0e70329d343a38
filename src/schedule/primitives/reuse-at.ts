// reuseAt(buffer, loop): a reuse buffer for reads that slide along `loop` (stencils, convolutions).
// The buffer keeps the last `span` rows of the window; each iteration shifts it by one row and loads
// only the new row, so every element is read from the original buffer once per sweep. Exact: the
// reads see the same values, and the original is never written while the window slides.

import { type Affine, affineOf, affineRange, exprOfAffine } from "../../ir/analysis/affine.ts";
import type { Range } from "../../ir/analysis/range.ts";
import { constTripCount } from "../../ir/analysis/trip-count.ts";
import { constIndex, idx, idxOp, ivRef, load } from "../../ir/build.ts";
import type { BufferDecl, Expr, ForStmt, Module, Stmt } from "../../ir/nodes.ts";
import type { BufferRef, LoopRef } from "../refs.ts";
import { type Access, accessesOf, dimName, fixedDim, redirect, replaceIn } from "./memory/nest.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { freshName, getLoop, ivsOf, takenNames, withFunc } from "./util/loops.ts";

const P = "reuseAt";

/**
 * Reuses the reads of `buf` along `loop` (constant bounds, step 1). Every read inside the loop must
 * index exactly one dimension (the window dimension) with `x + offset`, where x is the loop variable
 * and the offset depends only on loops inside it with constant bounds (`A[y][x + c]`, c in 0..3); the
 * offsets over all reads span [lo, hi], the window. Other dimensions are dropped when every read
 * indexes them with the same expression of enclosing loops, and kept whole otherwise (a line buffer:
 * reuseAt(A, "y") on `A[y + r][x + c]` gives shape [3, W]).
 *
 * The buffer `<band>_reuse_<axis>` (band = the enclosing named band, axis = the loop's depth in it, as
 * in Allo) has the window dimension of extent hi - lo + 1 in place of the original one. Before the
 * loop, rows 1.. are preloaded with the first hi - lo rows; each iteration first shifts every row down
 * by one and loads row `x + hi` into the last. Reads become `buf[offset - lo]`. The result is itself a
 * buffer read along inner loops, so reuseAt chains: a line buffer reused along x gives a window buffer.
 */
export function reuseAt(m: Module, buf: BufferRef, loop: LoopRef): PrimitiveResult {
  const { func: f, site } = getLoop(m, loop, P);
  const { loop: X, enclosing: outer } = site;
  const decl = buf.func === f.name ? f.buffers[buf.buffer] : undefined;
  if (!decl)
    throw primitiveError("AL3003", P, `no buffer '${buf.buffer}' in '${f.name}' (the loop's function)`);
  const at = `'${decl.name}' along loop '${X.name}'`;
  const fail = (text: string) => primitiveError("AL3015", P, `${at}: ${text}`);
  if (decl.stream || decl.shape.length === 0) throw fail(`'${decl.name}' is not an array in memory`);
  const lb = constIndex(X.lb);
  const ub = constIndex(X.ub);
  if (lb === undefined || ub === undefined || X.step !== 1 || ub <= lb) {
    throw fail("the loop needs constant bounds, at least one iteration and step 1");
  }
  const acc = accessesOf(X.body, decl.name, P, "AL3015");
  if (acc.length === 0) throw fail(`the loop does not read '${decl.name}'`);
  if (acc.some((a) => a.kind === "store")) {
    throw fail(
      `'${decl.name}' is written inside the loop; reuseAt reuses values that do not change while the window slides`,
    );
  }
  const window = windowOf(acc, X, decl, fail);
  const span = window.hi - window.lo + 1;
  if (span === 1) throw fail("each iteration reads different elements, so there is nothing to reuse");
  const first = lb + window.lo;
  const last = ub - 1 + window.hi;
  if (first < 0 || last >= decl.shape[window.dim]) {
    throw fail(
      `the window reads rows ${first}..${last} of dimension ${window.dim + 1}, outside [0, ${decl.shape[window.dim]})`,
    );
  }
  const kept = decl.shape.map((_, d) => d === window.dim || !fixedDim(acc, d));

  const taken = takenNames(f);
  const reuse: BufferDecl = {
    name: freshName(taken, reuseName(outer, X)),
    type: decl.type,
    shape: decl.shape.flatMap((n, d) => (d === window.dim ? [span] : kept[d] ? [n] : [])),
    role: "local",
    partitions: [],
  };
  const fixed = acc[0].indices;
  const others = decl.shape.flatMap((extent, d) =>
    kept[d] && d !== window.dim ? [{ d, extent, name: dimName(acc, d, decl.name) }] : [],
  );
  /** A nest over the kept non-window dimensions; `body(row, vars)` gets the index list builder. */
  const over = (
    role: string,
    make: (ix: (row: Expr) => Expr[], src: (row: Expr) => Expr[]) => Stmt,
  ): Stmt => {
    const loops = others.map((o) => ({ ...o, iv: freshName(taken, `${o.name}_${role}`) }));
    const vars = new Map(loops.map((l) => [l.d, ivRef(l.iv)]));
    const ix = (row: Expr) =>
      decl.shape.flatMap((_, d) => (d === window.dim ? [row] : kept[d] ? [vars.get(d)!] : []));
    const src = (row: Expr) =>
      decl.shape.map((_, d) => (d === window.dim ? row : kept[d] ? vars.get(d)! : fixed[d]));
    let s = make(ix, src);
    for (let k = loops.length - 1; k >= 0; k--)
      s = forOf(loops[k].iv, `${loops[k].name}_${role}`, loops[k].extent, [s]);
    return s;
  };
  const rowLoop = (role: string, n: number, body: (o: Expr) => Stmt): Stmt => {
    const iv = freshName(taken, `${X.name}_${role}`);
    return forOf(iv, `${X.name}_${role}`, n, [body(ivRef(iv))]);
  };
  const copy = (to: readonly Expr[], from: Expr): Stmt => ({
    kind: "store",
    buffer: reuse.name,
    indices: to,
    value: from,
  });
  const preload = rowLoop("fill", span - 1, (o) =>
    over("fill", (ix, src) =>
      copy(ix(idxOp("+", o, idx(1))), load(decl.name, src(idxOp("+", o, idx(first))), decl.type)),
    ),
  );
  const shift = rowLoop("shift", span - 1, (o) =>
    over("shift", (ix) => copy(ix(o), load(reuse.name, ix(idxOp("+", o, idx(1))), decl.type))),
  );
  const next = over("load", (ix, src) =>
    copy(ix(idx(span - 1)), load(decl.name, src(idxOp("+", ivRef(X.iv), idx(window.hi))), decl.type)),
  );
  const body = redirect(X.body, decl.name, reuse.name, (ix) =>
    ix.flatMap((e, d) =>
      d === window.dim ? [exprOfAffine(offsetOf(e, X.iv, -window.lo))] : kept[d] ? [e] : [],
    ),
  );
  const g = {
    ...f,
    body: replaceIn(f.body, X, [
      { kind: "alloc", buffer: reuse.name },
      preload,
      { ...X, body: [shift, next, ...body] },
    ]),
    buffers: { ...f.buffers, [reuse.name]: reuse },
  };
  return { module: withFunc(m, g), handles: [{ kind: "buffer", func: f.name, buffer: reuse.name }] };
}

interface Window {
  readonly dim: number;
  readonly lo: number;
  readonly hi: number;
}

/** The one dimension every read slides along, and the range of offsets over all reads. */
function windowOf(acc: readonly Access[], X: ForStmt, decl: BufferDecl, fail: (t: string) => Error): Window {
  let dim: number | undefined;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const a of acc) {
    const text = `${decl.name}[${a.indices.map(show).join("][")}]`;
    const slides = a.indices.flatMap((e, d) => (ivsOf(e).has(X.iv) ? [d] : []));
    if (slides.length !== 1) {
      throw fail(
        slides.length === 0
          ? `the read ${text} does not move with '${X.name}'`
          : `the read ${text} moves with '${X.name}' in several dimensions`,
      );
    }
    if (dim !== undefined && slides[0] !== dim)
      throw fail(`the reads slide along different dimensions (${text})`);
    dim = slides[0];
    const l = affineOf(a.indices[dim]);
    if (l?.terms.get(X.iv) !== 1n) throw fail(`the read ${text} is not '${X.name}' plus an offset`);
    const range = offsetRange(offsetOf(a.indices[dim], X.iv, 0), a.loops);
    if (!range) {
      throw fail(`the offset of ${text} must depend only on loops inside '${X.name}' with constant bounds`);
    }
    lo = Math.min(lo, Number(range[0]));
    hi = Math.max(hi, Number(range[1]));
  }
  return { dim: dim!, lo, hi };
}

/** `e - x + shift` as an affine form (e is affine with coefficient 1 on x). */
function offsetOf(e: Expr, x: string, shift: number): Affine {
  const l = affineOf(e)!;
  const terms = new Map(l.terms);
  terms.delete(x);
  return { c: l.c + BigInt(shift), terms };
}

/** The offset's range over the loops inside the window loop; undefined unless all have constant bounds. */
function offsetRange(off: Affine, loops: readonly ForStmt[]): Range | undefined {
  const ivs = new Map<string, Range>();
  for (const v of off.terms.keys()) {
    const l = loops.find((x) => x.iv === v);
    const start = l && constIndex(l.lb);
    const trip = l && constTripCount(l);
    if (l && start !== undefined && trip) ivs.set(v, [BigInt(start), BigInt(start + (trip - 1) * l.step)]);
  }
  return affineRange(off, ivs);
}

/** Allo's name: `<band>_reuse_<depth of the loop in its band>`. */
function reuseName(outer: readonly ForStmt[], X: ForStmt): string {
  const chain = [...outer, X];
  for (let k = chain.length - 1; k >= 0; k--) {
    const name = chain[k].attrs.opName;
    if (name) return `${name}_reuse_${chain.length - 1 - k}`;
  }
  return `${X.name}_reuse`;
}

function forOf(iv: string, name: string, n: number, body: readonly Stmt[]): ForStmt {
  return { kind: "for", iv, name, lb: idx(0), ub: idx(n), step: 1, attrs: {}, body };
}

function show(e: Expr): string {
  const l = affineOf(e);
  if (!l) return "...";
  const parts = [...l.terms].map(([v, k]) => (k === 1n ? v : `${k} * ${v}`));
  if (l.c !== 0n || parts.length === 0) parts.push(String(l.c));
  return parts.join(" + ");
}
