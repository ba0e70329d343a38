// The box of elements a block of a PE touches in one array, for the PE-local accumulator that takes
// the array's place around the block (local-accumulators.ts). Every access's index is affine; its
// terms in loops around the block place the box (and must be the same for every access), the rest
// (the constant and the loops inside the block, over their constant ranges) spans it. A box is an
// exact stand-in when distinct iterations of the loops around the block reach disjoint boxes, and
// the PEs of a region are told apart when their footprints (every box over every iteration) are.

import { type Affine, affineOf, affineRange, combineAffine, exprOfAffine } from "../../ir/analysis/affine.ts";
import { hull, ivSpan, type Range } from "../../ir/analysis/range.ts";
import { idxOp } from "../../ir/build.ts";
import type { Expr, ForStmt, Stmt } from "../../ir/nodes.ts";
import { visitStmts, walkExpr } from "../../ir/walk.ts";

/** Ranges of loop variables by name. */
export type Ranges = ReadonlyMap<string, Range>;

export interface Box {
  /** Per index: the terms of the loops around the block, which move the box. */
  readonly place: readonly Affine[];
  /** Per index: the range the constant and the loops inside the block add to `place`. */
  readonly span: readonly Range[];
  /** The ranges of the loops inside the block. */
  readonly inner: Ranges;
}

/** The range of a loop with affine bounds over `known` and a positive step, or undefined. */
export function affineLoopRange(l: ForStmt, known: Ranges): Range | undefined {
  const [lb, ub] = [affineOf(l.lb), affineOf(l.ub)];
  const [lo, hi] = [lb && affineRange(lb, known), ub && affineRange(ub, known)];
  return l.step > 0 && lo && hi ? ivSpan(lo, hi) : undefined;
}

/** The ranges of the loops inside `b`, when each has affine bounds over the ones around it there. */
function innerRanges(b: readonly Stmt[]): Ranges | undefined {
  const ranges = new Map<string, Range>();
  let ok = true;
  visitStmts(b, (st) => {
    if (st.kind !== "for") return;
    const r = affineLoopRange(st, ranges);
    if (r) ranges.set(st.iv, r);
    else ok = false;
  });
  return ok ? ranges : undefined;
}

/** `a` split into the terms of loops in `inner` (with the constant) and the other terms. */
function split(a: Affine, inner: Ranges): { place: Affine; rest: Affine } {
  const terms = [...a.terms];
  return {
    place: { c: 0n, terms: new Map(terms.filter(([v]) => !inner.has(v))) },
    rest: { c: a.c, terms: new Map(terms.filter(([v]) => inner.has(v))) },
  };
}

const sameTerms = (a: Affine, b: Affine) =>
  a.terms.size === b.terms.size && [...a.terms].every(([v, k]) => b.terms.get(v) === k);

/** The box of `accesses` (the index lists of a block's accesses), or undefined when one is not affine. */
export function boxOf(b: readonly Stmt[], accesses: readonly (readonly Expr[])[]): Box | undefined {
  const inner = innerRanges(b);
  const forms = accesses.map((ix) => ix.map((e) => affineOf(e)));
  if (!inner || !forms.every((f): f is Affine[] => f.every((a) => a !== undefined))) return undefined;
  const parts = forms.map((f) => f.map((a) => split(a, inner)));
  const place = parts[0].map((p) => p.place);
  if (!parts.every((ps) => ps.every((p, d) => sameTerms(p.place, place[d])))) return undefined;
  const span = place.map((_, d) => hull(parts.flatMap((ps) => affineRange(ps[d].rest, inner) ?? [])));
  return { place, span, inner };
}

const width = (r: Range): bigint => r[1] - r[0];

/** The box's shape on chip: one extent per index it spans more than one value of. */
export const tileShape = (box: Box): number[] =>
  box.span.filter((r) => width(r) > 0n).map((r) => Number(width(r)) + 1);

/**
 * Whether distinct iterations of `loops` (around the block) reach disjoint boxes: each loop is the
 * only term of some index's place, with a stride past the box's width there.
 */
export function disjointIterations(box: Box, loops: readonly ForStmt[]): boolean {
  return loops.every((l) =>
    box.place.some((p, d) => {
      const k = p.terms.get(l.iv);
      return p.terms.size === 1 && k !== undefined && (k < 0n ? -k : k) * BigInt(l.step) > width(box.span[d]);
    }),
  );
}

/** Every element the box reaches over the ranges of the loops around it, or undefined if one is unknown. */
export function footprint(box: Box, around: Ranges): Range[] | undefined {
  const out: Range[] = [];
  for (const [d, p] of box.place.entries()) {
    const r = affineRange(p, around);
    if (!r) return undefined;
    out.push([r[0] + box.span[d][0], r[1] + box.span[d][1]]);
  }
  return out;
}

/** Whether no two footprints (one per PE, a range per index) share an element. */
export function pairwiseDisjoint(prints: readonly (readonly Range[])[]): boolean {
  const apart = (a: readonly Range[], b: readonly Range[]) =>
    a.some((r, d) => r[1] < b[d][0] || b[d][1] < r[0]);
  if (prints.length < 2) return true;
  if (prints[0].length === 0) return false;
  // A sweep along the first index (thousands of PEs): only footprints whose ranges there overlap are
  // compared on the others, so a grid of tiles costs a row of comparisons per PE, not every pair.
  const order = [...prints].sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : 0));
  let open: (readonly Range[])[] = [];
  for (const p of order) {
    open = open.filter((q) => q[0][1] >= p[0][0]);
    if (open.some((q) => !apart(p, q))) return false;
    open.push(p);
  }
  return true;
}

/** The box's corner at index `d` plus `t`: where the tile's element `t` along it sits in the array. */
export const cornerPlus = (box: Box, d: number, t: Expr): Expr =>
  idxOp("+", exprOfAffine(combineAffine(box.place[d], { c: box.span[d][0], terms: new Map() }, 1n)), t);

/** The tile's indices of an array access (the indices the box spans, each less the box's corner). */
export function tileIndices(box: Box, indices: readonly Expr[]): Expr[] {
  return indices.flatMap((e, d) => {
    const { rest } = split(affineOf(e) as Affine, box.inner);
    return width(box.span[d]) > 0n ? [exprOfAffine({ ...rest, c: rest.c - box.span[d][0] })] : [];
  });
}

/** Whether `e` uses a loop inside the block. */
export function usesInner(box: Box, e: Expr): boolean {
  let uses = false;
  walkExpr(e, (x) => void (uses ||= x.kind === "iv" && box.inner.has(x.name)));
  return uses;
}
