// A PE that read-modify-writes its part of an array (a tiled PE's `C[p*2 + i][q*2 + j] += a * b`)
// accumulates in a local tile instead: around a block of its body, the tile (the box of elements the
// block touches, accumulator-box.ts) is filled from the array (unless the block's one element is
// stored before it is read), the block works on the tile, and the tile is stored back once at the
// end. A box of one element is a scalar (the PE's k loop inside its i and j loops); when the PE's
// reduction loop sits outside its tile loops (`for k { for i { for j { .. } } }`) no block inside
// k touches one element, so the tile wraps the k loop. The PE's only accesses of the array are then
// those fills and stores, which drainWrites turns into FIFOs from a feed process and to a store
// process: one writer of the array. A feed reads the array before any store lands, so the rewrite
// holds only when the PE reads each element once (distinct iterations of the loops around the block
// reach disjoint boxes) and no two PEs reach one element (their boxes are disjoint: a tile stores
// back every element of its box, touched or not).

import { hull, type Range } from "../../ir/analysis/range.ts";
import { forLoop, idx, ivRef, load } from "../../ir/build.ts";
import { freshName } from "../../ir/names.ts";
import type { Expr, ForStmt, Stmt } from "../../ir/nodes.ts";
import { mapBlock, stmtExprs, visitStmts, walkExpr } from "../../ir/walk.ts";
import {
  affineLoopRange,
  type Box,
  boxOf,
  cornerPlus,
  disjointIterations,
  footprint,
  pairwiseDisjoint,
  type Ranges,
  tileIndices,
  tileShape,
  usesInner,
} from "./accumulator-box.ts";

/** The array being accumulated and the PE-local tile (a scalar when it holds one element) that takes its place. */
export interface Accumulation {
  readonly array: string;
  readonly local: string;
  readonly type: Expr["type"];
}

/** The writers' bodies working on the local tile, and the tile's shape (one for every writer). */
export interface Accumulated {
  readonly bodies: readonly (readonly Stmt[])[];
  readonly shape: readonly number[];
}

interface Access {
  readonly indices: readonly Expr[];
  /** The access is a store at the block's top level whose value does not read the array. */
  readonly plainTopStore: boolean;
}

/** A block given a tile: its shape and every element it reaches (undefined: not known). */
interface Site {
  readonly shape: readonly number[];
  readonly print: readonly Range[] | undefined;
}

/** The block's accesses of the array in program order (a store's value before the store). */
function accessesOf(b: readonly Stmt[], array: string): Access[] {
  const out: Access[] = [];
  const top = new Set(b);
  const seeLoad = (x: Expr) => {
    if (x.kind === "load" && x.buffer === array) out.push({ indices: x.indices, plainTopStore: false });
  };
  visitStmts(b, (st) => {
    const before = out.length;
    for (const e of stmtExprs(st)) walkExpr(e, seeLoad);
    if (st.kind === "store" && st.buffer === array)
      out.push({ indices: st.indices, plainTopStore: top.has(st) && out.length === before });
  });
  return out;
}

/** `b` working on the tile of `box`, with the fill before it and the store back after it. */
function accumulated(
  b: readonly Stmt[],
  box: Box,
  acc: Accumulation,
  first: Access,
  taken: Set<string>,
): Stmt[] {
  const { array, local, type } = acc;
  const inner = mapBlock(
    b,
    (e) => (e.kind === "load" && e.buffer === array ? load(local, tileIndices(box, e.indices), e.type) : e),
    (st) =>
      st.kind === "store" && st.buffer === array
        ? { ...st, buffer: local, indices: tileIndices(box, st.indices) }
        : st,
  );
  const shape = tileShape(box);
  const ivs = shape.map(() => freshName(taken, `${array}_tile`));
  let k = 0;
  // An index the tile does not span keeps the access's own expression when that holds outside the block.
  const element = box.span.map((r, d) => {
    const own = first.indices[d];
    if (r[0] < r[1]) return cornerPlus(box, d, ivRef(ivs[k++]));
    return usesInner(box, own) ? cornerPlus(box, d, idx(0)) : own;
  });
  const at = ivs.map(ivRef);
  const overTile = (leaf: Stmt): Stmt[] =>
    ivs.reduceRight<Stmt[]>(
      (body, iv, d) => [
        forLoop(
          iv,
          `${array}_tile`,
          idx(0),
          idx(shape[d]),
          body,
          d === ivs.length - 1 ? { pipelineII: 1 } : {},
        ),
      ],
      [leaf],
    );
  const fill: Stmt[] =
    shape.length === 0 && first.plainTopStore
      ? []
      : overTile({ kind: "store", buffer: local, indices: at, value: load(array, element, type) });
  const back = overTile({ kind: "store", buffer: array, indices: element, value: load(local, at, type) });
  return [{ kind: "alloc", buffer: local }, ...fill, ...inner, ...back];
}

/**
 * The PE body with its accesses of the array done on local tiles (see the head of this file) and the
 * tiles it uses, or undefined when some access fits no tile (under a branch or at a data-dependent
 * index inside no exact tile, or where an element would be read twice).
 */
function accumulateBody(body: readonly Stmt[], acc: Accumulation, taken: Set<string>) {
  const sites: Site[] = [];
  const walk = (
    b: readonly Stmt[],
    loops: readonly ForStmt[],
    around: Ranges,
  ): readonly Stmt[] | undefined => {
    const accesses = accessesOf(b, acc.array);
    if (accesses.length === 0) return b;
    const box = boxOf(
      b,
      accesses.map((a) => a.indices),
    );
    const exact = box && disjointIterations(box, loops) ? box : undefined;
    const here = (x: Box) => {
      sites.push({ shape: tileShape(x), print: footprint(x, around) });
      return accumulated(b, x, acc, accesses[0], taken);
    };
    // One element: the scalar around the outermost such block (the blocks inside reach the same one).
    if (box && tileShape(box).length === 0) return exact && here(exact);
    const mark = sites.length;
    const inner = children(b, loops, around);
    if (inner) return inner;
    sites.length = mark;
    return exact && here(exact);
  };
  // The block with each loop's body given its own tiles, or undefined when some access sits elsewhere.
  const children = (b: readonly Stmt[], loops: readonly ForStmt[], around: Ranges): Stmt[] | undefined => {
    const out: Stmt[] = [];
    for (const st of b) {
      const own = st.kind === "for" ? { ...st, body: [] } : st;
      if (accessesOf([own], acc.array).length > 0) return undefined;
      if (st.kind !== "for") {
        out.push(st);
        continue;
      }
      const r = affineLoopRange(st, around);
      const inner = walk(st.body, [...loops, st], r ? new Map(around).set(st.iv, r) : around);
      if (!inner) return undefined;
      out.push(inner === st.body ? st : { ...st, body: inner });
    }
    return out;
  };
  const out = walk(body, [], new Map());
  return out && { body: out, sites };
}

/**
 * The writers' bodies on local tiles of one shape, or undefined when some writer's accesses fit no
 * tile, the shapes differ, or two writers' footprints may meet.
 */
export function accumulateLocally(
  bodies: readonly (readonly Stmt[])[],
  acc: Accumulation,
  taken: Set<string>,
): Accumulated | undefined {
  const done = bodies.map((b) => accumulateBody(b, acc, taken));
  if (!done.every((d) => d !== undefined)) return undefined;
  const sites = done.flatMap((d) => d.sites);
  const shape = sites[0]?.shape ?? [];
  if (!sites.every((s) => String(s.shape) === String(shape))) return undefined;
  const prints = done.map((d) => hullOf(d.sites.map((s) => s.print)));
  if (!prints.every((p) => p !== undefined) || !pairwiseDisjoint(prints)) return undefined;
  return { bodies: done.map((d) => d.body), shape };
}

/** The smallest box holding every footprint, or undefined when one is not known. */
function hullOf(prints: readonly (readonly Range[] | undefined)[]): Range[] | undefined {
  if (prints.length === 0 || !prints.every((p) => p !== undefined)) return undefined;
  return prints[0].map((_, d) => hull(prints.flatMap((p) => p[d])));
}
