// Lowers `let x: T = stateful(init)` and `const a: T<[N]> = stateful(init)`: a local buffer marked
// stateful, filled with a constant once per build and kept across calls (no alloc statement: its
// lifetime is the built kernel's). A scalar init fills a tensor; `zeros()` and `full(v)` also work.

import { constOf, forLoop } from "../ir/build.ts";
import type { BufferDecl, ConstExpr, Stmt } from "../ir/nodes.ts";
import { INDEX } from "../types/dtype.ts";
import type { FnContext } from "./context.ts";
import { convertTo } from "./fold.ts";
import { lowerExpr } from "./lower-expr.ts";
import { isTensorInit, tensorInit } from "./tensor-init.ts";
import type { ValueType } from "./types.ts";
import ts from "./typescript.cts";

/** Whether e is a call of the kernel language's `stateful` (not shadowed by a local or a kernel). */
export function isStatefulCall(ctx: FnContext, e: ts.Expression): e is ts.CallExpression {
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return false;
  const name = e.expression.text;
  return !ctx.lookup(name) && !ctx.file.kernel(name) && ctx.file.libraryName(name) === "stateful";
}

export function lowerStateful(
  ctx: FnContext,
  d: ts.VariableDeclaration,
  call: ts.CallExpression,
  declared: ValueType | undefined,
  isConst: boolean,
): void {
  const name = (d.name as ts.Identifier).text;
  if (!declared) {
    throw ctx.error(
      d,
      "AL1036",
      `stateful '${name}' needs its type: let ${name}: int32 = stateful(0); or const ${name}: float32<[4]> = stateful(0.0);`,
    );
  }
  const tensor = declared.shape.length > 0;
  if (tensor && !isConst) {
    throw ctx.error(
      d,
      "AL1036",
      `stateful tensor '${name}' is declared with let; declare it with const (its elements change across calls, the tensor itself is never reassigned)`,
    );
  }
  if (!tensor && isConst) {
    throw ctx.error(
      d,
      "AL1036",
      `stateful scalar '${name}' is declared with const, so it could never change across calls; declare it with let`,
    );
  }
  if (call.arguments.length !== 1) {
    throw ctx.error(
      call,
      "AL1036",
      "stateful takes one initial value: stateful(0), or for a tensor stateful(zeros()) or stateful(full(v))",
    );
  }
  const init = initOf(ctx, call.arguments[0], declared);
  const buffer = ctx.unique(name);
  ctx.declare({
    name: buffer,
    type: declared.dtype,
    shape: declared.shape,
    role: "local",
    partitions: [],
    state: { init },
    span: ctx.span(d),
  });
  ctx.bind(name, { kind: "buffer", buffer, isConst }, d.name);
}

function initOf(ctx: FnContext, arg: ts.Expression, t: ValueType): ConstExpr {
  if (isTensorInit(arg)) {
    if (t.shape.length === 0) {
      throw ctx.error(
        arg,
        "AL1036",
        `${(arg.expression as ts.Identifier).text}() initialises a tensor; a stateful scalar starts from a constant, e.g. stateful(0)`,
      );
    }
    return tensorInit(ctx, arg, t.dtype);
  }
  const v = lowerExpr(ctx, arg);
  if (v.kind !== "const") {
    throw ctx.error(
      arg,
      "AL1036",
      "a stateful variable starts from a compile-time constant (it is set once per build, before any call)",
    );
  }
  return convertTo(v, t.dtype) as ConstExpr;
}

/**
 * `return a` of a stateful tensor returns a copy: the caller keeps this call's values while later
 * calls go on changing the state. The copy is a band of its own (Allo's naming, the band counter moves).
 */
export function returnedCopy(ctx: FnContext, state: BufferDecl, ret: ts.ReturnStatement): ReturnCopy {
  const span = ctx.span(ret);
  const buffer = ctx.unique("result");
  ctx.declare({ ...state, name: buffer, partitions: [], state: undefined, span });
  const ivs = state.shape.map(() => ctx.unique(`${state.name}_copy`));
  const at = ivs.map((iv) => ({ kind: "iv" as const, type: INDEX, name: iv }));
  const value = { kind: "load" as const, type: state.type, buffer: state.name, indices: at };
  let nest: Stmt = { kind: "store", buffer, indices: at, value, span };
  for (let k = ivs.length - 1; k >= 0; k--) {
    const attrs = k === 0 ? { opName: `S_${ivs.join("_")}_${ctx.bandCounter}` } : {};
    nest = {
      ...forLoop(ivs[k], ivs[k], constOf(INDEX, 0n), constOf(INDEX, BigInt(state.shape[k])), [nest], attrs),
      span,
    };
  }
  ctx.bandCounter += 1;
  return { buffer, stmts: [{ kind: "alloc", buffer, span }, nest] };
}

export interface ReturnCopy {
  readonly buffer: string;
  readonly stmts: readonly Stmt[];
}
