// Calls of other kernels: `f(A, B);` (outputs as parameters), `const C = f(A, B);` (returned tensor or
// scalar) and calls nested in expressions (`g(f(X))`, `B[i] = inc(A[i]) + 1`: hoisted before their
// statement), any callee possibly `instance(f, "id")` (./instances.ts). Arguments are checked against
// the callee's signature (count, shape, dtype); generic callees are instantiated from explicit type
// arguments or from the argument types (a nested call's result type included). An overloaded callee's
// form is chosen from the argument types (./overloads.ts).

import type { CallArg, CallStmt, Expr } from "../ir/nodes.ts";
import { sameType, typeName } from "../types/dtype.ts";
import type { ConstValue } from "./constants.ts";
import type { FnContext } from "./context.ts";
import { convertTo } from "./fold.ts";
import { kernelCallee } from "./instances.ts";
import { lowerExpr } from "./lower-expr.ts";
import { chooseForm } from "./overloads.ts";
import { fitsDeclared, type ValueType } from "./types.ts";
import ts from "./typescript.cts";

export function isKernelCall(ctx: FnContext, e: ts.Expression): boolean {
  return kernelCallee(ctx, e) !== undefined;
}

interface ResultBinding {
  readonly name: string;
  readonly node: ts.Node;
  readonly declared?: ValueType;
  readonly isConst: boolean;
  /** A nested call's result: a fresh unnamed buffer, not bound in the scope. */
  readonly temp?: boolean;
}

const shapeText = (s: readonly number[]) => `[${s.join(", ")}]`;

export function lowerKernelCall(
  ctx: FnContext,
  call: ts.CallExpression,
  result: ResultBinding | undefined,
): CallStmt {
  const callee = kernelCallee(ctx, call)!;
  const { name: calleeName, id, overload } = callee;
  // Arguments in JavaScript's order: nested kernel calls run (hoisted) before this one.
  const given = call.arguments.map((a) => lowerArg(ctx, a));
  const argTypes = given.map((g) => (g.kind === "expr" ? undefined : g.type));
  const { typeArguments } = callee;
  // A value expression's own type takes part in choosing a form (a float scalar fits no integer one).
  const formArgs = given.map((g) => (g.kind === "expr" ? { dtype: g.value.type, shape: [] } : g.type));
  const kernel = overload ? chooseForm(ctx, call, overload, typeArguments.length, formArgs) : callee.kernel!;
  const sig = ctx.modules.instantiateAt(kernel, call, typeArguments, ctx, argTypes, id, overload?.name);
  if (call.arguments.length !== sig.params.length) {
    throw ctx.error(
      call,
      "AL2002",
      `'${calleeName}' takes ${sig.params.length} argument(s) (${sig.params.map((p) => p.name).join(", ")}) but is given ${call.arguments.length}`,
    );
  }
  const args: CallArg[] = sig.params.map((p, i) => {
    const a = call.arguments[i];
    const g = given[i];
    if (p.shape.length === 0) {
      if (g.kind === "expr") return { kind: "value", value: convertTo(g.value, p.dtype) };
      if (g.type.shape.length > 0) lowerExpr(ctx, a); // raises "is a tensor; index it"
      const load: Expr = { kind: "load", buffer: g.buffer, indices: [], type: g.type.dtype };
      return { kind: "value", value: convertTo(load, p.dtype) };
    }
    const what =
      g.kind === "call" ? `the result of '${a.getText(ctx.sf.ast)}'` : `'${a.getText(ctx.sf.ast)}'`;
    if (g.kind === "expr" || g.type.shape.length === 0) {
      throw ctx.error(
        a,
        "AL2003",
        `parameter '${p.name}' of '${calleeName}' is a tensor ${typeName(p.dtype)}${shapeText(p.shape)}; pass a tensor variable or a tensor-returning kernel call`,
      );
    }
    if (g.type.shape.join() !== p.shape.join()) {
      throw ctx.error(
        a,
        "AL2003",
        `${what} has shape ${shapeText(g.type.shape)} but parameter '${p.name}' of '${calleeName}' needs ${shapeText(p.shape)}`,
      );
    }
    if (!sameType(g.type.dtype, p.dtype)) {
      throw ctx.error(
        a,
        "AL2004",
        `${what} holds ${typeName(g.type.dtype)} but parameter '${p.name}' of '${calleeName}' needs ${typeName(p.dtype)}; convert it into a ${typeName(p.dtype)} tensor first`,
      );
    }
    return { kind: "buffer", name: g.buffer };
  });
  const results: string[] = [];
  if (result) {
    if (sig.results.length !== 1) {
      throw ctx.error(
        call,
        "AL2001",
        `'${calleeName}' returns ${sig.results.length === 0 ? "nothing" : `${sig.results.length} values`}; only a kernel with one result ${result.temp ? "has a value" : `can initialize '${result.name}'`}`,
      );
    }
    const r = sig.results[0];
    const d = result.declared;
    if (d && (!sameType(d.dtype, r.dtype) || !fitsDeclared(d.shape, r.shape))) {
      throw ctx.error(
        result.node,
        "AL2001",
        `'${calleeName}' returns ${typeName(r.dtype)}${shapeText(r.shape)} but '${result.name}' is declared ${typeName(d.dtype)}${shapeText(d.shape)}`,
      );
    }
    // A nested call's result is a buffer named after the callee's function (`linear_1_out`), unbound.
    const buffer = ctx.unique(result.temp ? `${sig.name}_out` : result.name);
    ctx.declare({
      name: buffer,
      type: r.dtype,
      shape: r.shape,
      role: "local",
      partitions: [],
      span: ctx.span(result.node),
    });
    if (!result.temp)
      ctx.bind(
        result.name,
        { kind: "buffer", buffer, isConst: result.isConst && r.shape.length === 0 },
        result.node,
      );
    results.push(buffer);
  }
  return { kind: "call", callee: sig.name, args, results, span: ctx.span(call) };
}

/** An argument lowered before the callee is instantiated: a buffer (variable or call result) or a value. */
type GivenArg =
  | { readonly kind: "buffer" | "call"; readonly buffer: string; readonly type: ValueType }
  | { readonly kind: "expr"; readonly value: Expr };

function lowerArg(ctx: FnContext, a: ts.Expression): GivenArg {
  const inner = skipParens(a);
  if (isKernelCall(ctx, inner)) {
    const buffer = lowerNestedCall(ctx, inner as ts.CallExpression);
    const d = ctx.buffer(buffer);
    return { kind: "call", buffer, type: { dtype: d.type, shape: d.shape } };
  }
  if (ts.isIdentifier(inner)) {
    const b = ctx.lookup(inner.text);
    if (b?.kind === "buffer") {
      const d = ctx.buffer(b.buffer);
      return { kind: "buffer", buffer: b.buffer, type: { dtype: d.type, shape: d.shape } };
    }
  }
  return { kind: "expr", value: lowerExpr(ctx, a) };
}

/**
 * A kernel call inside an expression or an argument list: the call is hoisted before the statement
 * (FnContext.hoisting) and its result lives in a fresh local buffer, whose name this returns.
 */
export function lowerNestedCall(ctx: FnContext, call: ts.CallExpression): string {
  if (ctx.noCallsWhy) {
    throw ctx.error(
      call,
      "AL1005",
      `a kernel call cannot be ${ctx.noCallsWhy}; bind its result first: const r = ${call.getText(ctx.sf.ast)};`,
    );
  }
  const stmt = lowerKernelCall(ctx, call, { name: "", node: call, isConst: true, temp: true });
  ctx.hoist(stmt);
  return stmt.results[0];
}

function skipParens(e: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(e) ? skipParens(e.expression) : e;
}

export type TemplateValues = ReadonlyMap<string, ConstValue>;
