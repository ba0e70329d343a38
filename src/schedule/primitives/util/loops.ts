// Loop and function lookups shared by the schedule primitives: find a function or a loop (by its
// function-unique iv), replace a loop in place with structural sharing, walk a perfect nest (fresh names:
// src/ir/names.ts; trip counts: src/ir/analysis/trip-count.ts). Lookups that fail throw the coded
// primitive errors (AL3001, AL3012).

import { idx, idxOp } from "../../../ir/build.ts";
import type { Expr, ForStmt, Func, LoopAttrs, Module, Stmt } from "../../../ir/nodes.ts";
import { rewriteBlock, visitStmts, walkExpr } from "../../../ir/walk.ts";
import type { LoopRef } from "../../refs.ts";
import { primitiveError } from "../result.ts";

export function getFunc(m: Module, name: string, primitive: string): Func {
  const f = m.functions.find((g) => g.name === name);
  if (!f) {
    const names = m.functions.map((g) => g.name).join(", ");
    throw primitiveError("AL3012", primitive, `no function '${name}'; functions: ${names}`);
  }
  return f;
}

/** A loop with the loops around it, outermost first. */
export interface LoopSite {
  readonly loop: ForStmt;
  readonly enclosing: readonly ForStmt[];
}

export function findLoop(f: Func, iv: string): LoopSite | undefined {
  let found: LoopSite | undefined;
  visitStmts(f.body, (s, loops) => {
    if (!found && s.kind === "for" && s.iv === iv) found = { loop: s, enclosing: loops };
  });
  return found;
}

/** The function and loop a ref names; AL3001 when the loop no longer exists. */
export function getLoop(m: Module, ref: LoopRef, primitive: string): { func: Func; site: LoopSite } {
  const func = getFunc(m, ref.func, primitive);
  const site = findLoop(func, ref.iv);
  if (!site) {
    throw primitiveError(
      "AL3001",
      primitive,
      `function '${ref.func}' has no loop with induction variable '${ref.iv}' (an earlier step replaced it)`,
    );
  }
  return { func, site };
}

/** Replaces the loop with induction variable `iv` by the statements `f` returns. */
export function replaceLoop(func: Func, iv: string, f: (loop: ForStmt) => readonly Stmt[]): Func {
  const body = rewriteBlock(func.body, (s) => (s.kind === "for" && s.iv === iv ? f(s) : undefined));
  return body === func.body ? func : { ...func, body };
}

/** Replaces a function of the module by name (same module object when `f` is unchanged). */
export function withFunc(m: Module, f: Func): Module {
  let changed = false;
  const functions = m.functions.map((g) => {
    if (g.name !== f.name || g === f) return g;
    changed = true;
    return f;
  });
  return changed ? { ...m, functions } : m;
}

/** The loop and the loops perfectly nested in it (each body is exactly one loop), outermost first. */
export function perfectChain(loop: ForStmt): ForStmt[] {
  const chain = [loop];
  let cur = loop;
  while (cur.body.length === 1 && cur.body[0].kind === "for") {
    cur = cur.body[0];
    chain.push(cur);
  }
  return chain;
}

/** The value of the original iv given the normalized index n (0, 1, 2, ...): lb + n * step. */
export function ivFromIndex(l: ForStmt, n: Expr): Expr {
  return idxOp("+", l.lb, idxOp("*", n, idx(l.step)));
}

/** The ivs an expression reads. */
export function ivsOf(e: Expr): Set<string> {
  const out = new Set<string>();
  walkExpr(e, (x) => {
    if (x.kind === "iv") out.add(x.name);
  });
  return out;
}

/** The attributes that are set (no `undefined` members, so printing and equality stay exact). */
export function definedAttrs(a: LoopAttrs): LoopAttrs {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as LoopAttrs;
}

/** The module with `patch` merged into the loop's attributes (the same module when nothing changes). */
export function setLoopAttrs(m: Module, ref: LoopRef, primitive: string, patch: LoopAttrs): Module {
  const { func, site } = getLoop(m, ref, primitive);
  const old = site.loop.attrs;
  const attrs = definedAttrs({ ...old, ...patch });
  const keys = new Set([...Object.keys(old), ...Object.keys(attrs)]) as Set<keyof LoopAttrs>;
  if ([...keys].every((k) => old[k] === attrs[k])) return m;
  return withFunc(
    m,
    replaceLoop(func, ref.iv, (l) => [{ ...l, attrs }]),
  );
}
