// reuseAt(buffer, loop): a reuse buffer for reads that slide along `loop` (stencils, convolutions).
// The buffer keeps the last `span` rows of the window; each iteration shifts it by one row and loads
// only the new row, so every element is read from the original buffer once per sweep. Exact: the
// reads see the same values, and the original is never written while the window slides.

import { type Affine, affineOf, affineRange, exprOfAffine } from "../../ir/analysis/affine.ts";
import type { Range } from "../../ir/analysis/range.ts";
import { constTripCount } from "../../ir/analysis/trip-count.ts";
import { constIndex, idx, idxOp, ivRef, load } from "../../ir/build.ts";
import { freshName, takenNames } from "../../ir/names.ts";
import type { BufferDecl, Expr, ForStmt, Module, Stmt } from "../../ir/nodes.ts";
import type { BufferRef, LoopRef } from "../refs.ts";
import { type Access, accessesOf, dimName, fixedDim, redirect, replaceIn } from "./memory/nest.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { getLoop, ivsOf, withFunc } from "./util/loops.ts";

const P = "reuseAt";

/**
 * Reuses the reads of `buf` along `loop` (constant bounds, step 1). Every read inside the loop must
 * index exactly one dimension (the window dimension) with `s * x + base + offset`: x the loop variable,
 * s >= 1 the stride (the same for every read; 2 for a stride-2 convolution), base an expression of the
 * loops around x (the same for every read; a split's outer loop: `4 * x.outer + x.inner + c`) and the
 * offset over loops inside x with constant bounds (`A[y][x + c]`, c in 0..3); the offsets over all
 * reads span [lo, hi], the window. Other dimensions are dropped when every read indexes them with the
 * same expression of enclosing loops, and kept whole otherwise (a line buffer: reuseAt(A, "y") on
 * `A[y + r][x + c]` gives shape [3, W]).
 *
 * The buffer `<band>_reuse_<axis>` (band = the enclosing named band, axis = the loop's depth in it, as
 * in Allo) has the window dimension of extent hi - lo + 1 in place of the original one. Before the
 * loop, rows s.. are preloaded with the first hi - lo + 1 - s rows; each iteration first shifts every
 * row down by s and loads the s new rows (`s * x + hi - s + 1 ..`) into the last s. Reads become
 * `buf[offset - lo]`. The result is itself a buffer read along inner loops, so reuseAt chains: a line
 * buffer reused along x gives a window buffer.
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
  const { stride } = window;
  const span = window.hi - window.lo + 1;
  if (span <= stride) throw fail("each iteration reads different elements, so there is nothing to reuse");
  const baseRange = affineRange(window.base, rangesOf(outer));
  if (!baseRange) throw fail(`the reads depend on loops around '${X.name}' whose bounds are not constant`);
  const first = stride * lb + window.lo;
  const last = stride * (ub - 1) + window.hi;
  if (Number(baseRange[0]) + first < 0 || Number(baseRange[1]) + last >= decl.shape[window.dim]) {
    throw fail(
      `the window reads rows ${Number(baseRange[0]) + first}..${Number(baseRange[1]) + last} of dimension ${window.dim + 1}, outside [0, ${decl.shape[window.dim]})`,
    );
  }
  // Rows are read at `base + row`: base is the part of the index fixed while the window slides.
  const base = exprOfAffine(window.base);
  const row = (r: Expr) => idxOp("+", base, r);
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
  const preload = rowLoop("fill", span - stride, (o) =>
    over("fill", (ix, src) =>
      copy(ix(idxOp("+", o, idx(stride))), load(decl.name, src(row(idxOp("+", o, idx(first)))), decl.type)),
    ),
  );
  const shift = rowLoop("shift", span - stride, (o) =>
    over("shift", (ix) => copy(ix(o), load(reuse.name, ix(idxOp("+", o, idx(stride))), decl.type))),
  );
  // Each iteration brings in `stride` new rows: row j of them is `stride * x + hi - stride + 1 + j`.
  const newRow = (j: Expr) =>
    over("load", (ix, src) =>
      copy(
        ix(idxOp("+", j, idx(span - stride))),
        load(
          decl.name,
          src(
            row(idxOp("+", idxOp("*", idx(stride), ivRef(X.iv)), idxOp("+", j, idx(window.hi - stride + 1)))),
          ),
          decl.type,
        ),
      ),
    );
  const next = stride === 1 ? newRow(idx(0)) : rowLoop("load", stride, newRow);
  const body = redirect(X.body, decl.name, reuse.name, (ix) =>
    ix.flatMap((e, d) =>
      d === window.dim
        ? [exprOfAffine(innerOf(offsetOf(e, X.iv, -window.lo), window.base))]
        : kept[d]
          ? [e]
          : [],
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
  /** Every read is `stride * x + base + offset`, offset in [lo, hi] over loops inside x. */
  readonly stride: number;
  /** The part of the index over loops enclosing x (a split's outer loop): fixed while x slides. */
  readonly base: Affine;
  readonly lo: number;
  readonly hi: number;
}

/** The one dimension every read slides along, and the range of offsets over all reads. */
function windowOf(acc: readonly Access[], X: ForStmt, decl: BufferDecl, fail: (t: string) => Error): Window {
  let dim: number | undefined;
  let stride: bigint | undefined;
  let base: Affine | undefined;
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
    const k = affineOf(a.indices[dim])?.terms.get(X.iv);
    if (k === undefined || k < 1n)
      throw fail(`the read ${text} is not '${X.name}' (times a positive stride) plus an offset`);
    if (stride !== undefined && k !== stride)
      throw fail(`the reads move with '${X.name}' at different strides (${text})`);
    stride = k;
    const off = offsetOf(a.indices[dim], X.iv, 0);
    const inside = new Set(a.loops.map((l) => l.iv));
    const outerPart: Affine = { c: 0n, terms: new Map([...off.terms].filter(([v]) => !inside.has(v))) };
    if (base !== undefined && !sameAffine(base, outerPart))
      throw fail(`the reads are offset by different expressions of the loops around '${X.name}' (${text})`);
    base = outerPart;
    const range = offsetRange(innerOf(off, outerPart), a.loops);
    if (!range) {
      throw fail(`the offset of ${text} must depend only on loops inside '${X.name}' with constant bounds`);
    }
    lo = Math.min(lo, Number(range[0]));
    hi = Math.max(hi, Number(range[1]));
  }
  return { dim: dim!, stride: Number(stride!), base: base!, lo, hi };
}

/** `off - base` (base: terms only). */
function innerOf(off: Affine, base: Affine): Affine {
  return { c: off.c, terms: new Map([...off.terms].filter(([v]) => !base.terms.has(v))) };
}

const sameAffine = (a: Affine, b: Affine): boolean =>
  a.c === b.c && a.terms.size === b.terms.size && [...a.terms].every(([v, k]) => b.terms.get(v) === k);

/** The ranges of those loops that have constant bounds (a variable of another has no range). */
function rangesOf(loops: readonly ForStmt[]): Map<string, Range> {
  const out = new Map<string, Range>();
  for (const l of loops) {
    const start = constIndex(l.lb);
    const trip = constTripCount(l);
    if (start !== undefined && trip) out.set(l.iv, [BigInt(start), BigInt(start + (trip - 1) * l.step)]);
  }
  return out;
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
  return affineRange(off, rangesOf(loops));
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
