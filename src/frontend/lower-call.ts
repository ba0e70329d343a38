// Calls of other kernels: `f(A, B);` (outputs as parameters) and `const C = f(A, B);` (returned
// tensor or scalar), either callee possibly `instance(f, "id")` (./instances.ts). Arguments are checked against the callee's signature (count, shape, dtype);
// generic callees are instantiated from explicit type arguments or from the argument types.

import type { CallArg, CallStmt } from "../ir/nodes.ts";
import { sameType, typeName } from "../types/dtype.ts";
import type { ConstValue } from "./constants.ts";
import type { FnContext } from "./context.ts";
import { convertTo } from "./fold.ts";
import { kernelCallee } from "./instances.ts";
import { lowerExpr } from "./lower-expr.ts";
import type { ValueType } from "./types.ts";
import ts from "./typescript.cts";

export function isKernelCall(ctx: FnContext, e: ts.Expression): boolean {
  return kernelCallee(ctx, e) !== undefined;
}

interface ResultBinding {
  readonly name: string;
  readonly node: ts.Node;
  readonly declared?: ValueType;
  readonly isConst: boolean;
}

const shapeText = (s: readonly number[]) => `[${s.join(", ")}]`;

export function lowerKernelCall(
  ctx: FnContext,
  call: ts.CallExpression,
  result: ResultBinding | undefined,
): CallStmt {
  const { kernel, name: calleeName, id } = kernelCallee(ctx, call)!;
  const argTypes = call.arguments.map((a) => argType(ctx, a));
  const sig = ctx.modules.instantiateAt(kernel, call, ctx, argTypes, id);
  if (call.arguments.length !== sig.params.length) {
    throw ctx.error(
      call,
      "AL2002",
      `'${calleeName}' takes ${sig.params.length} argument(s) (${sig.params.map((p) => p.name).join(", ")}) but is given ${call.arguments.length}`,
    );
  }
  const args: CallArg[] = sig.params.map((p, i) => {
    const a = call.arguments[i];
    if (p.shape.length === 0) return { kind: "value", value: convertTo(lowerExpr(ctx, a), p.dtype) };
    const t = argTypes[i];
    if (!t || !ts.isIdentifier(a)) {
      throw ctx.error(
        a,
        "AL2003",
        `parameter '${p.name}' of '${calleeName}' is a tensor ${typeName(p.dtype)}${shapeText(p.shape)}; pass a tensor variable`,
      );
    }
    if (t.shape.join() !== p.shape.join()) {
      throw ctx.error(
        a,
        "AL2003",
        `'${a.text}' has shape ${shapeText(t.shape)} but parameter '${p.name}' of '${calleeName}' needs ${shapeText(p.shape)}`,
      );
    }
    if (!sameType(t.dtype, p.dtype)) {
      throw ctx.error(
        a,
        "AL2004",
        `'${a.text}' holds ${typeName(t.dtype)} but parameter '${p.name}' of '${calleeName}' needs ${typeName(p.dtype)}; convert it into a ${typeName(p.dtype)} tensor first`,
      );
    }
    const b = ctx.lookup(a.text);
    return { kind: "buffer", name: (b as { buffer: string }).buffer };
  });
  const results: string[] = [];
  if (result) {
    if (sig.results.length !== 1) {
      throw ctx.error(
        call,
        "AL2001",
        `'${calleeName}' returns ${sig.results.length === 0 ? "nothing" : `${sig.results.length} values`}; only a kernel with one result can initialize '${result.name}'`,
      );
    }
    const r = sig.results[0];
    const d = result.declared;
    if (d && (!sameType(d.dtype, r.dtype) || d.shape.join() !== r.shape.join())) {
      throw ctx.error(
        result.node,
        "AL2001",
        `'${calleeName}' returns ${typeName(r.dtype)}${shapeText(r.shape)} but '${result.name}' is declared ${typeName(d.dtype)}${shapeText(d.shape)}`,
      );
    }
    const buffer = ctx.unique(result.name);
    ctx.declare({
      name: buffer,
      type: r.dtype,
      shape: r.shape,
      role: "local",
      partitions: [],
      span: ctx.span(result.node),
    });
    ctx.bind(
      result.name,
      { kind: "buffer", buffer, isConst: result.isConst && r.shape.length === 0 },
      result.node,
    );
    results.push(buffer);
  }
  return { kind: "call", callee: sig.name, args, results, span: ctx.span(call) };
}

/** The type of a call argument when it is a tensor variable (undefined for scalar expressions). */
function argType(ctx: FnContext, a: ts.Expression): ValueType | undefined {
  if (!ts.isIdentifier(a)) return undefined;
  const b = ctx.lookup(a.text);
  if (b?.kind !== "buffer") return undefined;
  const d = ctx.buffer(b.buffer);
  return d.shape.length > 0 ? { dtype: d.type, shape: d.shape } : { dtype: d.type, shape: [] };
}

export type TemplateValues = ReadonlyMap<string, ConstValue>;
