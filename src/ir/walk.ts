// Generic traversals and rewrites of the IR with structural sharing: a rewrite that changes nothing
// returns the very same node, so callers (and printAfterEach) can test `===` for "unchanged".
// Every switch over node kinds ends in assertNever: a new kind fails to compile until it is handled here.

import { assertNever } from "../diagnostics/error.ts";
import type { Expr, ForStmt, Func, Module, SpatialUnit, Stmt } from "./nodes.ts";

/** Rewrites every expression bottom-up with `f` (f sees children already rewritten). */
export function mapExpr(e: Expr, f: (e: Expr) => Expr): Expr {
  let next: Expr = e;
  switch (e.kind) {
    case "const":
    case "iv":
    case "param":
      break;
    case "load": {
      const indices = mapExprs(e.indices, f);
      if (indices !== e.indices) next = { ...e, indices };
      break;
    }
    case "streamGet": {
      const indices = mapExprs(e.indices, f);
      if (indices !== e.indices) next = { ...e, indices };
      break;
    }
    case "binary":
    case "logical": {
      const lhs = mapExpr(e.lhs, f);
      const rhs = mapExpr(e.rhs, f);
      if (lhs !== e.lhs || rhs !== e.rhs) next = { ...e, lhs, rhs } as Expr;
      break;
    }
    case "unary": {
      const operand = mapExpr(e.operand, f);
      if (operand !== e.operand) next = { ...e, operand };
      break;
    }
    case "cast":
    case "bitcast":
    case "bitPos": {
      const value = mapExpr(e.value, f);
      if (value !== e.value) next = { ...e, value };
      break;
    }
    case "select": {
      const cond = mapExpr(e.cond, f);
      const then = mapExpr(e.then, f);
      const els = mapExpr(e.else, f);
      if (cond !== e.cond || then !== e.then || els !== e.else) next = { ...e, cond, then, else: els };
      break;
    }
    case "intrinsic": {
      const args = mapExprs(e.args, f);
      if (args !== e.args) next = { ...e, args };
      break;
    }
    default:
      assertNever(e, "expression");
  }
  return f(next);
}

/** mapExpr over a list (mapList without a closure per call: the walkers visit every index list). */
function mapExprs(xs: readonly Expr[], f: (e: Expr) => Expr): readonly Expr[] {
  let out: Expr[] | undefined;
  for (let i = 0; i < xs.length; i++) {
    const y = mapExpr(xs[i], f);
    if (out === undefined && y !== xs[i]) out = xs.slice(0, i);
    out?.push(y);
  }
  return out ?? xs;
}

/** Maps a list, returning the same array when every element is unchanged. */
export function mapList<T>(xs: readonly T[], f: (x: T) => T): readonly T[] {
  let out: T[] | undefined;
  for (let i = 0; i < xs.length; i++) {
    const y = f(xs[i]);
    if (out === undefined && y !== xs[i]) out = xs.slice(0, i);
    out?.push(y);
  }
  return out ?? xs;
}

/** Rewrites every expression directly held by a statement (not those of nested statements). */
export function mapStmtExprs(s: Stmt, f: (e: Expr) => Expr): Stmt {
  switch (s.kind) {
    case "for": {
      const lb = mapExpr(s.lb, f);
      const ub = mapExpr(s.ub, f);
      return lb === s.lb && ub === s.ub ? s : { ...s, lb, ub };
    }
    case "if": {
      const cond = mapExpr(s.cond, f);
      return cond === s.cond ? s : { ...s, cond };
    }
    case "while": {
      const cond = mapExpr(s.cond, f);
      return cond === s.cond ? s : { ...s, cond };
    }
    case "store":
    case "streamPut": {
      const indices = mapExprs(s.indices, f);
      const value = mapExpr(s.value, f);
      return indices === s.indices && value === s.value ? s : ({ ...s, indices, value } as Stmt);
    }
    case "call": {
      const args = mapList(s.args, (a) => {
        if (a.kind !== "value") return a;
        const value = mapExpr(a.value, f);
        return value === a.value ? a : { kind: "value" as const, value };
      });
      return args === s.args ? s : { ...s, args };
    }
    case "alloc":
    case "spatial":
      return s;
    default:
      return assertNever(s, "statement");
  }
}

/** Replaces each statement's child blocks through `f` (one level). */
export function mapChildBlocks(s: Stmt, f: (b: readonly Stmt[]) => readonly Stmt[]): Stmt {
  switch (s.kind) {
    case "for":
    case "while": {
      const body = f(s.body);
      return body === s.body ? s : { ...s, body };
    }
    case "if": {
      const then = f(s.then);
      const els = f(s.else);
      return then === s.then && els === s.else ? s : { ...s, then, else: els };
    }
    case "spatial": {
      const units = mapList(s.units, (u): SpatialUnit => {
        const body = f(u.body);
        return body === u.body ? u : { ...u, body };
      });
      return units === s.units ? s : { ...s, units };
    }
    case "store":
    case "streamPut":
    case "alloc":
    case "call":
      return s;
    default:
      return assertNever(s, "statement");
  }
}

/** Rewrites every expression anywhere in a block. */
export function mapBlockExprs(b: readonly Stmt[], f: (e: Expr) => Expr): readonly Stmt[] {
  return mapBlock(b, f, (s) => s);
}

/**
 * Rewrites every expression anywhere in a block with `expr`, and every statement with `stmt` once its
 * expressions and child blocks are rewritten: one walk where mapBlockExprs and rewriteBlock take two.
 */
export function mapBlock(
  b: readonly Stmt[],
  expr: (e: Expr) => Expr,
  stmt: (s: Stmt) => Stmt,
): readonly Stmt[] {
  // One pair of closures per walk, not per statement.
  const block = (c: readonly Stmt[]): readonly Stmt[] => mapList(c, one);
  const one = (s: Stmt): Stmt => stmt(mapChildBlocks(mapStmtExprs(s, expr), block));
  return block(b);
}

/**
 * Rewrites statements top-down: `f` may return a replacement list for a statement (or undefined to
 * keep it and descend into its children).
 */
export function rewriteBlock(
  b: readonly Stmt[],
  f: (s: Stmt) => readonly Stmt[] | undefined,
): readonly Stmt[] {
  let out: Stmt[] | undefined;
  const inner = (c: readonly Stmt[]) => rewriteBlock(c, f);
  for (let i = 0; i < b.length; i++) {
    const s = b[i];
    const r = f(s);
    if (r === undefined) {
      // The common case (keep and descend) allocates nothing when the children are unchanged.
      const kept = mapChildBlocks(s, inner);
      if (out === undefined && kept !== s) out = b.slice(0, i);
      out?.push(kept);
      continue;
    }
    if (out === undefined && !(r.length === 1 && r[0] === s)) out = b.slice(0, i);
    out?.push(...r);
  }
  return out ?? b;
}

/**
 * Calls `f` on every statement (pre-order) with its enclosing loops, outermost first (collected only
 * when `f` takes them). The walkers index their lists: a PE array's thousands of processes are each
 * walked once by every pass, mostly before V8 has optimized the walk.
 */
export function visitStmts(
  b: readonly Stmt[],
  f: (s: Stmt, loops: readonly ForStmt[]) => void,
  loops: readonly ForStmt[] = [],
): void {
  const withLoops = f.length > 1;
  for (let i = 0; i < b.length; i++) {
    const s = b[i];
    f(s, loops);
    switch (s.kind) {
      case "for":
        visitStmts(s.body, f, withLoops ? [...loops, s] : loops);
        break;
      case "while":
        visitStmts(s.body, f, loops);
        break;
      case "if":
        visitStmts(s.then, f, loops);
        visitStmts(s.else, f, loops);
        break;
      case "spatial":
        for (let u = 0; u < s.units.length; u++) visitStmts(s.units[u].body, f, loops);
        break;
      case "store":
      case "streamPut":
      case "alloc":
      case "call":
        break;
      default:
        assertNever(s, "statement");
    }
  }
}

const NO_BLOCKS: readonly (readonly Stmt[])[] = [];

export function childBlocks(s: Stmt): readonly (readonly Stmt[])[] {
  switch (s.kind) {
    case "for":
    case "while":
      return [s.body];
    case "if":
      return [s.then, s.else];
    case "spatial":
      return s.units.map((u) => u.body);
    case "store":
    case "streamPut":
    case "alloc":
    case "call":
      return NO_BLOCKS;
    default:
      return assertNever(s, "statement");
  }
}

/** Calls `f` on every expression and sub-expression (pre-order) held anywhere in the block. */
export function visitExprs(b: readonly Stmt[], f: (e: Expr) => void): void {
  visitStmts(b, (s) => {
    const es = stmtExprs(s);
    for (let i = 0; i < es.length; i++) walkExpr(es[i], f);
  });
}

const NO_EXPRS: readonly Expr[] = [];

export function stmtExprs(s: Stmt): readonly Expr[] {
  switch (s.kind) {
    case "for":
      return [s.lb, s.ub];
    case "if":
    case "while":
      return [s.cond];
    case "store":
    case "streamPut":
      return s.indices.length === 0 ? [s.value] : [...s.indices, s.value];
    case "call": {
      let out: Expr[] | undefined;
      for (let i = 0; i < s.args.length; i++) {
        const a = s.args[i];
        if (a.kind === "value") (out ??= []).push(a.value);
      }
      return out ?? NO_EXPRS;
    }
    case "alloc":
    case "spatial":
      return NO_EXPRS;
    default:
      return assertNever(s, "statement");
  }
}

export function walkExpr(e: Expr, f: (e: Expr) => void): void {
  f(e);
  switch (e.kind) {
    case "load":
    case "streamGet":
      for (let i = 0; i < e.indices.length; i++) walkExpr(e.indices[i], f);
      break;
    case "binary":
    case "logical":
      walkExpr(e.lhs, f);
      walkExpr(e.rhs, f);
      break;
    case "unary":
      walkExpr(e.operand, f);
      break;
    case "cast":
    case "bitcast":
    case "bitPos":
      walkExpr(e.value, f);
      break;
    case "select":
      walkExpr(e.cond, f);
      walkExpr(e.then, f);
      walkExpr(e.else, f);
      break;
    case "intrinsic":
      for (let i = 0; i < e.args.length; i++) walkExpr(e.args[i], f);
      break;
    case "const":
    case "iv":
    case "param":
      break;
    default:
      assertNever(e, "expression");
  }
}

export function findFunc(m: Module, name: string): Func | undefined {
  return m.functions.find((f) => f.name === name);
}

export function replaceFunc(m: Module, f: Func): Module {
  const functions = mapList(m.functions, (g) => (g.name === f.name ? f : g));
  return functions === m.functions ? m : { ...m, functions };
}

/** Replaces every use of the given ivs by expressions (used by unfold, split, fuse). */
export function substituteIvs(b: readonly Stmt[], subst: ReadonlyMap<string, Expr>): readonly Stmt[] {
  if (subst.size === 0) return b;
  return mapBlockExprs(b, (e) => (e.kind === "iv" && subst.has(e.name) ? subst.get(e.name)! : e));
}
