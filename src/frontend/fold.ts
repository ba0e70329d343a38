// Typed expression building with constant folding, shared by kernel lowering and module constants:
// literals typed from their source text, conversions, binary/unary operations, ?:, && || and Math
// calls under the typing rules. A folded value is a typed IR const, so `1 << 33` or `1.0 / 0.0`
// means the same in a module constant as in kernel code.

import ts from "typescript";
import { cast, constOf } from "../ir/build.ts";
import type { ConstExpr, Expr, IntrinsicFn } from "../ir/nodes.ts";
import { binary, bitNot, convert, INTRINSIC_FNS, negate, type Scalar, truthy } from "../semantics/scalar.ts";
import { BOOL, type ElemType, F32, intType, isBool, sameType } from "../types/dtype.ts";
import {
  type BinaryOp,
  binaryResultType,
  compareOperandType,
  intrinsicResultType,
  negateResultType,
  TypingError,
} from "../types/typing-rules.ts";

const K = ts.SyntaxKind;

/** The binary operators of the kernel language, by token. */
export const BINARY_OPS: Partial<Record<ts.SyntaxKind, BinaryOp>> = {
  [K.PlusToken]: "+",
  [K.MinusToken]: "-",
  [K.AsteriskToken]: "*",
  [K.SlashToken]: "/",
  [K.PercentToken]: "%",
  [K.LessThanLessThanToken]: "<<",
  [K.GreaterThanGreaterThanToken]: ">>",
  [K.AmpersandToken]: "&",
  [K.BarToken]: "|",
  [K.CaretToken]: "^",
  [K.EqualsEqualsEqualsToken]: "==",
  [K.EqualsEqualsToken]: "==",
  [K.ExclamationEqualsEqualsToken]: "!=",
  [K.ExclamationEqualsToken]: "!=",
  [K.LessThanToken]: "<",
  [K.LessThanEqualsToken]: "<=",
  [K.GreaterThanToken]: ">",
  [K.GreaterThanEqualsToken]: ">=",
};

const INTRINSICS = new Set<string>(INTRINSIC_FNS);

/** A misuse found while building an expression; the caller raises it with `code` at its node. */
export class FoldError extends Error {
  constructor(
    readonly code: "AL1005" | "AL1018",
    message: string,
  ) {
    super(message);
  }
}

/**
 * The type of an exact integer literal: int32 when it fits, else int64, else the narrowest signed
 * Int<W> that holds it (literals are never negative; `-` is an operator).
 */
export function intLiteralType(v: bigint): ElemType {
  if (v >= -(2n ** 31n) && v < 2n ** 31n) return intType(32);
  if (v >= -(2n ** 63n) && v < 2n ** 63n) return intType(64);
  return intType((v < 0n ? -v - 1n : v).toString(2).length + 1);
}

/** A plain integer as a literal (template values, inferred sizes). */
export const intLiteral = (v: bigint): ConstExpr => constOf(intLiteralType(v), v);

/**
 * A numeric literal from its source text: written with `.` or an exponent it is float32, otherwise an
 * exact integer (decimal, 0x, 0o, 0b, `_` separators). The parser's own `text` is normalised
 * (`1.0` reads "1", `9007199254740993` reads "9007199254740992"), so only the source text will do.
 */
export function numericLiteral(source: string): ConstExpr {
  const clean = source.replace(/_/g, "");
  if (!/^0[xXbBoO]/.test(clean) && /[.eE]/.test(clean)) return constOf(F32, Math.fround(Number(clean)));
  return intLiteral(BigInt(clean));
}

export const boolConst = (b: boolean): ConstExpr => constOf(BOOL, b ? 1n : 0n);

/** Converts e to type t (no-op when it already has it; constants convert at compile time). */
export function convertTo(e: Expr, t: ElemType): Expr {
  if (sameType(e.type, t)) return e;
  if (e.kind === "const") return constOf(t, convert(e.value, e.type, t));
  return cast(e, t);
}

/** Builds a typed binary node: result type from the typing rules, operands converted, constants folded. */
export function makeBinary(op: BinaryOp, a: Expr, b: Expr): Expr {
  let opType: ElemType;
  let resultType: ElemType;
  if (op === "==" || op === "!=" || op === "<" || op === "<=" || op === ">" || op === ">=") {
    opType = compareOperandType(a.type, b.type);
    resultType = BOOL;
  } else {
    opType = resultType = binaryResultType(op, a.type, b.type);
  }
  const isShift = op === "<<" || op === ">>";
  const lhs = convertTo(a, opType);
  const rhs = isShift ? b : convertTo(b, opType);
  if (lhs.kind === "const" && rhs.kind === "const") {
    const rv = isShift ? convert(rhs.value, rhs.type, intType(64)) : rhs.value;
    return constOf(resultType, binary(op, lhs.value, rv, opType));
  }
  return { kind: "binary", op, lhs, rhs, type: resultType };
}

export function asCondition(e: Expr): Expr {
  if (isBool(e.type)) return e;
  const zero = constOf(e.type, e.type.kind === "float" ? 0 : 0n);
  return makeBinary("!=", e, zero);
}

/** `a && b`, `a || b` on conditions (a constant left side decides at compile time). */
export function makeLogical(and: boolean, a: Expr, b: Expr): Expr {
  const lhs = asCondition(a);
  const rhs = asCondition(b);
  if (lhs.kind === "const") return truthy(lhs.value) === and ? rhs : lhs;
  return { kind: "logical", op: and ? "&&" : "||", lhs, rhs, type: BOOL };
}

/** `c ? a : b`: both sides in their common type (a constant condition picks one). */
export function makeSelect(c: Expr, a: Expr, b: Expr): Expr {
  const cond = asCondition(c);
  const t = binaryResultType("max", a.type, b.type);
  if (cond.kind === "const") return convertTo(truthy(cond.value) ? a : b, t);
  return { kind: "select", cond, then: convertTo(a, t), else: convertTo(b, t), type: t };
}

/** Unary `-`, `~` (integers only) and `!`. */
export function makeUnary(op: "-" | "~" | "!", v: Expr): Expr {
  if (op === "!") {
    const c = asCondition(v);
    if (c.kind === "const") return boolConst(!truthy(c.value));
    return { kind: "unary", op: "not", operand: c, type: BOOL };
  }
  const neg = op === "-";
  if (!neg && (v.type.kind === "float" || v.type.kind === "fixed"))
    throw new TypingError("'~' is defined on integers only");
  const t = negateResultType(v.type);
  const x = convertTo(v, t);
  if (x.kind === "const") return constOf(t, neg ? negate(x.value, t) : bitNot(x.value as bigint, t));
  return { kind: "unary", op: neg ? "neg" : "bnot", operand: x, type: t };
}

export function intrinsicCall(fn: IntrinsicFn, args: Expr[]): Expr {
  const t = args.map((a) => intrinsicResultType(a.type)).reduce((x, y) => (x.bits >= y.bits ? x : y));
  const conv = args.map((a) => convertTo(a, t));
  if (conv.every((a) => a.kind === "const")) {
    const vals = conv.map((a) => (a as { value: Scalar }).value as number);
    const r = (Math as unknown as Record<string, (...x: number[]) => number>)[fn](...vals);
    return constOf(t, convert(r, { kind: "float", bits: 64 }, t));
  }
  return { kind: "intrinsic", fn, args: conv, type: t };
}

/** `Math.fn(args)`: min/max by the typing rules, integer abs stays an integer, the rest in float. */
export function mathCall(fn: string, args: Expr[]): Expr {
  if (fn === "min" || fn === "max") {
    if (args.length !== 2) throw new FoldError("AL1005", `Math.${fn} takes two values in kernels`);
    return makeBinary(fn, args[0], args[1]);
  }
  if (fn === "abs" && args.length === 1 && args[0].type.kind !== "float") {
    // x < 0 ? -x : x in the negated type, unlike the float intrinsics.
    const x = args[0];
    const neg = makeUnary("-", x);
    return makeSelect(makeBinary("<", x, constOf(x.type, 0n)), neg, convertTo(x, neg.type));
  }
  if (INTRINSICS.has(fn)) {
    const arity = fn === "pow" ? 2 : 1;
    if (args.length !== arity) throw new FoldError("AL1005", `Math.${fn} takes ${arity} value(s)`);
    return intrinsicCall(fn as IntrinsicFn, args);
  }
  throw new FoldError(
    "AL1018",
    `Math.${fn} is not supported in kernels; supported: min, max, ${[...INTRINSICS].join(", ")}`,
  );
}
