// IR mutations that seed bugs into correctly scheduled designs, for tests that the verifier rejects them,
// and one-token mutants of any module for the verifier's differential self-check.
import type { Expr, ForStmt, Module, Stmt } from "../../../src/ir/nodes.ts";
import { mapBlockExprs, mapChildBlocks, mapList, rewriteBlock } from "../../../src/ir/walk.ts";
import { rawRange } from "../../../src/semantics/scalar.ts";

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

const ARITH = ["+", "-", "*", "/", "%", "&", "|", "^", "min", "max"];
const FLOAT_ARITH = ["+", "-", "*", "min", "max"];
const COMPARE = ["==", "!=", "<", "<=", ">", ">="];

/** A one-token change of expression e (operator, constant, index, dropped negation, swapped arms). */
function mutateNode(r: () => number, e: Expr): Expr | undefined {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  switch (e.kind) {
    case "binary": {
      if (e.type.kind === "index") return undefined; // index arithmetic: see the shifted load
      if (e.op === "<<" || e.op === ">>") return { ...e, op: e.op === "<<" ? ">>" : "<<" };
      const ops = COMPARE.includes(e.op) ? COMPARE : e.type.kind === "float" ? FLOAT_ARITH : ARITH;
      const op = pick(ops.filter((o) => o !== e.op));
      return op ? ({ ...e, op } as Expr) : undefined;
    }
    case "const": {
      if (e.type.kind === "float")
        return { ...e, value: pick([(e.value as number) + 1, -(e.value as number), 0]) };
      // Index constants (bounds, index arithmetic) stay: the shifted load covers indices in bounds.
      if (e.type.kind !== "int") return undefined;
      const v = e.value as bigint;
      const [lo, hi] = rawRange(e.type);
      const next = pick([v + 1n, v - 1n, -v, 0n]);
      return next !== v && next >= lo && next <= hi ? { ...e, value: next } : undefined;
    }
    case "load": {
      const n = e.indices.length;
      if (n === 0) return undefined;
      const ix = e.indices[n - 1];
      const shifted: Expr = {
        kind: "binary",
        op: "+",
        type: ix.type,
        lhs: ix,
        rhs: { kind: "const", type: ix.type, value: 1n },
      };
      return { ...e, indices: [...e.indices.slice(0, -1), shifted] };
    }
    case "unary":
      return e.op === "not" ? undefined : e.operand;
    case "select":
      return { ...e, then: e.else, else: e.then };
    default:
      return undefined;
  }
}

/**
 * A mutant of m's top function with one expression changed (undefined when the chosen one has no
 * mutation). Shifted load indices wrap with `% extent` so that the mutant stays in bounds.
 */
export function mutateToken(r: () => number, m: Module): Module | undefined {
  const top = m.functions.find((f) => f.name === m.top);
  if (!top) return undefined;
  let count = 0;
  mapBlockExprs(top.body, (e) => {
    count++;
    return e;
  });
  const target = Math.floor(r() * count);
  let k = 0;
  let changed = false;
  const body = mapBlockExprs(top.body, (e) => {
    if (k++ !== target) return e;
    const next = mutateNode(r, e);
    if (!next) return e;
    changed = true;
    if (e.kind !== "load" || next.kind !== "load") return next;
    const d = next.indices.length - 1;
    const extent = top.buffers[e.buffer].shape[d];
    const ix = next.indices[d];
    const wrapped: Expr = {
      kind: "binary",
      op: "%",
      type: ix.type,
      lhs: ix,
      rhs: { kind: "const", type: ix.type, value: BigInt(extent) },
    };
    return { ...next, indices: [...next.indices.slice(0, -1), wrapped] };
  });
  if (!changed) return undefined;
  return { ...m, functions: mapList(m.functions, (f) => (f === top ? { ...f, body } : f)) };
}
