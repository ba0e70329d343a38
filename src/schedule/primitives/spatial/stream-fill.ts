// After relay, a PE fills its buffer from the FIFO in a loop (K cycles) and only then runs the loop
// that reads it (K more): the MAC waits for the whole operand vector. When the buffer is read once per
// iteration of that loop at the index the fill wrote, in the fill's order, the fill's body (get, and
// the forward to the next PE) moves to the top of that loop: the PE streams its operands and the FIFO
// sequence of every PE is unchanged, so the Kahn network computes the same values.

import { ivRef } from "../../../ir/build.ts";
import type { Expr, ForStmt, Stmt } from "../../../ir/nodes.ts";
import { sameExpr } from "../../../ir/same.ts";
import {
  childBlocks,
  mapBlockExprs,
  rewriteBlock,
  stmtExprs,
  substituteIvs,
  visitStmts,
  walkExpr,
} from "../../../ir/walk.ts";

/**
 * `body` with the FIFO fill loop of `buf` (the loop holding `got`) fused into its consumer loop; for
 * an accumulated buffer, the loop that passes its results on (holding `back`) fuses into the bottom.
 */
export function streamFill(
  body: readonly Stmt[],
  got: Stmt,
  buf: string,
  back?: Stmt,
): readonly Stmt[] | undefined {
  return fuseIn(body, got, buf, back);
}

/**
 * Once every PE's fill is fused, each iteration writes buf[iv] before it reads it and no other
 * element is read, so one register per PE holds the stream's current value (no K-element buffer).
 */
export function scalarize(body: readonly Stmt[], buf: string): readonly Stmt[] {
  const loads = mapBlockExprs(body, (e) =>
    e.kind === "load" && e.buffer === buf ? { ...e, indices: [] } : e,
  );
  return rewriteBlock(loads, (s) =>
    s.kind === "store" && s.buffer === buf ? [{ ...s, indices: [] }] : undefined,
  );
}

function fuseIn(block: readonly Stmt[], got: Stmt, buf: string, back?: Stmt): readonly Stmt[] | undefined {
  const at = block.findIndex((s) => s.kind === "for" && s.body.includes(got));
  if (at < 0) {
    for (let i = 0; i < block.length; i++) {
      for (const child of childBlocks(block[i])) {
        if (!child.length) continue;
        const fused = fuseIn(child, got, buf, back);
        if (fused) return [...block.slice(0, i), withChild(block[i], child, fused), ...block.slice(i + 1)];
      }
    }
    return undefined;
  }
  const users = block.flatMap((s, i) => (i > at && touches([s], buf) ? [i] : []));
  const [fill, consumer, drain] = [block[at], block[users[0]], block[users[1]]];
  if (users.length !== (back ? 2 : 1) || fill.kind !== "for" || consumer.kind !== "for") return undefined;
  if (!sameTrips(fill, consumer) || !fill.body.every((s) => s === got || s.kind === "streamPut"))
    return undefined;
  if (!onlyAt(fill, buf, got, () => false)) return undefined;
  if (!onlyAt(consumer, buf, got, () => !!back)) return undefined;
  const tail: Stmt[] = [];
  if (back) {
    if (drain?.kind !== "for" || !sameTrips(drain, consumer) || drain.body.length !== 1) return undefined;
    if (drain.body[0] !== back || !onlyAt(drain, buf, got, () => false)) return undefined;
    tail.push(...substituteIvs(drain.body, new Map([[drain.iv, ivRef(consumer.iv)]])));
  }
  const moved = substituteIvs(fill.body, new Map([[fill.iv, ivRef(consumer.iv)]]));
  const fused: ForStmt = { ...consumer, body: [...moved, ...consumer.body, ...tail] };
  return block.flatMap((s, i) => (i === at || i === users[1] ? [] : i === users[0] ? [fused] : [s]));
}

function sameTrips(a: ForStmt, b: ForStmt): boolean {
  return sameExpr(a.lb, b.lb) && sameExpr(a.ub, b.ub) && a.step === b.step;
}

/**
 * True when `loop` touches `buf` only at [its iv] (per iteration its own element, so iterations can
 * interleave with the other loops' ones); `stores(s)` says whether a store `s` to buf is allowed.
 */
function onlyAt(loop: ForStmt, buf: string, got: Stmt, stores: (s: Stmt) => boolean): boolean {
  const here = (ix: readonly Expr[]) => ix.length === 1 && isIv(ix[0], loop.iv);
  let ok = true;
  visitStmts(loop.body, (s) => {
    if (s.kind === "store" && s.buffer === buf && !(here(s.indices) && (s === got || stores(s)))) ok = false;
    if (s.kind === "call" && s.args.some((a) => a.kind === "buffer" && a.name === buf)) ok = false;
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x) => {
        if (x.kind === "load" && x.buffer === buf && !here(x.indices)) ok = false;
      });
    }
  });
  return ok;
}

/** True when a statement of the block reads, writes or passes `buf`. */
function touches(block: readonly Stmt[], buf: string): boolean {
  let hit = false;
  visitStmts(block, (s) => {
    if ((s.kind === "store" && s.buffer === buf) || (s.kind === "alloc" && s.buffer === buf)) hit = true;
    if (s.kind === "call" && s.args.some((a) => a.kind === "buffer" && a.name === buf)) hit = true;
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x) => {
        if (x.kind === "load" && x.buffer === buf) hit = true;
      });
    }
  });
  return hit;
}

const isIv = (e: Expr, name: string) => e.kind === "iv" && e.name === name;

function withChild(s: Stmt, old: readonly Stmt[], next: readonly Stmt[]): Stmt {
  switch (s.kind) {
    case "for":
    case "while":
      return { ...s, body: next };
    case "if":
      return s.then === old ? { ...s, then: next } : { ...s, else: next };
    default:
      return s;
  }
}
