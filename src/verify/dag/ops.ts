// Operator numbering of symbolic nodes and their concrete meaning. Every concrete result (constant
// folding, random evaluation of counterexamples) comes from src/semantics/scalar.ts, so the verifier
// computes exactly what the CPU backend and the HLS code compute.

import { internalError } from "../../diagnostics/error.ts";
import type { IntrinsicFn } from "../../ir/nodes.ts";
import {
  binary,
  bitcast,
  bitNot,
  convert,
  INTRINSIC_FNS,
  intrinsic,
  negate,
  type Scalar,
  truthy,
} from "../../semantics/scalar.ts";
import type { FloatType } from "../../types/dtype.ts";
import type { BinaryOp } from "../../types/typing-rules.ts";
import { K_BIN, K_BITS, K_CAST, K_CONST, K_INTR, K_LOGIC, K_SEL, K_UN, type NodeStore } from "./store.ts";

export const BIN_OPS: readonly BinaryOp[] = [
  "+",
  "-",
  "*",
  "/",
  "%",
  "==",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "<<",
  ">>",
  "&",
  "|",
  "^",
  "min",
  "max",
];
export const UN_OPS = ["neg", "bnot", "not"] as const;
export const LOGIC_OPS = ["&&", "||"] as const;
export const INTR_FNS: readonly IntrinsicFn[] = INTRINSIC_FNS;

const code = <T>(xs: readonly T[], x: T): number => xs.indexOf(x);
export const binCode = (op: BinaryOp): number => code(BIN_OPS, op);
export const OP_ADD = binCode("+");
export const OP_SUB = binCode("-");
export const OP_MUL = binCode("*");
export const OP_DIV = binCode("/");
export const OP_EQ = binCode("==");
export const OP_NE = binCode("!=");
export const OP_LT = binCode("<");
export const OP_LE = binCode("<=");
export const OP_GT = binCode(">");
export const OP_GE = binCode(">=");
export const OP_SHL = binCode("<<");
export const OP_SHR = binCode(">>");
export const OP_AND = binCode("&");
export const OP_OR = binCode("|");
export const OP_XOR = binCode("^");
export const OP_MIN = binCode("min");
export const OP_MAX = binCode("max");
export const UN_NEG = 0;
export const UN_BNOT = 1;
export const UN_NOT = 2;
export const LOGIC_AND = 0;
export const LOGIC_OR = 1;
export const INTR_POW = code(INTR_FNS, "pow");

export const isCompare = (op: number): boolean => op >= OP_EQ && op <= OP_GE;
/** + - * & | ^ : the low w bits of the result depend only on the low w bits of the operands. */
export const isRingOp = (op: number): boolean =>
  op === OP_ADD || op === OP_SUB || op === OP_MUL || op === OP_AND || op === OP_OR || op === OP_XOR;
export const intrinsicArity = (fn: number): number => (fn === INTR_POW ? 2 : 1);

const bool = (b: boolean): bigint => (b ? 1n : 0n);

/** The concrete value of node n, given the values of its children (`get`). */
export function applyNode(s: NodeStore, n: number, get: (child: number) => Scalar): Scalar {
  return applyOp(s, s.kind(n), s.op(n), s.type(n), s.a(n), s.b(n), s.c(n), get);
}

/** The concrete value of a node (kind, op, t, a, b, c) that need not exist in the store. */
export function applyOp(
  s: NodeStore,
  kind: number,
  op: number,
  type: number,
  a: number,
  b: number,
  c: number,
  get: (child: number) => Scalar,
): Scalar {
  const t = s.types.dtypes[type];
  switch (kind) {
    case K_CONST:
      return s.constValues[a];
    case K_BIN:
      return binary(BIN_OPS[op], get(a), get(b), s.types.dtypes[s.type(a)]);
    case K_UN: {
      const x = get(a);
      if (op === UN_NEG) return negate(x, t);
      if (op === UN_BNOT) return bitNot(x as bigint, t);
      return bool(!truthy(x));
    }
    case K_CAST:
      return convert(get(a), s.types.dtypes[s.type(a)], t);
    case K_BITS:
      return bitcast(get(a), s.types.dtypes[s.type(a)], t);
    case K_SEL:
      return truthy(get(a)) ? get(b) : get(c);
    case K_LOGIC: {
      const l = truthy(get(a));
      return op === LOGIC_AND ? bool(l && truthy(get(b))) : bool(l || truthy(get(b)));
    }
    case K_INTR: {
      const args = intrinsicArity(op) === 2 ? [get(a), get(b)] : [get(a)];
      return intrinsic(INTR_FNS[op], args as number[], t as FloatType);
    }
    default:
      throw internalError(`no concrete value for node kind ${kind}`);
  }
}
