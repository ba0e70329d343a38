// Random typed IR for the CPU backend's differential tests: expression trees built the way the
// frontend builds them (Allo's result types from typing-rules.ts, explicit operand casts) over every
// kind of dtype, and boundary inputs that include each type's extremes, 0, -1, NaN and infinities.

import { cast, constOf, forLoop, idx, ivRef, load } from "../../../src/ir/build.ts";
import type { BufferDecl, Expr, IntrinsicFn, Module } from "../../../src/ir/nodes.ts";
import { boundaryClass } from "../../../src/runtime/host-abi.ts";
import { rawRange } from "../../../src/semantics/scalar.ts";
import {
  BOOL,
  type ElemType,
  fixedType,
  floatType,
  INDEX,
  intType,
  uintType,
} from "../../../src/types/dtype.ts";
import {
  type BinaryOp,
  binaryResultType,
  compareOperandType,
  intrinsicResultType,
  negateResultType,
} from "../../../src/types/typing-rules.ts";
import { randBig } from "../../support/random.ts";
import { buffer, func, module, store } from "./ir.ts";
import { boundaryValue } from "./reference.ts";

export const TYPES: ElemType[] = [
  BOOL,
  INDEX,
  ...[1, 3, 7, 8, 12, 16, 24, 31, 32, 33, 40, 48, 53, 54, 63, 64, 65, 100, 200, 512].map((b) => intType(b)),
  ...[1, 5, 8, 16, 31, 32, 33, 52, 53, 64, 128].map((b) => uintType(b)),
  fixedType(16, 8),
  fixedType(8, 7),
  fixedType(12, 4, false),
  fixedType(32, 16),
  fixedType(40, 20),
  fixedType(64, 32),
  fixedType(70, 30),
  floatType(16),
  floatType(32),
  floatType(64),
];
const SPECIAL_FLOATS = [Number.NaN, Infinity, -Infinity, 0, -0, 0.5, -2.5, 1e10, -3e38, 65504, 1e-40, 7];
const ARITH: BinaryOp[] = ["+", "-", "*", "/", "%", "min", "max", "&", "|", "^", "<<", ">>"];
const CMP: BinaryOp[] = ["==", "!=", "<", "<=", ">", ">="];
const FNS: IntrinsicFn[] = ["exp", "log", "sqrt", "abs", "floor", "ceil", "tanh", "sin", "pow"];

/** Where the leaves of generated expressions come from. */
export interface Leaves {
  load(): Expr;
  /** An induction variable in scope, if any. */
  iv(): Expr | undefined;
}

export class Gen {
  constructor(
    readonly r: () => number,
    readonly leaves: Leaves,
  ) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }
  leaf(): Expr {
    const k = this.r();
    if (k < 0.7) return this.leaves.load();
    const iv = this.leaves.iv();
    if (k < 0.8 && iv) return iv;
    if (k < 0.9) return constOf(floatType(32), Math.fround((this.r() - 0.5) * 20));
    return constOf(intType(32), BigInt(Math.floor((this.r() - 0.5) * 40)));
  }
  comparison(depth: number): Expr {
    const a = this.expr(depth - 1);
    const b = this.expr(depth - 1);
    const t = compareOperandType(a.type, b.type);
    return { kind: "binary", op: this.pick(CMP), lhs: cast(a, t), rhs: cast(b, t), type: BOOL };
  }
  expr(depth: number): Expr {
    if (depth <= 0) return this.leaf();
    const k = this.r();
    if (k < 0.45) {
      const op = this.pick(ARITH);
      const a = this.expr(depth - 1);
      const b = this.expr(depth - 1);
      let t: ElemType;
      try {
        t = binaryResultType(op, a.type, b.type);
      } catch {
        return a;
      }
      if (op === "<<" || op === ">>") return { kind: "binary", op, lhs: a, rhs: b, type: t };
      return { kind: "binary", op, lhs: cast(a, t), rhs: cast(b, t), type: t };
    }
    if (k < 0.55) return this.comparison(depth);
    if (k < 0.62) {
      const a = this.expr(depth - 1);
      const t = negateResultType(a.type);
      const bnot = t.kind === "int" && this.r() < 0.5;
      return { kind: "unary", op: bnot ? "bnot" : "neg", operand: cast(a, t), type: t };
    }
    if (k < 0.72) return cast(this.expr(depth - 1), this.pick(TYPES));
    if (k < 0.8) {
      const a = this.expr(depth - 1);
      const b = this.expr(depth - 1);
      const t = compareOperandType(a.type, b.type);
      return {
        kind: "select",
        cond: this.comparison(depth - 1),
        then: cast(a, t),
        else: cast(b, t),
        type: t,
      };
    }
    if (k < 0.86) {
      const op = this.r() < 0.5 ? "&&" : "||";
      return {
        kind: "logical",
        op,
        lhs: this.comparison(depth - 1),
        rhs: this.comparison(depth - 1),
        type: BOOL,
      };
    }
    if (k < 0.9) return { kind: "unary", op: "not", operand: this.comparison(depth - 1), type: BOOL };
    const fn = this.pick(FNS);
    const a = this.expr(depth - 1);
    const t = intrinsicResultType(a.type);
    const args = fn === "pow" ? [cast(a, t), cast(this.expr(depth - 1), t)] : [cast(a, t)];
    return { kind: "intrinsic", fn, args, type: t };
  }
}

/** Boundary values for one input: the type's extremes, 0, -1, 1, then random raw values. */
export function inputValues(t: ElemType, r: () => number, N: number): (number | bigint)[] {
  if (t.kind === "float") {
    return Array.from({ length: N }, (_, k) =>
      k < SPECIAL_FLOATS.length ? SPECIAL_FLOATS[k] : (r() - 0.5) * 200,
    );
  }
  const [lo, hi] = rawRange(t);
  const edges = [lo, hi, 0n, -1n, 1n, lo + 1n, hi - 1n].filter((v) => v >= lo && v <= hi);
  const raws = Array.from({ length: N }, (_, k) => (k < edges.length ? edges[k] : randBig(r, lo, hi)));
  return raws.map((v) => boundaryValue(v, t));
}

export function toArray(vals: (number | bigint)[], t: ElemType): unknown {
  const cls = boundaryClass(t);
  if (cls === "Array") return vals.map(BigInt);
  const C = globalThis[cls] as unknown as { from(x: unknown[]): unknown };
  return C.from(cls.startsWith("Big") ? vals.map(BigInt) : vals.map(Number));
}

/**
 * `C[i] = cast(e)` for i < n over inputs X, Y, Z and a result C of random types, e a random expression
 * over their elements and i; the draws from `r` come in one fixed order, so a seed names one kernel.
 */
export function randomExpressionKernel(
  r: () => number,
  name: string,
  n: number,
): { module: Module; inputs: BufferDecl[]; out: BufferDecl; expr: Expr } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const inputs = ["X", "Y", "Z"].map((b) => buffer({ name: b, type: pick(TYPES), shape: [n] }));
  const out = buffer({ name: "C", type: pick(TYPES), shape: [n] });
  const leaves = {
    load: () => {
      const b = pick(inputs);
      return load(b.name, [ivRef("i")], b.type);
    },
    iv: () => ivRef("i"),
  };
  const expr = new Gen(r, leaves).expr(1 + Math.floor(r() * 4));
  const body = [forLoop("i", "i", idx(0), idx(n), [store("C", [ivRef("i")], cast(expr, out.type))])];
  return { module: module(func(name, { params: [...inputs, out], body })), inputs, out, expr };
}
