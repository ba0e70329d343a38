// stageTile: a loader whose reads of an array do not depend on one of its loops reads them once per
// pass of that loop into a tile on chip and puts the tile's values from then on. relay's A loader
// reads A[p*Mb + i][k] for every PE row p at each column step: a tile of Mt rows x K, read again N/Nt
// times. The tile row t holds the loader's t-th read (the reads must step through the array evenly,
// as the PE rows do), so the fill runs along the array's last index (bursts, and words of `lanes`
// elements from an m_axi port: pack-words.ts) and the puts read one element of every row a cycle
// (rows in banks of their own). In LUTRAM (bind_storage): the seed's array uses no BRAM; a 16 x 768
// int8 tile is 1,536 LUTs.

import { type Affine, affineOf, combineAffine, constAffine, exprOfAffine } from "../../ir/analysis/affine.ts";
import { constTripCount } from "../../ir/analysis/trip-count.ts";
import { forLoop, idx, ivRef, load } from "../../ir/build.ts";
import { freshName, takenNames } from "../../ir/names.ts";
import type { BufferDecl, Expr, ForStmt, Func, LoadExpr, LoopAttrs, Stmt } from "../../ir/nodes.ts";
import { mapBlockExprs, mapExpr, substituteIvs, visitExprs } from "../../ir/walk.ts";
import { widthOf } from "../cxx/types.ts";

/** A perfect nest from the top of a function body: every loop's body is the next loop only. */
function perfectNest(body: readonly Stmt[]): ForStmt[] {
  const out: ForStmt[] = [];
  let b = body;
  while (b.length === 1 && b[0].kind === "for") {
    out.push(b[0]);
    b = b[0].body;
  }
  return out;
}

const mentions = (forms: readonly Affine[][], iv: string) =>
  forms.some((f) => f.some((a) => a.terms.has(iv)));

const sameTerms = (a: Affine, b: Affine) =>
  a.terms.size === b.terms.size && [...a.terms].every(([v, k]) => b.terms.get(v) === k);

/** The constant step d with form t = form 0 + t * d for every read, or undefined. */
function evenStep(forms: readonly Affine[][]): bigint[] | undefined {
  const d = forms[0].map((a, i) => (forms.length > 1 ? forms[1][i].c - a.c : 0n));
  const even = forms.every((f, t) =>
    f.every((a, i) => sameTerms(a, forms[0][i]) && a.c === forms[0][i].c + BigInt(t) * d[i]),
  );
  return even ? d : undefined;
}

/** The form with each iv replaced by an affine form of new ivs. */
function substitute(a: Affine, by: ReadonlyMap<string, Affine>): Affine {
  let out = constAffine(a.c);
  for (const [v, k] of a.terms)
    out = combineAffine(out, by.get(v) ?? { c: 0n, terms: new Map([[v, 1n]]) }, k);
  return out;
}

const ivForm = (iv: string, k = 1n): Affine => ({ c: 0n, terms: new Map([[iv, k]]) });

/** Lanes of the fill's words: the most (a power of two, up to `lanes`) that keep words aligned. */
function fillLanes(last: Affine, iv: string, trip: number, lanes: number): number {
  if (last.terms.get(iv) !== 1n) return 1;
  let w = 1;
  while (w * 2 <= lanes && trip % (w * 2) === 0) w *= 2;
  const aligned = (n: bigint) => n % BigInt(w) === 0n;
  while (w > 1 && !(aligned(last.c) && [...last.terms].every(([v, k]) => v === iv || aligned(k)))) w /= 2;
  return w;
}

/** The most bits a tile takes (1 Mbit, 16K LUTs of LUTRAM): a bigger one is not worth its area. */
const MAX_TILE_BITS = 1 << 20;

/**
 * `f` with its reads of `src` staged through a tile, or undefined when `f` is not a loader: a perfect
 * nest whose innermost loop (from 0, step 1, constant trip) puts values and reads `src` evenly (affine
 * indices, read t = read 0 + t * d), and the loop around it one the reads do not depend on. The fill
 * reads words of at most `lanes` elements (one m_axi beat), and no more than the reads an iteration:
 * it fills the tile as fast as the puts empty one column of it.
 */
export function stageTile(f: Func, src: string, lanes: number): Func | undefined {
  const nest = perfectNest(f.body);
  const [reused, inner] = nest.slice(-2);
  // A PE array's loader (relay's): its innermost body only puts values into FIFOs.
  if (!inner?.body.every((st) => st.kind === "streamPut")) return undefined;
  const reads: LoadExpr[] = [];
  visitExprs(inner.body, (x) => {
    if (x.kind === "load" && x.buffer === src) reads.push(x);
  });
  const forms = reads.map((r) => r.indices.map((x) => affineOf(x)));
  if (reads.length === 0 || !forms.every((fm) => fm.every((a) => a !== undefined))) return undefined;
  const affine = forms as Affine[][];
  const step = evenStep(affine);
  const trip = inner.lb.kind === "const" && inner.step === 1 ? constTripCount(inner) : undefined;
  const decl = f.buffers[src];
  const bits = reads.length * (trip ?? 0) * widthOf(decl.type);
  if (!step || mentions(affine, reused.iv) || !trip || bits > MAX_TILE_BITS) return undefined;
  const taken = takenNames(f);
  const w = fillLanes(affine[0].at(-1) as Affine, inner.iv, trip, Math.min(lanes, reads.length));
  // Rows in banks of their own (a put of each a cycle); with words, [row][word][lane], the lanes in
  // banks of their own (a word's lanes written at once) and the fill and the puts in nests that step
  // through them in order (the printer then knows the fill overwrites the whole tile).
  const shape = w > 1 ? [reads.length, trip / w, w] : [reads.length, trip];
  const tile: BufferDecl = {
    name: freshName(taken, `${src}_tile`),
    type: decl.type,
    shape,
    role: "local",
    partitions: [],
    layout: shape.map((n, k) => (k !== 1 && n > 1 ? { kind: "complete" } : { kind: "none" })),
    storage: { impl: "lutram", type: "ram_s2p" },
  };
  const row = freshName(taken, `${tile.name}_row`);
  // The innermost loop's range as one loop, or in words: `<name>_word` over words, then a loop over a
  // word's lanes, unrolled in the fill (a word a cycle), the pipelined loop itself in the puts.
  const nested = (
    name: string,
    ivs: [string, string],
    body: readonly Stmt[],
    attrs: LoopAttrs,
    fill: boolean,
  ) => {
    if (w === 1) return forLoop(ivs[0], name, idx(0), idx(trip), body, attrs);
    const lanes = fill
      ? forLoop(ivs[1], `${name}_lane`, idx(0), idx(w), body, { unroll: 0 })
      : forLoop(ivs[1], name, idx(0), idx(w), body, attrs);
    return forLoop(ivs[0], `${name}_word`, idx(0), idx(trip / w), [lanes], fill ? attrs : {});
  };
  const slot = (word: string, lane: string): Expr[] => (w > 1 ? [ivRef(word), ivRef(lane)] : [ivRef(word)]);
  const kAt = (word: string, lane: string): Affine =>
    combineAffine(ivForm(word, BigInt(w)), w > 1 ? ivForm(lane) : constAffine(0n), 1n);
  // The fill: row t, the innermost loop's range in words, a word a cycle (its lanes unrolled).
  const [fw, fl] = [freshName(taken, `${inner.iv}_fill`), freshName(taken, `${inner.iv}_fill_lane`)];
  const by = new Map([[inner.iv, kAt(fw, fl)]]);
  const index = (form: Affine, d: bigint) =>
    exprOfAffine(combineAffine(substitute(form, by), ivForm(row), d));
  const value = load(
    src,
    affine[0].map((fm, i) => index(fm, step[i])),
    decl.type,
  );
  const store: Stmt = { kind: "store", buffer: tile.name, indices: [ivRef(row), ...slot(fw, fl)], value };
  const fillNest = nested(`${inner.name}_fill`, [fw, fl], [store], { pipelineII: 1 }, true);
  const fill = forLoop(row, `${tile.name}_row`, idx(0), idx(reads.length), [fillNest]);
  // The puts: read t from row t of the tile, in the innermost loop's order and schedule.
  const [pw, pl] =
    w > 1 ? [freshName(taken, `${inner.iv}_word`), freshName(taken, `${inner.iv}_lane`)] : [inner.iv, ""];
  const fromTile = (x: Expr): Expr => {
    const t = reads.indexOf(x as LoadExpr);
    return t < 0 ? x : load(tile.name, [idx(t), ...slot(pw, pl)], decl.type);
  };
  const puts = mapBlockExprs(inner.body, (x) => mapExpr(x, fromTile));
  const k = new Map([[inner.iv, exprOfAffine(kAt(pw, pl))]]);
  const emit = nested(inner.name, [pw, pl], w > 1 ? substituteIvs(puts, k) : puts, inner.attrs, false);
  const staged: Stmt[] = [{ kind: "alloc", buffer: tile.name }, fill, { ...reused, body: [emit] }];
  const body = nest.slice(0, -2).reduceRight<readonly Stmt[]>((b, l) => [{ ...l, body: b }], staged);
  return { ...f, buffers: { ...f.buffers, [tile.name]: tile }, body };
}
