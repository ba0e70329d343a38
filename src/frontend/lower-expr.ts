// Lowers kernel expressions to typed IR expressions under Allo's typing rules: operands are converted
// to the rule's type with explicit casts, constants fold, and subscripts/bounds use index arithmetic.
// A kernel call used as a value is hoisted before its statement (./lower-call.ts).

import { NAMED_DTYPES } from "../dsl/dtypes.ts";
import { cast, constOf } from "../ir/build.ts";
import type { Expr } from "../ir/nodes.ts";
import { type ElemType, INDEX, INDEX_BITS, typeName } from "../types/dtype.ts";
import { TypingError } from "../types/typing-rules.ts";
import { asLiteral, type ConstValue, foldConst, isDType, isScalar } from "./constants.ts";
import type { FnContext } from "./context.ts";
import { isStreamCall, lowerGet, streamAsValue } from "./df-stream.ts";
import {
  BINARY_OPS,
  boolConst,
  convertTo,
  FoldError,
  makeBinary,
  makeLogical,
  makeSelect,
  makeUnary,
  mathCall,
  numericLiteral,
} from "./fold.ts";
import { bitFunction, lowerBitCall } from "./lower-bits.ts";
import { isKernelCall, lowerNestedCall } from "./lower-call.ts";
import { isStatefulCall } from "./lower-stateful.ts";
import ts from "./typescript.cts";

const K = ts.SyntaxKind;

/** A compile-time value used as an expression: scalars are typed already; dtypes are not values. */
export function literal(v: ConstValue, node: ts.Node, ctx: FnContext): Expr {
  if (isScalar(v)) return asLiteral(v);
  throw ctx.error(node, "AL1005", "a type or object is not a value here");
}

function typed<T>(ctx: FnContext, node: ts.Node, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof TypingError) throw ctx.error(node, "AL2008", err.message);
    if (err instanceof FoldError) throw ctx.error(node, err.code, err.message);
    throw err;
  }
}

export function lowerExpr(ctx: FnContext, node: ts.Expression): Expr {
  if (ts.isParenthesizedExpression(node)) return lowerExpr(ctx, node.expression);
  rejectTypeScriptOnly(ctx, node);
  if (ts.isNumericLiteral(node)) return numericLiteral(node.getText(ctx.sf.ast));
  if (node.kind === K.TrueKeyword || node.kind === K.FalseKeyword)
    return boolConst(node.kind === K.TrueKeyword);
  if (ts.isIdentifier(node)) return lowerName(ctx, node);
  if (ts.isElementAccessExpression(node)) {
    const { buffer, indices } = lowerAccess(ctx, node);
    return { kind: "load", buffer, indices, type: ctx.buffer(buffer).type };
  }
  if (ts.isBinaryExpression(node)) return lowerBinary(ctx, node);
  if (ts.isPrefixUnaryExpression(node)) return lowerUnary(ctx, node);
  if (ts.isConditionalExpression(node)) {
    const cond = lowerExpr(ctx, node.condition);
    const a = lowerConditionally(ctx, node.whenTrue, "an operand of '?:' (only one of them runs)");
    const b = lowerConditionally(ctx, node.whenFalse, "an operand of '?:' (only one of them runs)");
    return typed(ctx, node, () => makeSelect(cond, a, b));
  }
  if (ts.isCallExpression(node)) return lowerCallExpr(ctx, node);
  if (ts.isPropertyAccessExpression(node)) {
    const v = foldConst(node, ctx.sf, (n) => constOfBinding(ctx, n));
    return literal(v, node, ctx);
  }
  if (ts.isSpreadElement(node as ts.Node))
    throw ctx.error(
      node,
      "AL1015",
      "spread is not supported in kernels; pass the array itself, or write its elements out (A[0], A[1], ...)",
    );
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    throw ctx.error(node, "AL1012", "closures are not kernels; write a top-level function and call it");
  }
  if (ts.isAwaitExpression(node)) throw ctx.error(node, "AL1016", "await is not supported in kernels");
  if (ts.isBigIntLiteral(node)) {
    throw ctx.error(
      node,
      "AL1005",
      `bigint literals are not kernel values; write ${node.text.slice(0, -1)} (integer literals are exact at any size)`,
    );
  }
  if (ts.isDeleteExpression(node))
    throw ctx.error(
      node,
      "AL1005",
      "'delete' has no meaning in kernels (every element exists); assign a value instead",
    );
  if (ts.isVoidExpression(node) || ts.isTypeOfExpression(node))
    throw ctx.error(
      node,
      "AL1005",
      `'${ts.isVoidExpression(node) ? "void" : "typeof"}' is not supported in kernels (kernel values are numbers and bools of types known at compile time)`,
    );
  throw ctx.error(node, "AL1005", `unsupported expression '${node.getText(ctx.sf.ast)}' in a kernel`);
}

/**
 * TypeScript syntax the parser accepts but kernels cannot honour: optional chaining (kernel values are
 * never undefined), and type assertions / non-null `!` (they change no value, so `x as int8` would
 * silently not convert).
 */
function rejectTypeScriptOnly(ctx: FnContext, node: ts.Expression): void {
  if (ts.isOptionalChain(node)) {
    const plain = node
      .getText(ctx.sf.ast)
      .replace(/\?\.(?=[[(])/g, "")
      .replace(/\?\./g, ".");
    throw ctx.error(
      node,
      "AL1024",
      `optional chaining '?.' has no meaning in kernels (nothing is undefined); write ${plain}`,
    );
  }
  const asserted =
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isNonNullExpression(node);
  if (asserted) {
    const inner = node.expression.getText(ctx.sf.ast);
    const advice = ts.isNonNullExpression(node)
      ? `remove the '!': write ${inner}`
      : `to convert, call the type: e.g. int8(${inner}); otherwise write ${inner}`;
    throw ctx.error(node, "AL1027", `type assertions change no value in kernels; ${advice}`);
  }
}

function constOfBinding(ctx: FnContext, name: string): ConstValue | undefined {
  const b = ctx.lookup(name);
  return b?.kind === "const" ? b.value : undefined;
}

/** JavaScript's global values, which kernels do not see, and how to write them. */
const GLOBAL_VALUES: Readonly<Record<string, string>> = {
  Infinity: "kernels do not see JavaScript's globals; write 1.0 / 0.0 (float32 +Inf)",
  NaN: "kernels do not see JavaScript's globals; write 0.0 / 0.0 (float32 NaN)",
  undefined: "nothing is undefined in kernels; every value has an element type, e.g. 0",
};

function lowerName(ctx: FnContext, node: ts.Identifier): Expr {
  const b = ctx.lookup(node.text);
  if (!b) {
    const names = ctx.visibleNames();
    const instead = GLOBAL_VALUES[node.text];
    throw ctx.error(
      node,
      "AL1006",
      `unknown identifier '${node.text}'${instead ? `: ${instead}` : names.length ? `; names in scope: ${names.join(", ")}` : ""}`,
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
      if (d.stream) throw streamAsValue(ctx, node);
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
    rejectTypeScriptOnly(ctx, base);
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
  if (!ts.isIdentifier(base)) {
    rejectTypeScriptOnly(ctx, base);
    throw ctx.error(base, "AL1005", "only named tensors can be indexed");
  }
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
  const ix = toIndex(e);
  const big = outOfIndexRange(ix);
  if (big !== undefined) throw indexRangeError(ctx, node, big);
  return ix;
}

// What INDEX_BITS hold read as signed or as unsigned (a bound of 2^31 counts 2^31 iterations).
const INDEX_MIN = -(1n << BigInt(INDEX_BITS - 1));
const INDEX_MAX = (1n << BigInt(INDEX_BITS)) - 1n;

export const fitsIndex = (v: bigint) => v >= INDEX_MIN && v <= INDEX_MAX;

/** A constant of an index expression that the index type cannot hold (it would wrap silently). */
function outOfIndexRange(e: Expr): bigint | undefined {
  if (e.kind === "const") return fitsIndex(e.value as bigint) ? undefined : (e.value as bigint);
  if (e.kind === "binary") return outOfIndexRange(e.lhs) ?? outOfIndexRange(e.rhs);
  if (e.kind === "cast") return outOfIndexRange(e.value);
  return undefined;
}

export function indexRangeError(ctx: FnContext, node: ts.Node, v: bigint) {
  return ctx.error(
    node,
    "AL1030",
    `${v} does not fit the ${INDEX_BITS}-bit index type (${INDEX_MIN}..${INDEX_MAX}); indices, loop bounds and steps must be in that range (a larger one would wrap)`,
  );
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
    const lhs = lowerExpr(ctx, node.left);
    const op = node.operatorToken.getText(ctx.sf.ast);
    const rhs = lowerConditionally(ctx, node.right, `the right operand of '${op}' (it runs only sometimes)`);
    return makeLogical(k === K.AmpersandAmpersandToken, lhs, rhs);
  }
  if (k === K.AsteriskAsteriskToken) {
    const args = [lowerExpr(ctx, node.left), lowerExpr(ctx, node.right)];
    return typed(ctx, node, () => mathCall("pow", args));
  }
  if (k === K.CommaToken) throw ctx.error(node, "AL1005", "the comma operator is not supported in kernels");
  if (k >= K.FirstAssignment && k <= K.LastAssignment) {
    throw ctx.error(node, "AL1005", "assignments are statements in kernels, not expressions");
  }
  if (k === K.GreaterThanGreaterThanGreaterThanToken)
    throw ctx.error(node, "AL1005", "'>>>' is not supported; use >> on an unsigned type");
  const op = BINARY_OPS[k];
  if (!op)
    throw ctx.error(
      node.operatorToken,
      "AL1005",
      `operator '${node.operatorToken.getText(ctx.sf.ast)}' is not supported in kernels`,
    );
  const a = lowerExpr(ctx, node.left);
  const b = lowerExpr(ctx, node.right);
  return typed(ctx, node, () => makeBinary(op, a, b));
}

function lowerUnary(ctx: FnContext, node: ts.PrefixUnaryExpression): Expr {
  const v = lowerExpr(ctx, node.operand);
  const op = UNARY_OPS[node.operator];
  if (op === "+") return v;
  if (op) return typed(ctx, node, () => makeUnary(op, v));
  throw ctx.error(node, "AL1005", "'++' and '--' are statements in kernels, not expressions");
}

const UNARY_OPS: Partial<Record<ts.SyntaxKind, "+" | "-" | "~" | "!">> = {
  [K.PlusToken]: "+",
  [K.MinusToken]: "-",
  [K.TildeToken]: "~",
  [K.ExclamationToken]: "!",
};

/** A dtype used as a cast function: `int16(x)`, `Int(12)(x)`, `T(x)` for a template type T. */
export function castTarget(ctx: FnContext, callee: ts.Expression): ElemType | undefined {
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
  const bitFn = bitFunction(ctx, node.expression);
  if (bitFn) return lowerBitCall(ctx, node, bitFn);
  if (isStreamCall(ctx, node, "get")) return lowerGet(ctx, node);
  const callee = node.expression;
  if (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === "Math"
  ) {
    const args = node.arguments.map((a) => lowerExpr(ctx, a));
    return typed(ctx, node, () => mathCall(callee.name.text, args));
  }
  if (isStatefulCall(ctx, node)) {
    throw ctx.error(
      node,
      "AL1036",
      "stateful(init) declares a variable and is not a value: let count: int32 = stateful(0); (a tensor: const buf: float32<[4]> = stateful(0.0);)",
    );
  }
  if (isKernelCall(ctx, node)) return lowerScalarCall(ctx, node);
  throw ctx.error(
    node,
    "AL1018",
    `'${callee.getText(ctx.sf.ast)}' is not a kernel function; kernels may call other kernels (functions of this file or imported relatively), Math functions, dtype casts and the bit functions (bit, bits, withBit, withBits, reverseBits, bitcast)`,
  );
}

/** A kernel call used as a value (`inc(A[i]) + 1`): hoisted before the statement, its scalar result loaded. */
function lowerScalarCall(ctx: FnContext, node: ts.CallExpression): Expr {
  const buffer = lowerNestedCall(ctx, node);
  const d = ctx.buffer(buffer);
  if (d.shape.length > 0) {
    throw ctx.error(
      node,
      "AL2001",
      `'${node.getText(ctx.sf.ast)}' returns a tensor of shape [${d.shape.join(", ")}], not a value; bind it (const R = ...;) and index it, or pass it to a kernel call`,
    );
  }
  return { kind: "load", buffer, indices: [], type: d.type };
}

/** Lowers `node` where JavaScript evaluates it only sometimes, so a kernel call there is refused. */
function lowerConditionally(ctx: FnContext, node: ts.Expression, why: string): Expr {
  const outer = ctx.noCallsWhy;
  ctx.noCallsWhy = outer ?? why;
  try {
    return lowerExpr(ctx, node);
  } finally {
    ctx.noCallsWhy = outer;
  }
}
