// IR mutations that seed bugs into correctly scheduled designs, for tests that the verifier rejects them.
import type { Expr, ForStmt, Module, Stmt } from "../../../src/ir/nodes.ts";
import { mapChildBlocks, mapList, rewriteBlock } from "../../../src/ir/walk.ts";

type Rewrite = (s: Stmt) => Stmt | undefined;

/** Rewrites every statement of a block with `f` (undefined keeps it); children are visited too. */
function rewriteAll(b: readonly Stmt[], f: Rewrite): readonly Stmt[] {
  const visit = (s: Stmt): readonly Stmt[] | undefined => {
    const r = f(s);
    return r === undefined ? undefined : [mapChildBlocks(r, (c) => rewriteBlock(c, visit))];
  };
  return rewriteBlock(b, visit);
}

export function rewriteTop(m: Module, f: Rewrite): Module {
  const functions = mapList(m.functions, (fn) =>
    fn.name === m.top ? { ...fn, body: rewriteAll(fn.body, f) } : fn,
  );
  return { ...m, functions };
}

/** Replaces the upper bound of every loop named `name`. */
export function setUpperBound(m: Module, name: string, ub: Expr): Module {
  return rewriteTop(m, (s) => (s.kind === "for" && s.name === name ? ({ ...s, ub } as ForStmt) : undefined));
}

/** Applies `f` to the statements of one spatial unit only. */
export function rewriteUnit(m: Module, unit: string, f: Rewrite): Module {
  return rewriteTop(m, (s) => {
    if (s.kind !== "spatial") return undefined;
    return { ...s, units: s.units.map((u) => (u.name === unit ? { ...u, body: rewriteAll(u.body, f) } : u)) };
  });
}
