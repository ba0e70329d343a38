// Lowers kernel expressions to typed IR expressions under Allo's typing rules: operands are converted
// to the rule's type with explicit casts, constants fold, and subscripts/bounds use index arithmetic.

import ts from "typescript";
import { NAMED_DTYPES } from "../dsl/dtypes.ts";
import { cast, constOf } from "../ir/build.ts";
import type { Expr, IntrinsicFn } from "../ir/nodes.ts";
import { binary, bitNot, convert, INTRINSIC_FNS, negate, type Scalar, truthy } from "../semantics/scalar.ts";
import { BOOL, type DType, F32, INDEX, intType, isBool, sameType, typeName } from "../types/dtype.ts";
import {
  type BinaryOp,
  binaryResultType,
  compareOperandType,
  intrinsicResultType,
  negateResultType,
  TypingError,
} from "../types/typing-rules.ts";
import { type ConstValue, foldConst, isDType } from "./constants.ts";
import type { FnContext } from "./context.ts";

const K = ts.SyntaxKind;

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

/**
 * A literal of the kernel language: integers are int32 (int64 when they do not fit), numbers written
 * with a `.` or an exponent are float32 (also through a module constant initialized that way).
 */
export function literal(v: ConstValue, node: ts.Node, ctx: FnContext): Expr {
  if (typeof v === "boolean") return constOf(BOOL, v ? 1n : 0n);
  if (typeof v === "number") {
    if (Number.isInteger(v) && !writtenAsFloat(node, ctx)) {
      const big = BigInt(v);
      const fits = big >= -(2n ** 31n) && big < 2n ** 31n;
      return constOf(fits ? intType(32) : intType(64), big);
    }
    return constOf(F32, Math.fround(v));
  }
  throw ctx.error(node, "AL1005", "a type or object is not a value here");
}

function writtenAsFloat(node: ts.Node, ctx: FnContext): boolean {
  if (ts.isNumericLiteral(node)) return /^[0-9._]*[.eE]/.test(node.text) && !/^0[xXbBoO]/.test(node.text);
  if (ts.isIdentifier(node)) return ctx.file.isFloatConst(node.text);
  return false;
}

/** Converts e to type t (no-op when it already has it; constants convert at compile time). */
export function convertTo(e: Expr, t: DType): Expr {
  if (sameType(e.type, t)) return e;
  if (e.kind === "const") return constOf(t, convert(e.value, e.type, t));
  return cast(e, t);
}

/** Builds a typed binary node: result type from the typing rules, operands converted, constants folded. */
export function makeBinary(op: BinaryOp, a: Expr, b: Expr): Expr {
  let opType: DType;
  let resultType: DType;
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

function typed<T>(ctx: FnContext, node: ts.Node, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof TypingError) throw ctx.error(node, "AL2008", err.message);
    throw err;
  }
}

export function lowerExpr(ctx: FnContext, node: ts.Expression): Expr {
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node))
    return lowerExpr(ctx, node.expression);
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return lowerExpr(ctx, node.expression);
  if (ts.isNumericLiteral(node)) return literal(Number(node.text.replace(/_/g, "")), node, ctx);
  if (node.kind === K.TrueKeyword || node.kind === K.FalseKeyword)
    return literal(node.kind === K.TrueKeyword, node, ctx);
  if (ts.isIdentifier(node)) return lowerName(ctx, node);
  if (ts.isElementAccessExpression(node)) {
    const { buffer, indices } = lowerAccess(ctx, node);
    return { kind: "load", buffer, indices, type: ctx.buffer(buffer).type };
  }
  if (ts.isBinaryExpression(node)) return lowerBinary(ctx, node);
  if (ts.isPrefixUnaryExpression(node)) return lowerUnary(ctx, node);
  if (ts.isConditionalExpression(node)) {
    const cond = asCondition(lowerExpr(ctx, node.condition));
    const a = lowerExpr(ctx, node.whenTrue);
    const b = lowerExpr(ctx, node.whenFalse);
    const t = typed(ctx, node, () => binaryResultType("max", a.type, b.type));
    if (cond.kind === "const") return convertTo(truthy(cond.value) ? a : b, t);
    return { kind: "select", cond, then: convertTo(a, t), else: convertTo(b, t), type: t };
  }
  if (ts.isCallExpression(node)) return lowerCallExpr(ctx, node);
  if (ts.isPropertyAccessExpression(node)) {
    const v = foldConst(node, ctx.sf, (n) => constOfBinding(ctx, n));
    return literal(v, node, ctx);
  }
  if (ts.isSpreadElement(node as ts.Node))
    throw ctx.error(node, "AL1015", "spread is not supported in kernels");
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    throw ctx.error(node, "AL1012", "closures are not kernels; write a top-level function and call it");
  }
  if (ts.isAwaitExpression(node)) throw ctx.error(node, "AL1016", "await is not supported in kernels");
  throw ctx.error(node, "AL1005", `unsupported expression '${node.getText(ctx.sf.ast)}' in a kernel`);
}

function constOfBinding(ctx: FnContext, name: string): ConstValue | undefined {
  const b = ctx.lookup(name);
  return b?.kind === "const" ? b.value : undefined;
}

function lowerName(ctx: FnContext, node: ts.Identifier): Expr {
  const b = ctx.lookup(node.text);
  if (!b) {
    const names = ctx.visibleNames();
    throw ctx.error(
      node,
      "AL1006",
      `unknown identifier '${node.text}'${names.length ? `; names in scope: ${names.join(", ")}` : ""}`,
    );
  }
  switch (b.kind) {
    case "iv":
      return { kind: "iv", name: b.iv, type: INDEX };
    case "scalarParam":
      return { kind: "param", name: b.name, type: b.dtype };
    case "const":
      return literal(b.value, node, ctx);
    case "buffer": {
      const d = ctx.buffer(b.buffer);
      if (d.shape.length > 0) {
        throw ctx.error(
          node,
          "AL1009",
          `'${node.text}' is a tensor of shape [${d.shape.join(", ")}]; index it: ${node.text}${d.shape.map(() => "[...]").join("")}`,
        );
      }
      return { kind: "load", buffer: b.buffer, indices: [], type: d.type };
    }
  }
}

/** `A[i][j]`: the buffer and its index expressions (checked against the rank). */
export function lowerAccess(
  ctx: FnContext,
  node: ts.ElementAccessExpression,
): { buffer: string; indices: Expr[] } {
  const subs: ts.Expression[] = [];
  let base: ts.Expression = node;
  while (ts.isElementAccessExpression(base)) {
    subs.unshift(base.argumentExpression);
    base = base.expression;
  }
  for (const s of subs) {
    if (ts.isBinaryExpression(s) && s.operatorToken.kind === K.CommaToken) {
      throw ctx.error(
        s,
        "AL1008",
        `comma indexing '${s.getText(ctx.sf.ast)}' reads only the last index in TypeScript; write A[i][k], not A[i, k]`,
      );
    }
  }
  if (!ts.isIdentifier(base)) throw ctx.error(base, "AL1005", "only named tensors can be indexed");
  const b = ctx.lookup(base.text);
  if (!b) return lowerName(ctx, base) as never;
  if (b.kind !== "buffer")
    throw ctx.error(base, "AL1009", `'${base.text}' is not a tensor and cannot be indexed`);
  const d = ctx.buffer(b.buffer);
  if (subs.length !== d.shape.length) {
    throw ctx.error(
      node,
      "AL1009",
      `'${base.text}' has ${d.shape.length} dimension(s) [${d.shape.join(", ")}] but is indexed with ${subs.length}; give exactly one index per dimension`,
    );
  }
  return { buffer: b.buffer, indices: subs.map((s) => lowerIndex(ctx, s)) };
}

/** An index-typed expression (subscripts, loop bounds): integer arithmetic stays in index. */
export function lowerIndex(ctx: FnContext, node: ts.Expression): Expr {
  const e = lowerExpr(ctx, node);
  if (e.type.kind === "float" || e.type.kind === "fixed") {
    throw ctx.error(
      node,
      "AL2006",
      `an index must be an integer, but '${node.getText(ctx.sf.ast)}' is ${typeName(e.type)}; convert it with index(...) or int32(...)`,
    );
  }
  return toIndex(e);
}

/** Rewrites integer arithmetic over ivs and constants into index arithmetic. */
function toIndex(e: Expr): Expr {
  if (e.type.kind === "index") return e;
  if (e.kind === "const") return constOf(INDEX, e.value as bigint);
  if (e.kind === "cast" && e.value.type.kind === "index") return e.value;
  if (e.kind === "binary" && ["+", "-", "*", "/", "%", "min", "max"].includes(e.op)) {
    const lhs = toIndex(e.lhs);
    const rhs = toIndex(e.rhs);
    if (lhs.type.kind === "index" && rhs.type.kind === "index" && isIndexish(e.lhs) && isIndexish(e.rhs)) {
      return { ...e, lhs, rhs, type: INDEX };
    }
  }
  return cast(e, INDEX);
}

function isIndexish(e: Expr): boolean {
  if (e.kind === "const" || e.kind === "iv") return true;
  if (e.kind === "cast") return e.value.type.kind === "index" || isIndexish(e.value);
  if (e.kind === "binary") return isIndexish(e.lhs) && isIndexish(e.rhs);
  return false;
}

function lowerBinary(ctx: FnContext, node: ts.BinaryExpression): Expr {
  const k = node.operatorToken.kind;
  if (k === K.AmpersandAmpersandToken || k === K.BarBarToken) {
    const lhs = asCondition(lowerExpr(ctx, node.left));
    const rhs = asCondition(lowerExpr(ctx, node.right));
    const and = k === K.AmpersandAmpersandToken;
    if (lhs.kind === "const") return truthy(lhs.value) === and ? rhs : lhs;
    return { kind: "logical", op: and ? "&&" : "||", lhs, rhs, type: BOOL };
  }
  if (k === K.AsteriskAsteriskToken) {
    return intrinsicCall("pow", [lowerExpr(ctx, node.left), lowerExpr(ctx, node.right)]);
  }
  if (k === K.CommaToken) throw ctx.error(node, "AL1005", "the comma operator is not supported in kernels");
  if (k >= K.FirstAssignment && k <= K.LastAssignment) {
    throw ctx.error(node, "AL1005", "assignments are statements in kernels, not expressions");
  }
  const op = BINARY_OPS[k];
  if (!op)
    throw ctx.error(
      node.operatorToken,
      "AL1005",
      `operator '${node.operatorToken.getText(ctx.sf.ast)}' is not supported in kernels`,
    );
  if (k === K.GreaterThanGreaterThanGreaterThanToken)
    throw ctx.error(node, "AL1005", "'>>>' is not supported; use >> on an unsigned type");
  const a = lowerExpr(ctx, node.left);
  const b = lowerExpr(ctx, node.right);
  return typed(ctx, node, () => makeBinary(op, a, b));
}

function lowerUnary(ctx: FnContext, node: ts.PrefixUnaryExpression): Expr {
  const v = lowerExpr(ctx, node.operand);
  switch (node.operator) {
    case K.PlusToken:
      return v;
    case K.MinusToken:
    case K.TildeToken: {
      const neg = node.operator === K.MinusToken;
      if (!neg && (v.type.kind === "float" || v.type.kind === "fixed")) {
        throw ctx.error(node, "AL2008", "'~' is defined on integers only");
      }
      const t = negateResultType(v.type);
      const x = convertTo(v, t);
      if (x.kind === "const") return constOf(t, neg ? negate(x.value, t) : bitNot(x.value as bigint, t));
      return { kind: "unary", op: neg ? "neg" : "bnot", operand: x, type: t };
    }
    case K.ExclamationToken: {
      const c = asCondition(v);
      if (c.kind === "const") return constOf(BOOL, truthy(c.value) ? 0n : 1n);
      return { kind: "unary", op: "not", operand: c, type: BOOL };
    }
    default:
      throw ctx.error(node, "AL1005", "'++' and '--' are statements in kernels, not expressions");
  }
}

function intrinsicCall(fn: IntrinsicFn, args: Expr[]): Expr {
  const t = args.map((a) => intrinsicResultType(a.type)).reduce((x, y) => (x.bits >= y.bits ? x : y));
  const conv = args.map((a) => convertTo(a, t));
  if (conv.every((a) => a.kind === "const")) {
    const vals = conv.map((a) => (a as { value: Scalar }).value as number);
    const r = (Math as unknown as Record<string, (...x: number[]) => number>)[fn](...vals);
    return constOf(t, convert(r, { kind: "float", bits: 64 }, t));
  }
  return { kind: "intrinsic", fn, args: conv, type: t };
}

/** A dtype used as a cast function: `int16(x)`, `Int(12)(x)`, `T(x)` for a template type T. */
function castTarget(ctx: FnContext, callee: ts.Expression): DType | undefined {
  if (ts.isIdentifier(callee)) {
    const named = NAMED_DTYPES[ctx.file.libraryName(callee.text)];
    if (named && !ctx.lookup(callee.text)) return named.dtype;
    const b = ctx.lookup(callee.text);
    if (b?.kind === "const" && isDType(b.value)) return b.value;
    return undefined;
  }
  if (
    ts.isCallExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    ["Int", "UInt", "Fixed", "UFixed"].includes(callee.expression.text)
  ) {
    const v = foldConst(callee, ctx.sf, (n) => constOfBinding(ctx, n));
    return isDType(v) ? v : undefined;
  }
  return undefined;
}

function lowerCallExpr(ctx: FnContext, node: ts.CallExpression): Expr {
  const target = castTarget(ctx, node.expression);
  if (target) {
    if (node.arguments.length !== 1) throw ctx.error(node, "AL2009", "a cast takes exactly one value");
    return convertTo(lowerExpr(ctx, node.arguments[0]), target);
  }
  const callee = node.expression;
  if (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === "Math"
  ) {
    const fn = callee.name.text;
    const args = node.arguments.map((a) => lowerExpr(ctx, a));
    if (fn === "min" || fn === "max") {
      if (args.length !== 2) throw ctx.error(node, "AL1005", `Math.${fn} takes two values in kernels`);
      return typed(ctx, node, () => makeBinary(fn, args[0], args[1]));
    }
    if (fn === "abs" && args.length === 1 && args[0].type.kind !== "float") {
      // Integer abs stays an integer (x < 0 ? -x : x in the negated type), unlike the float intrinsics.
      const x = args[0];
      const t = negateResultType(x.type);
      const pos = convertTo(x, t);
      const neg =
        pos.kind === "const"
          ? constOf(t, negate(pos.value, t))
          : ({ kind: "unary", op: "neg", operand: pos, type: t } as Expr);
      const isNeg = makeBinary("<", x, constOf(x.type, 0n));
      if (isNeg.kind === "const") return truthy(isNeg.value) ? neg : pos;
      return { kind: "select", cond: isNeg, then: neg, else: pos, type: t };
    }
    if (INTRINSICS.has(fn)) {
      const arity = fn === "pow" ? 2 : 1;
      if (args.length !== arity) throw ctx.error(node, "AL1005", `Math.${fn} takes ${arity} value(s)`);
      return intrinsicCall(fn as IntrinsicFn, args);
    }
    throw ctx.error(
      node,
      "AL1018",
      `Math.${fn} is not supported in kernels; supported: min, max, ${[...INTRINSICS].join(", ")}`,
    );
  }
  if (ts.isIdentifier(callee) && ctx.file.kernel(callee.text)) {
    throw ctx.error(
      node,
      "AL1005",
      `a call of kernel '${callee.text}' must be a statement of its own: \`${callee.text}(...);\` or \`const R = ${callee.text}(...);\``,
    );
  }
  throw ctx.error(
    node,
    "AL1018",
    `'${callee.getText(ctx.sf.ast)}' is not a kernel function; kernels may call other kernels (functions of this file or imported relatively), Math functions and dtype casts`,
  );
}
