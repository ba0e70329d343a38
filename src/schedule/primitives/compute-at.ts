// computeAt(producer, consumer): fuse a producer band into a consumer band at one loop level. As in
// Allo, `producer` names the band and `consumer` the level: the producer's loops down to the
// consumer's depth are merged with the consumer's loops down to `consumer` (same ranges), and what
// the producer does inside that level runs first in each consumer iteration.
// Refused unless every fused iteration touches its own elements of the buffers the two bands share.

import { ivRef } from "../../ir/build.ts";
import type { Expr, ForStmt, Func, Module, Stmt } from "../../ir/nodes.ts";
import { sameExpr } from "../../ir/same.ts";
import {
  childBlocks,
  mapExpr,
  rewriteBlock,
  stmtExprs,
  substituteIvs,
  visitStmts,
  walkExpr,
} from "../../ir/walk.ts";
import type { LoopRef } from "../refs.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { getLoop, withFunc } from "./util/loops.ts";

const P = "computeAt";

/**
 * Moves the producer band (the band whose loop `producer` is) into the consumer band at loop
 * `consumer`. The producer's loops at the consumer's depth are its enclosing loops when `producer` is
 * deeper, else its loop nest followed down through the one loop of each level; the heads must be
 * statements of one block with the producer first, and each pair of merged loops must have the same
 * bounds and step (AL3014). At each merged level the producer's other statements go before (or
 * after) the consumer's, as they were before (or after) the next merged loop.
 *
 * Exactness: for every buffer that one band writes and the other accesses, each merged level must
 * index one dimension with exactly its loop variable in every access of both bands (producer
 * `B[i][j] = ...`, consumer `... = B[ii][jj]` fused at jj); then each fused iteration reads only what
 * it has just produced and the order of everything else is unchanged. Statements between the two
 * bands must not touch what the producer writes or write what it reads, since the producer moves
 * past them.
 */
export function computeAt(m: Module, producer: LoopRef, consumer: LoopRef): PrimitiveResult {
  const { func: f, site: ps } = getLoop(m, producer, P);
  const { site: cs } = getLoop(m, consumer, P);
  const fail = (text: string) =>
    primitiveError("AL3014", P, `producer loop '${ps.loop.name}', consumer loop '${cs.loop.name}': ${text}`);
  if (producer.func !== consumer.func) throw fail("the loops are in different functions");
  let shared = 0;
  while (shared < ps.enclosing.length && ps.enclosing[shared] === cs.enclosing[shared]) shared++;
  const named = [...ps.enclosing.slice(shared), ps.loop];
  const cc = [...cs.enclosing.slice(shared), cs.loop];
  if (named.includes(cs.loop) || cc.includes(ps.loop)) throw fail("one loop encloses the other");
  const pc = atDepth(named, cc, fail);
  const block = blockHolding(f.body, pc[0]);
  const from = block?.indexOf(pc[0]) ?? -1;
  const to = block?.indexOf(cc[0]) ?? -1;
  if (!block || to < 0) throw fail("the two bands are not statements of the same block");
  if (to < from) throw fail("the consumer band runs before the producer band");
  const rename = new Map<string, Expr>(pc.map((l, q) => [l.iv, ivRef(cc[q].iv)]));
  const renamed = (e: Expr) =>
    mapExpr(e, (x) => (x.kind === "iv" && rename.has(x.name) ? rename.get(x.name)! : x));
  pc.forEach((l, q) => {
    const c = cc[q];
    if (!sameExpr(renamed(l.lb), c.lb) || !sameExpr(renamed(l.ub), c.ub) || l.step !== c.step) {
      throw fail(`loop '${l.name}' and loop '${c.name}' iterate different ranges`);
    }
  });
  const pAcc = accessesIn([pc[0]]).map((a) => ({ ...a, indices: a.indices?.map(renamed) }));
  const cAcc = accessesIn([cc[0]]);
  checkDisjoint(pAcc, cAcc, cc, fail);
  checkBetween(block.slice(from + 1, to), pAcc, fail);

  const fused = merge(
    pc.map((l) => ({ ...l, body: substituteIvs(l.body, rename) })),
    cc,
    0,
  );
  const body = rewriteBlock(f.body, (s) => (s === pc[0] ? [] : s === cc[0] ? [fused] : undefined));
  const g: Func = { ...f, body };
  return { module: withFunc(m, g) };
}

/**
 * The producer's loops from its head down to the depth of the consumer loops `cc`: the named loop's
 * enclosing loops, or below it the single loop of each level (several or none match nothing).
 */
function atDepth(named: readonly ForStmt[], cc: readonly ForStmt[], fail: (t: string) => Error): ForStmt[] {
  const depth = cc.length;
  const chain = named.slice(0, depth);
  while (chain.length < depth) {
    const last = chain[chain.length - 1];
    const inner = last.body.filter((s): s is ForStmt => s.kind === "for");
    if (inner.length !== 1) {
      throw fail(
        `the consumer loop is at depth ${depth - 1}, but the producer band has ${inner.length === 0 ? "no loop" : `${inner.length} loops`} ` +
          `inside '${last.name}' to merge with it; compute at '${cc[chain.length - 1].name}' or an outer consumer loop`,
      );
    }
    chain.push(inner[0]);
  }
  return chain;
}

/**
 * The merged loop at `level`: the producer's statements before/after its next loop come before/after
 * the consumer's, around the merged next level; at the last level the producer's body comes first.
 */
function merge(p: readonly ForStmt[], c: readonly ForStmt[], level: number): ForStmt {
  const pl = p[level];
  const cl = c[level];
  if (level === p.length - 1) return { ...cl, body: [...pl.body, ...cl.body] };
  const pk = pl.body.findIndex((s) => s.kind === "for" && s.iv === p[level + 1].iv);
  const ck = cl.body.indexOf(c[level + 1]);
  const inner = merge(p, c, level + 1);
  return {
    ...cl,
    body: [
      ...pl.body.slice(0, pk),
      ...cl.body.slice(0, ck),
      inner,
      ...pl.body.slice(pk + 1),
      ...cl.body.slice(ck + 1),
    ],
  };
}

interface Use {
  readonly buffer: string;
  readonly write: boolean;
  /** Undefined for a buffer passed whole to a call. */
  readonly indices?: readonly Expr[];
}

function accessesIn(b: readonly Stmt[]): Use[] {
  const out: Use[] = [];
  visitStmts(b, (s) => {
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x) => {
        if (x.kind === "load") out.push({ buffer: x.buffer, write: false, indices: x.indices });
        if (x.kind === "streamGet") out.push({ buffer: x.stream, write: true });
      });
    }
    if (s.kind === "store") out.push({ buffer: s.buffer, write: true, indices: s.indices });
    if (s.kind === "streamPut") out.push({ buffer: s.stream, write: true });
    if (s.kind === "alloc") out.push({ buffer: s.buffer, write: true });
    if (s.kind === "call") {
      for (const a of s.args) if (a.kind === "buffer") out.push({ buffer: a.name, write: true });
      for (const r of s.results) out.push({ buffer: r, write: true });
    }
  });
  return out;
}

/** Each merged level must index one dimension with its own variable in every access of a shared buffer. */
function checkDisjoint(
  p: readonly Use[],
  c: readonly Use[],
  levels: readonly ForStmt[],
  fail: (t: string) => Error,
) {
  const buffers = new Set([...p, ...c].map((u) => u.buffer));
  for (const buf of buffers) {
    const inP = p.filter((u) => u.buffer === buf);
    const inC = c.filter((u) => u.buffer === buf);
    if (!inP.length || !inC.length || ![...inP, ...inC].some((u) => u.write)) continue;
    const all = [...inP, ...inC];
    for (const level of levels) {
      const v = ivRef(level.iv);
      const rank = all.find((u) => u.indices)?.indices?.length ?? 0;
      const ok = [...Array(rank).keys()].some((d) =>
        all.every((u) => u.indices && sameExpr(u.indices[d], v)),
      );
      if (!ok) {
        throw fail(
          `both bands use '${buf}', and not every access indexes it with '${level.name}' in one dimension, ` +
            `so a fused iteration could read what another iteration produces`,
        );
      }
    }
  }
}

function checkBetween(between: readonly Stmt[], producer: readonly Use[], fail: (t: string) => Error) {
  const written = new Set(producer.filter((u) => u.write).map((u) => u.buffer));
  const used = new Set(producer.map((u) => u.buffer));
  for (const u of accessesIn(between)) {
    if (written.has(u.buffer) || (u.write && used.has(u.buffer))) {
      throw fail(`a statement between the bands uses '${u.buffer}', so the producer cannot move past it`);
    }
  }
}

function blockHolding(b: readonly Stmt[], target: Stmt): readonly Stmt[] | undefined {
  if (b.includes(target)) return b;
  for (const s of b) {
    for (const c of childBlocks(s)) {
      const found = blockHolding(c, target);
      if (found) return found;
    }
  }
  return undefined;
}
