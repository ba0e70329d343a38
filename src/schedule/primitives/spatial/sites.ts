// Where a PE copy fills its local buffer from memory and writes it back, and how to compare such
// sites between copies: signatures rename the loop variables around a site to their depth, so two
// copies made by unfold compare equal exactly when they do the same thing in the same order.

import { ivRef } from "../../../ir/build.ts";
import type { Expr, ForStmt, Stmt, StoreStmt } from "../../../ir/nodes.ts";
import { canonical } from "../../../ir/same.ts";
import { childBlocks, mapExpr, substituteIvs } from "../../../ir/walk.ts";

export interface Site {
  readonly store: StoreStmt;
  /** Loops around the store inside the unit, outermost first. */
  readonly path: readonly ForStmt[];
  /** Under an if or a while inside the unit. */
  readonly guarded: boolean;
}

/** Where one PE fills its local buffer from memory, and writes it back (accumulated buffers). */
export interface PeSites {
  readonly fill: Site;
  readonly back?: Site;
}

/** The stores of `body` that satisfy `pred`, with their loops. */
export function storesIn(body: readonly Stmt[], pred: (s: StoreStmt) => boolean): Site[] {
  const out: Site[] = [];
  const walk = (b: readonly Stmt[], path: readonly ForStmt[], guarded: boolean): void => {
    for (const s of b) {
      if (s.kind === "store" && pred(s)) out.push({ store: s, path, guarded });
      const inner = s.kind === "for" ? [...path, s] : path;
      const g = guarded || s.kind === "if" || s.kind === "while";
      for (const c of childBlocks(s)) walk(c, inner, g);
    }
  };
  walk(body, [], false);
  return out;
}

/**
 * A canonical text of `exprs` under the loops `path` (bounds included): each loop variable of the path
 * is replaced by its depth, so the text does not depend on how a copy named its variables.
 */
export function signature(path: readonly ForStmt[], exprs: readonly Expr[]): string {
  const depth = new Map(path.map((l, k) => [l.iv, `#${k}`]));
  const canon = (e: Expr) =>
    mapExpr(e, (x) => (x.kind === "iv" && depth.has(x.name) ? { ...x, name: depth.get(x.name)! } : x));
  const bounds = path.map((l) => [canon(l.lb), canon(l.ub), l.step]);
  return canonical([bounds, exprs.map(canon)]);
}

/** `exprs` with the variables of `from` (a site's loops) renamed to those of `to` (same depth). */
export function transplant(exprs: readonly Expr[], from: readonly ForStmt[], to: readonly string[]): Expr[] {
  const map = new Map(from.map((l, k) => [l.iv, ivRef(to[k])]));
  return exprs.map((e) => mapExpr(e, (x) => (x.kind === "iv" && map.has(x.name) ? map.get(x.name)! : x)));
}

/** Copies of `loops` (outermost first) with fresh variables around `body`, bounds renamed to match. */
export function cloneLoops(loops: readonly ForStmt[], ivs: readonly string[], body: readonly Stmt[]): Stmt[] {
  const map = new Map(loops.map((l, k) => [l.iv, ivRef(ivs[k])]));
  let out: readonly Stmt[] = body;
  for (let k = loops.length - 1; k >= 0; k--) {
    const [l] = substituteIvs([{ ...loops[k], body: [] }], map) as [ForStmt];
    const { buffer: _b, opName: _o, ...attrs } = l.attrs;
    out = [{ ...l, iv: ivs[k], attrs, body: out }];
  }
  return [...out];
}
