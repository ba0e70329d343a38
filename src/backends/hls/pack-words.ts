// packWords: a process that reads an m_axi port `w` adjacent, aligned elements at a time (relay's B
// loader reads B[k][jo*Nt + q] for the Nt PE columns q; a staged tile's fill reads its rows in words)
// reads it as an array of words: `hls::vector<T, w>`, one AXI beat each, the standard way Vitis
// kernels reach the bus's bandwidth (a beat carries up to 512 bits). Every read of a word's lanes in
// one iteration is the same address, so Vitis issues one read for them and the m_axi read channel
// (one read a cycle) then carries w elements a cycle instead of one.

import { type Affine, affineOf, constAffine, exprOfAffine } from "../../ir/analysis/affine.ts";
import { constIndex } from "../../ir/build.ts";
import type { BufferDecl, Expr, Func } from "../../ir/nodes.ts";
import { mapBlockExprs, mapExpr, visitExprs, visitStmts } from "../../ir/walk.ts";
import { widthOf } from "../cxx/types.ts";

/** The most bytes one AXI beat carries (Vitis's widest m_axi data port). */
const BEAT_BYTES = 64;

/** Bytes an element takes in memory: whole bytes, a power of two of them (ap_int<4> takes one). */
function elementBytes(d: BufferDecl): number {
  let n = 1;
  while (n * 8 < widthOf(d.type)) n *= 2;
  return n;
}

/** The elements of `d` one beat carries. */
export const beatLanes = (d: BufferDecl): number => BEAT_BYTES / elementBytes(d);

/** A last index split into a word and a lane: index = word * w + lane. */
interface Split {
  readonly word: Affine;
  readonly lane: Expr;
}

/** Fully unrolled loops of `f` over [0, n), step 1 (a word's lanes, all read in one iteration): n for each. */
function laneRanges(f: Func): Map<string, number> {
  const out = new Map<string, number>();
  visitStmts(f.body, (s) => {
    if (s.kind !== "for" || s.attrs.unroll !== 0 || constIndex(s.lb) !== 0 || s.step !== 1) return;
    const ub = constIndex(s.ub);
    if (ub !== undefined) out.set(s.iv, ub);
  });
  return out;
}

/** `last` as word * w + lane, the lane a constant or an unrolled loop's variable below w; else undefined. */
function split(last: Affine, w: number, ranges: ReadonlyMap<string, number>): Split | undefined {
  const W = BigInt(w);
  const word = new Map<string, bigint>();
  const rest: [string, bigint][] = [];
  for (const [v, k] of last.terms) {
    if (k % W === 0n) word.set(v, k / W);
    else rest.push([v, k]);
  }
  const lo = ((last.c % W) + W) % W;
  const hi = { c: (last.c - lo) / W, terms: word };
  if (rest.length === 0) return { word: hi, lane: exprOfAffine(constAffine(lo)) };
  const [[v, k]] = rest;
  if (rest.length > 1 || k !== 1n || lo !== 0n || (ranges.get(v) ?? Infinity) > w) return undefined;
  return { word: hi, lane: exprOfAffine({ c: 0n, terms: new Map([[v, 1n]]) }) };
}

/** The lanes of the words `f` reads `src` in: the widest power of two that splits every read; 1 if none. */
export function wordLanes(f: Func, src: string): number {
  const decl = f.buffers[src];
  const lastDim = decl.shape.at(-1) ?? 1;
  const reads: (Affine | undefined)[] = [];
  visitExprs(f.body, (x) => {
    if (x.kind === "load" && x.buffer === src) reads.push(affineOf(x.indices.at(-1) as Expr));
  });
  const ranges = laneRanges(f);
  for (let w = beatLanes(decl); w > 1; w /= 2) {
    if (lastDim % w !== 0) continue;
    if (reads.length && reads.every((a) => a && split(a, w, ranges))) return w;
  }
  return 1;
}

/** The port's declaration read in words of `w` lanes: the last dimension split into words and lanes. */
export function wordDecl(decl: BufferDecl, w: number): BufferDecl {
  const last = decl.shape.at(-1) as number;
  return { ...decl, shape: [...decl.shape.slice(0, -1), last / w, w], word: w };
}

/** `f` reading `src` in words of `w` lanes (wordLanes(f, src) === w). */
export function packWords(f: Func, src: string, w: number): Func {
  const ranges = laneRanges(f);
  const toWord = (x: Expr): Expr => {
    if (x.kind !== "load" || x.buffer !== src) return x;
    const s = split(affineOf(x.indices.at(-1) as Expr) as Affine, w, ranges) as Split;
    return { ...x, indices: [...x.indices.slice(0, -1), exprOfAffine(s.word), s.lane] };
  };
  const body = mapBlockExprs(f.body, (x) => mapExpr(x, toWord));
  return { ...f, body, buffers: { ...f.buffers, [src]: wordDecl(f.buffers[src], w) } };
}
