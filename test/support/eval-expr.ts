// A reference evaluator of integer IR expressions over given loop-variable values, built on the
// project's scalar semantics (src/semantics/scalar.ts), and a seeded generator of random small
// integer expression trees: the oracle of the shared analyses' randomized soundness tests.

import { bin, cast, cmp, constOf, ivRef } from "../../src/ir/build.ts";
import type { Expr } from "../../src/ir/nodes.ts";
import {
  binary,
  bitNot,
  convert,
  negate,
  rawRange,
  type Scalar,
  truthy,
} from "../../src/semantics/scalar.ts";
import { type ElemType, INDEX, intType, uintType } from "../../src/types/dtype.ts";
import type { BinaryOp } from "../../src/types/typing-rules.ts";
import { randBig, randInt } from "./random.ts";

const COMPARE = new Set<string>(["==", "!=", "<", "<=", ">", ">="]);

/** The value of `e` with loop variables bound as in `ivs` (integer types only; no loads or params). */
export function evalInt(e: Expr, ivs: ReadonlyMap<string, bigint>): bigint {
  const as = (x: Expr, t: ElemType): Scalar => convert(evalInt(x, ivs), x.type, t);
  switch (e.kind) {
    case "const":
      return BigInt(e.value);
    case "iv": {
      const v = ivs.get(e.name);
      if (v === undefined) throw new Error(`no value for loop variable '${e.name}'`);
      return v;
    }
    case "cast":
      return convert(evalInt(e.value, ivs), e.value.type, e.type) as bigint;
    case "binary": {
      const shift = e.op === "<<" || e.op === ">>";
      const t = COMPARE.has(e.op) ? e.lhs.type : e.type;
      const b = shift ? evalInt(e.rhs, ivs) : as(e.rhs, t);
      return binary(e.op, as(e.lhs, t), b, t) as bigint;
    }
    case "unary": {
      const a = evalInt(e.operand, ivs);
      if (e.op === "not") return truthy(a) ? 0n : 1n;
      return e.op === "neg" ? (negate(a, e.type) as bigint) : bitNot(a, e.type);
    }
    case "select":
      return truthy(evalInt(e.cond, ivs)) ? evalInt(e.then, ivs) : evalInt(e.else, ivs);
    case "logical": {
      const a = truthy(evalInt(e.lhs, ivs));
      const b = () => truthy(evalInt(e.rhs, ivs));
      return (e.op === "&&" ? a && b() : a || b()) ? 1n : 0n;
    }
    default:
      throw new Error(`evalInt: no '${e.kind}' expressions`);
  }
}

/** The integer types random expressions use (index included). */
export const INT_TYPES: readonly ElemType[] = [
  INDEX,
  intType(8),
  intType(16),
  intType(32),
  uintType(8),
  uintType(16),
];

const ARITH: readonly BinaryOp[] = ["+", "-", "*", "/", "%", "min", "max", "&", "|", "^", "<<", ">>"];
const CMP: readonly BinaryOp[] = ["==", "!=", "<", "<=", ">", ">="];

/** A random expression of type `t`, at most `depth` deep, over the loop variables `ivs` (all index). */
export function randomExpr(r: () => number, t: ElemType, ivs: readonly string[], depth: number): Expr {
  const pick = <T>(xs: readonly T[]): T => xs[randInt(r, 0, xs.length - 1)];
  const sub = (u: ElemType) => randomExpr(r, u, ivs, depth - 1);
  const roll = depth <= 0 ? randInt(r, 0, 1) : randInt(r, 0, 9);
  if (roll === 0) {
    const [lo, hi] = rawRange(t);
    const small = randBig(r, -9n, 9n);
    const v = r() < 0.7 && small >= lo && small <= hi ? small : randBig(r, lo, hi);
    return constOf(t, v);
  }
  if (roll === 1) return t.kind === "index" ? ivRef(pick(ivs)) : cast(ivRef(pick(ivs)), t);
  if (roll <= 5) return bin(pick(ARITH), sub(t), sub(t), t);
  if (roll === 6) return cast(sub(pick(INT_TYPES)), t);
  if (roll === 7) return { kind: "unary", type: t, op: pick(["neg", "bnot"] as const), operand: sub(t) };
  if (roll === 8) {
    const u = pick(INT_TYPES);
    const cond = cmp(pick(CMP), randomExpr(r, u, ivs, depth - 1), randomExpr(r, u, ivs, depth - 1));
    return { kind: "select", type: t, cond, then: sub(t), else: sub(t) };
  }
  const u = pick(INT_TYPES);
  return cast(cmp(pick(CMP), randomExpr(r, u, ivs, depth - 1), randomExpr(r, u, ivs, depth - 1)), t);
}
