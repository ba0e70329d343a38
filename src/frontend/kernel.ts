// Compiles one kernel function (with its template values) to an IR function: parameters become
// buffers or scalar params, the body is lowered, and a final `return` becomes the function's result
// (a returned tensor must match the declared return type).

import type { BufferDecl, Func, Param, Stmt } from "../ir/nodes.ts";
import { type ElemType, sameType, typeName } from "../types/dtype.ts";
import type { ConstValue, KernelDecl } from "./constants.ts";
import { FnContext } from "./context.ts";
import { isRegion, lowerRegion } from "./df-region.ts";
import { convertTo } from "./fold.ts";
import { isKernelCall, lowerKernelCall } from "./lower-call.ts";
import { lowerExpr } from "./lower-expr.ts";
import { returnedCopy } from "./lower-stateful.ts";
import { lowerStatements } from "./lower-stmt.ts";
import type { ModuleBuilder } from "./module-builder.ts";
import { errorAt, spanOf } from "./source.ts";
import { fitsDeclared, OPEN_EXTENT, readType, type ValueType } from "./types.ts";
import ts from "./typescript.cts";

export interface Signature {
  readonly name: string;
  readonly params: readonly {
    readonly name: string;
    readonly dtype: ElemType;
    readonly shape: readonly number[];
  }[];
  readonly results: readonly ValueType[];
}

const shapeText = (t: ValueType) =>
  `${typeName(t.dtype)}${t.shape.length ? `[${t.shape.map((d) => (d === OPEN_EXTENT ? "number" : d)).join(", ")}]` : ""}`;

export function compileFunction(
  modules: ModuleBuilder,
  k: KernelDecl,
  templates: ReadonlyMap<string, ConstValue>,
  name: string,
): { func: Func; signature: Signature } {
  const { decl, file } = k;
  const sf = file.sf;
  const mods = ts.getCombinedModifierFlags(decl);
  if (mods & ts.ModifierFlags.Async)
    throw errorAt(sf, decl, "AL1016", "async kernels are not supported; remove 'async'");
  if (decl.asteriskToken) throw errorAt(sf, decl, "AL1004", "generator functions are not kernels");
  if (!decl.body) throw errorAt(sf, decl, "AL1004", `kernel '${name}' has no body`);
  const ctx = new FnContext(file, name, templates, modules);
  const lookup = (n: string) => {
    const b = ctx.lookup(n);
    return b?.kind === "const" ? b.value : undefined;
  };
  const params: Param[] = [];
  const sigParams: { name: string; dtype: ElemType; shape: readonly number[] }[] = [];
  for (const p of decl.parameters) {
    if (p.dotDotDotToken)
      throw errorAt(
        sf,
        p,
        "AL1034",
        "rest parameters are not supported in kernels (a kernel has a fixed signature); declare each argument, e.g. k(A: int32<[M]>, B: int32<[M]>), or pass one tensor with an extra dimension",
      );
    if (!ts.isIdentifier(p.name))
      throw errorAt(
        sf,
        p,
        "AL1035",
        `destructuring parameters are not supported in kernels; give each value its own parameter, e.g. k(A: int32<[M]>, B: int32<[M]>), instead of ${p.name.getText(sf.ast)}`,
      );
    if (!p.type)
      throw errorAt(
        sf,
        p,
        "AL2007",
        `parameter '${p.name.text}' needs a type, e.g. ${p.name.text}: float32<[M, N]>`,
      );
    if (p.initializer)
      throw errorAt(
        sf,
        p,
        "AL1033",
        `kernel parameters cannot have default values (every argument is passed at each call); drop '= ${p.initializer.getText(sf.ast)}' and pass it, or use a module constant instead of the parameter`,
      );
    if (p.questionToken) {
      throw errorAt(
        sf,
        p,
        "AL1028",
        `parameter '${p.name.text}' is optional ('?'), but every kernel argument must be passed; remove the '?': ${p.name.text}: ${p.type?.getText(sf.ast) ?? "..."}`,
      );
    }
    const t = readType(p.type, sf, lookup);
    const pname = p.name.text;
    ctx.reserve(pname);
    sigParams.push({ name: pname, dtype: t.dtype, shape: t.shape });
    if (t.shape.length > 0) {
      ctx.declare({
        name: pname,
        type: t.dtype,
        shape: t.shape,
        role: "param",
        partitions: [],
        span: spanOf(sf, p),
      });
      ctx.bind(pname, { kind: "buffer", buffer: pname, isConst: false }, p.name);
      params.push({ kind: "buffer", name: pname });
    } else {
      ctx.bind(pname, { kind: "scalarParam", name: pname, dtype: t.dtype }, p.name);
      params.push({ kind: "scalar", name: pname, type: t.dtype, span: spanOf(sf, p) });
    }
  }
  const declaredRet =
    decl.type && decl.type.kind !== ts.SyntaxKind.VoidKeyword
      ? readType(decl.type, sf, lookup, true)
      : undefined;
  const stmts = [...decl.body.statements];
  const region = isRegion(ctx, stmts);
  const last = region ? undefined : stmts[stmts.length - 1];
  const ret = last && ts.isReturnStatement(last) ? (stmts.pop() as ts.ReturnStatement) : undefined;
  // The body shares the parameters' scope: `let A` beside a parameter A is a duplicate, as in JavaScript.
  const body: Stmt[] = region ? lowerRegion(ctx, decl, stmts) : lowerStatements(ctx, stmts);
  const results: string[] = [];
  if (ret?.expression) {
    if (!declaredRet)
      throw errorAt(
        sf,
        ret,
        "AL2005",
        `kernel '${name}' returns a value; declare its return type, e.g. ): float32<[M, N]>`,
      );
    const e = ret.expression;
    ctx.hoisting(body, (into) => results.push(lowerReturn(ctx, ret, e, declaredRet, into)));
  } else if (declaredRet) {
    throw errorAt(
      sf,
      decl.type!,
      "AL2010",
      `kernel '${name}' declares a ${shapeText(declaredRet)} result but does not end with a return`,
    );
  }
  const buffers: Record<string, BufferDecl> = {};
  for (const [n, b] of ctx.buffers) buffers[n] = results.includes(n) ? { ...b, role: "result" } : b;
  const attrs = region ? { dataflow: true } : {};
  const func: Func = { name, params, results, buffers, body, attrs, span: spanOf(sf, decl.name ?? decl) };
  const resultTypes = results.map((r) => ({ dtype: buffers[r].type, shape: buffers[r].shape }));
  return { func, signature: { name, params: sigParams, results: resultTypes } };
}

function lowerReturn(
  ctx: FnContext,
  ret: ts.ReturnStatement,
  e: ts.Expression,
  declared: ValueType,
  body: Stmt[],
): string {
  const mismatch = (got: ValueType) =>
    ctx.error(
      e,
      "AL2005",
      `the returned value is ${shapeText(got)} but kernel '${ctx.funcName}' declares ${shapeText(declared)}`,
    );
  if (isKernelCall(ctx, e)) {
    body.push(
      lowerKernelCall(ctx, e as ts.CallExpression, { name: "__result", node: ret, declared, isConst: true }),
    );
    const b = ctx.lookup("__result") as { buffer: string };
    return b.buffer;
  }
  if (ts.isIdentifier(e)) {
    const b = ctx.lookup(e.text);
    if (b?.kind === "buffer") {
      const d = ctx.buffer(b.buffer);
      if (d.shape.length > 0 || declared.shape.length > 0) {
        const got = { dtype: d.type, shape: d.shape };
        if (!sameType(d.type, declared.dtype) || !fitsDeclared(declared.shape, d.shape)) throw mismatch(got);
        if (d.role === "param") {
          throw ctx.error(
            e,
            "AL2005",
            `returning parameter '${e.text}' is not supported; it is already visible to the caller (make the kernel void)`,
          );
        }
        if (d.state) {
          const copy = returnedCopy(ctx, d, ret);
          body.push(...copy.stmts);
          return copy.buffer;
        }
        return b.buffer;
      }
    }
  }
  if (declared.shape.length > 0) {
    throw ctx.error(
      e,
      "AL2005",
      `kernel '${ctx.funcName}' returns a tensor; return a local tensor variable (or a kernel call)`,
    );
  }
  const value = convertTo(lowerExpr(ctx, e), declared.dtype);
  const buffer = ctx.unique("result");
  ctx.declare({
    name: buffer,
    type: declared.dtype,
    shape: [],
    role: "local",
    partitions: [],
    span: ctx.span(ret),
  });
  body.push(
    { kind: "alloc", buffer, span: ctx.span(ret) },
    { kind: "store", buffer, indices: [], value, span: ctx.span(ret) },
  );
  return buffer;
}
