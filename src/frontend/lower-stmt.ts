// Lowers kernel statements: declarations (tensors, scalars, call results), assignments and compound
// assignments with Allo's conversion rules, if/else (constant conditions fold), while, loops, blocks.

import { constOf } from "../ir/build.ts";
import type { Expr, Stmt } from "../ir/nodes.ts";
import { truthy } from "../semantics/scalar.ts";
import type { BinaryOp } from "../types/typing-rules.ts";
import type { FnContext } from "./context.ts";
import {
  bindPid,
  blockOf,
  discardGet,
  isPidDeclaration,
  isStreamCall,
  lowerBlockGet,
  lowerPut,
} from "./df-stream.ts";
import { asCondition, convertTo, makeBinary, mathCall } from "./fold.ts";
import { isKernelCall, lowerKernelCall } from "./lower-call.ts";
import { lowerAccess, lowerExpr } from "./lower-expr.ts";
import { lowerCFor, lowerForOf } from "./lower-loop.ts";
import { isStatefulCall, lowerStateful } from "./lower-stateful.ts";
import { isTensorInit, tensorInit } from "./tensor-init.ts";
import { readType } from "./types.ts";
import ts from "./typescript.cts";

const K = ts.SyntaxKind;

export function lowerBlock(ctx: FnContext, stmts: readonly ts.Statement[]): Stmt[] {
  ctx.push();
  const out = lowerStatements(ctx, stmts);
  ctx.pop();
  return out;
}

/** Lowers statements into the current scope (the function body's own scope). */
export function lowerStatements(ctx: FnContext, stmts: readonly ts.Statement[]): Stmt[] {
  const out: Stmt[] = [];
  for (const s of stmts) ctx.hoisting(out, (into) => lowerStatement(ctx, s, into));
  return out;
}

function lowerStatement(ctx: FnContext, s: ts.Statement, out: Stmt[]): void {
  const block = (stmts: readonly ts.Statement[]) => lowerBlock(ctx, stmts);
  if (ts.isVariableStatement(s)) {
    lowerDeclarations(ctx, s, out);
    return;
  }
  if (ts.isExpressionStatement(s)) {
    lowerExpressionStatement(ctx, s.expression, out);
    return;
  }
  if (ts.isForOfStatement(s)) {
    out.push(lowerForOf(ctx, s, block));
    return;
  }
  if (ts.isForStatement(s)) {
    out.push(lowerCFor(ctx, s, block));
    return;
  }
  if (ts.isBlock(s)) {
    out.push(...block(s.statements));
    return;
  }
  if (ts.isIfStatement(s)) {
    const cond = asCondition(lowerExpr(ctx, s.expression));
    const stmtsOf = (x: ts.Statement | undefined) =>
      x === undefined ? [] : ts.isBlock(x) ? x.statements : [x];
    if (cond.kind === "const") {
      out.push(...block(stmtsOf(truthy(cond.value) ? s.thenStatement : s.elseStatement)));
      return;
    }
    out.push({
      kind: "if",
      cond,
      then: block(stmtsOf(s.thenStatement)),
      else: block(stmtsOf(s.elseStatement)),
      span: ctx.span(s),
    });
    return;
  }
  if (ts.isWhileStatement(s)) {
    ctx.noCallsWhy = "in a while condition (it is evaluated before every iteration)";
    let cond: Expr;
    try {
      cond = asCondition(lowerExpr(ctx, s.expression));
    } finally {
      ctx.noCallsWhy = undefined;
    }
    out.push({
      kind: "while",
      cond,
      body: block(ts.isBlock(s.statement) ? s.statement.statements : [s.statement]),
      span: ctx.span(s),
    });
    return;
  }
  if (ts.isEmptyStatement(s)) return;
  if (ts.isReturnStatement(s))
    throw ctx.error(s, "AL1011", "'return' is allowed only as the last statement of a kernel");
  if (ts.isBreakStatement(s) || ts.isContinueStatement(s)) {
    throw ctx.error(
      s,
      "AL1011",
      `'${s.getText(ctx.sf.ast).replace(/;$/, "")}' is not supported in kernels (loops have static trip counts); use an if inside the loop or a while loop`,
    );
  }
  if (ts.isClassDeclaration(s)) throw ctx.error(s, "AL1013", "classes are not supported in kernels");
  if (ts.isTryStatement(s)) throw ctx.error(s, "AL1014", "try/catch is not supported in kernels");
  if (ts.isFunctionDeclaration(s)) {
    throw ctx.error(
      s,
      "AL1012",
      "nested functions are not supported in kernels; declare the function at the top level of the file and call it",
    );
  }
  if (ts.isDoStatement(s) || ts.isForInStatement(s) || ts.isSwitchStatement(s) || ts.isLabeledStatement(s)) {
    throw ctx.error(
      s,
      "AL1004",
      `'${ts.SyntaxKind[s.kind].replace(/Statement$/, "").toLowerCase()}' statements are not supported in kernels; use if/else, while, or a grid/range loop`,
    );
  }
  throw ctx.error(s, "AL1004", "this statement is not supported in kernels");
}

function typeLookup(ctx: FnContext) {
  return (n: string) => {
    const b = ctx.lookup(n);
    return b?.kind === "const" ? b.value : undefined;
  };
}

function lowerDeclarations(ctx: FnContext, s: ts.VariableStatement, out: Stmt[]): void {
  const flags = s.declarationList.flags;
  const isConst = (flags & ts.NodeFlags.Const) !== 0;
  if (!(flags & (ts.NodeFlags.Const | ts.NodeFlags.Let))) {
    const keyword = s.declarationList.getFirstToken(ctx.sf.ast)?.getText(ctx.sf.ast) ?? "var";
    throw ctx.error(
      s,
      "AL1020",
      `'${keyword}' declarations are not supported in kernels (their scoping differs from a block's); use let or const`,
    );
  }
  for (const d of s.declarationList.declarations) {
    if (isPidDeclaration(ctx, d)) {
      bindPid(ctx, d, isConst);
      continue;
    }
    if (!ts.isIdentifier(d.name))
      throw ctx.error(d.name, "AL1020", "declare one name at a time (no destructuring) in kernels");
    const name = d.name.text;
    const init = d.initializer;
    if (d.exclamationToken)
      throw ctx.error(
        d,
        "AL1027",
        `the definite-assignment '!' is a type assertion and means nothing in kernels; remove it: let ${name}: ${d.type?.getText(ctx.sf.ast) ?? "int32"};`,
      );
    if (isConst && !init) {
      const type = d.type?.getText(ctx.sf.ast) ?? "int32";
      const shaped = d.type !== undefined && readType(d.type, ctx.sf, typeLookup(ctx)).shape.length > 0;
      throw ctx.error(
        d,
        "AL1020",
        `const '${name}' has no initial value; write const ${name}: ${type} = ${shaped ? "zeros()" : "0"}; (or declare it with let)`,
      );
    }
    if (init && isKernelCall(ctx, init)) {
      const declared = d.type ? readType(d.type, ctx.sf, typeLookup(ctx)) : undefined;
      out.push(lowerKernelCall(ctx, init as ts.CallExpression, { name, node: d, declared, isConst }));
      continue;
    }
    if (init && isStreamCall(ctx, init, "get") && blockOf(ctx, init as ts.CallExpression) !== undefined) {
      const declared = d.type ? readType(d.type, ctx.sf, typeLookup(ctx)) : undefined;
      out.push(
        ...lowerBlockGet(
          ctx,
          d as typeof d & { name: ts.Identifier },
          init as ts.CallExpression,
          declared,
          isConst,
        ),
      );
      continue;
    }
    if (init && isStatefulCall(ctx, init)) {
      const declared = d.type ? readType(d.type, ctx.sf, typeLookup(ctx)) : undefined;
      lowerStateful(ctx, d, init, declared, isConst);
      continue;
    }
    if (d.type) {
      const t = readType(d.type, ctx.sf, typeLookup(ctx));
      const buffer = ctx.unique(name);
      ctx.declare({
        name: buffer,
        type: t.dtype,
        shape: t.shape,
        role: "local",
        partitions: [],
        span: ctx.span(d),
      });
      if (t.shape.length > 0) {
        out.push({ kind: "alloc", buffer, init: tensorInit(ctx, d.initializer, t.dtype), span: ctx.span(d) });
      } else {
        out.push({ kind: "alloc", buffer, span: ctx.span(d) });
        if (init)
          out.push({
            kind: "store",
            buffer,
            indices: [],
            value: convertTo(lowerExpr(ctx, init), t.dtype),
            span: ctx.span(d),
          });
      }
      ctx.bind(name, { kind: "buffer", buffer, isConst }, d.name);
      continue;
    }
    if (!init)
      throw ctx.error(
        d,
        "AL1020",
        `'${name}' needs a type or an initial value, e.g. let ${name}: int32 = 0;`,
      );
    if (isTensorInit(init))
      throw ctx.error(
        d,
        "AL1020",
        `'${name}' needs a tensor type: const ${name}: float32<[M, N]> = ${init.getText(ctx.sf.ast)};`,
      );
    const value = lowerExpr(ctx, init);
    if (isConst && value.kind === "const") {
      ctx.bind(name, { kind: "const", value }, d.name);
      continue;
    }
    const buffer = ctx.unique(name);
    ctx.declare({
      name: buffer,
      type: value.type,
      shape: [],
      role: "local",
      partitions: [],
      span: ctx.span(d),
    });
    out.push({ kind: "alloc", buffer, span: ctx.span(d) });
    out.push({ kind: "store", buffer, indices: [], value, span: ctx.span(d) });
    ctx.bind(name, { kind: "buffer", buffer, isConst }, d.name);
  }
}

const COMPOUND: Partial<Record<ts.SyntaxKind, BinaryOp>> = {
  [K.PlusEqualsToken]: "+",
  [K.MinusEqualsToken]: "-",
  [K.AsteriskEqualsToken]: "*",
  [K.SlashEqualsToken]: "/",
  [K.PercentEqualsToken]: "%",
  [K.LessThanLessThanEqualsToken]: "<<",
  [K.GreaterThanGreaterThanEqualsToken]: ">>",
  [K.AmpersandEqualsToken]: "&",
  [K.BarEqualsToken]: "|",
  [K.CaretEqualsToken]: "^",
};

function lowerExpressionStatement(ctx: FnContext, e: ts.Expression, out: Stmt[]): void {
  if (ts.isParenthesizedExpression(e)) {
    lowerExpressionStatement(ctx, e.expression, out);
    return;
  }
  if (ts.isCallExpression(e)) {
    if (isStreamCall(ctx, e, "put")) {
      out.push(lowerPut(ctx, e));
      return;
    }
    if (isStreamCall(ctx, e, "get")) {
      out.push(...discardGet(ctx, e));
      return;
    }
    if (isKernelCall(ctx, e)) {
      out.push(lowerKernelCall(ctx, e, undefined));
      return;
    }
    lowerExpr(ctx, e); // raises the precise error for non-kernel calls
    throw ctx.error(e, "AL1004", "a call whose value is unused does nothing in a kernel");
  }
  if (
    (ts.isPostfixUnaryExpression(e) || ts.isPrefixUnaryExpression(e)) &&
    (e.operator === K.PlusPlusToken || e.operator === K.MinusMinusToken)
  ) {
    const one = constOf({ kind: "int", bits: 32, signed: true }, 1n);
    out.push(assign(ctx, e.operand, e, e.operator === K.PlusPlusToken ? "+" : "-", one));
    return;
  }
  if (ts.isBinaryExpression(e)) {
    const k = e.operatorToken.kind;
    if (k === K.EqualsToken) {
      out.push(assign(ctx, e.left, e, undefined, lowerExpr(ctx, e.right)));
      return;
    }
    const op = COMPOUND[k];
    if (op) {
      out.push(assign(ctx, e.left, e, op, lowerExpr(ctx, e.right)));
      return;
    }
    if (k === K.AsteriskAsteriskEqualsToken) {
      const args = [lowerExpr(ctx, e.left), lowerExpr(ctx, e.right)];
      out.push(assign(ctx, e.left, e, undefined, mathCall("pow", args)));
      return;
    }
    if (k >= K.FirstCompoundAssignment && k <= K.LastCompoundAssignment) {
      const tok = e.operatorToken.getText(ctx.sf.ast);
      throw ctx.error(
        e.operatorToken,
        "AL1005",
        `'${tok}' is not supported in kernels; ${tok === ">>>=" ? "use >>= on an unsigned type" : "write it out with if/else and ="}`,
      );
    }
  }
  lowerExpr(ctx, e); // raises the precise error for an unsupported expression such as delete A[0]
  throw ctx.error(
    e,
    "AL1004",
    "this expression statement does nothing in a kernel; write an assignment or a kernel call",
  );
}

/** `target = value` or `target op= value`: computes in the rule's type and converts to the target's. */
function assign(
  ctx: FnContext,
  target: ts.Expression,
  node: ts.Node,
  op: BinaryOp | undefined,
  value: Expr,
): Stmt {
  let buffer: string;
  let indices: Expr[] = [];
  if (ts.isParenthesizedExpression(target)) return assign(ctx, target.expression, node, op, value);
  if (ts.isIdentifier(target)) {
    const b = ctx.lookup(target.text);
    if (!b) throw ctx.error(target, "AL1006", `unknown identifier '${target.text}'`);
    if (b.kind === "iv")
      throw ctx.error(target, "AL1010", `'${target.text}' is a loop variable and cannot be assigned`);
    if (b.kind === "scalarParam")
      throw ctx.error(
        target,
        "AL1023",
        `parameter '${target.text}' is read-only; copy it into a local: let x: ${"int32"} = ${target.text};`,
      );
    if (b.kind === "const")
      throw ctx.error(target, "AL1023", `'${target.text}' is a constant and cannot be assigned`);
    if (b.isConst)
      throw ctx.error(
        target,
        "AL1023",
        `'${target.text}' is declared const; declare it with let to assign it`,
      );
    if (ctx.buffer(b.buffer).shape.length > 0) {
      throw ctx.error(
        target,
        "AL1020",
        `'${target.text}' is a tensor; assign its elements (${target.text}[i][j] = ...)`,
      );
    }
    buffer = b.buffer;
  } else if (ts.isElementAccessExpression(target)) {
    ({ buffer, indices } = lowerAccess(ctx, target));
  } else {
    throw ctx.error(target, "AL1005", "only variables and tensor elements can be assigned");
  }
  const t = ctx.buffer(buffer).type;
  const current: Expr = { kind: "load", buffer, indices, type: t };
  let v = value;
  if (op) {
    try {
      v = makeBinary(op, current, value);
    } catch (e) {
      throw ctx.error(node, "AL2008", (e as Error).message);
    }
  }
  return { kind: "store", buffer, indices, value: convertTo(v, t), span: ctx.span(node) };
}
