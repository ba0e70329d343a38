// Kernel call sites and instance names. A call is `f(...)`, `f<4>(...)` or a private instance
// `instance(f, "id")(...)` (with template values `instance(f<4>, "id")(...)`). Every function gets a
// suffix: "" for shared instances, `_id` for a private instance, and a private instance's callees
// inherit it (`g_mm1`; an inner `instance(g, "x")` is `g_x_mm1`), so naming a private copy appends its
// id throughout its call tree. A callee may be an overloaded name (`const add = overload(...)`,
// ./overloads.ts): its form is chosen once the arguments are typed.

import type { FuncOrigin } from "../ir/nodes.ts";
import type { KernelDecl, OverloadDecl } from "./constants.ts";
import type { FnContext } from "./context.ts";
import ts from "./typescript.cts";

export interface KernelCallee {
  /** The kernel called, unless the callee is an overloaded name (then `overload`). */
  readonly kernel?: KernelDecl;
  readonly overload?: OverloadDecl;
  /** The callee as written (`matmul`), for messages. */
  readonly name: string;
  /** The id of `instance(f, "id")`. */
  readonly id?: string;
  /** Explicit template values: `f<...>(X)` or `instance(f<...>, "id")(X)`. */
  readonly typeArguments: readonly ts.TypeNode[];
}

const ID = /^[A-Za-z0-9_]+$/;

/** The kernel a call expression calls, or undefined when it is no kernel call. */
export function kernelCallee(ctx: FnContext, e: ts.Expression): KernelCallee | undefined {
  if (!ts.isCallExpression(e)) return undefined;
  const f = e.expression;
  if (ts.isIdentifier(f)) {
    if (ctx.lookup(f.text)) return undefined;
    const typeArguments = e.typeArguments ?? [];
    const kernel = ctx.file.kernel(f.text);
    if (kernel) return { kernel, name: f.text, typeArguments };
    const overload = ctx.file.overloaded(f.text);
    return overload ? { overload, name: f.text, typeArguments } : undefined;
  }
  if (!isInstanceCall(ctx, f)) return undefined;
  const [arg, id] = f.arguments;
  // `instance(systolic<int8, int8, int32, M, K, N, 4, 4>, "FFN1")`: the template values ride on the kernel.
  const withTypes = arg && ts.isExpressionWithTypeArguments(arg) ? arg : undefined;
  const fn = withTypes ? withTypes.expression : arg;
  const named = fn && ts.isIdentifier(fn) && !ctx.lookup(fn.text) ? fn.text : undefined;
  const kernel = named === undefined ? undefined : ctx.file.kernel(named);
  const overload = named === undefined || kernel ? undefined : ctx.file.overloaded(named);
  if ((!kernel && !overload) || f.arguments.length !== 2) {
    throw ctx.error(
      fn ?? f,
      "AL3306",
      'instance() takes a kernel function and an id: instance(matmul, "mm1")(X, W, Y)',
    );
  }
  if (!id || !ts.isStringLiteralLike(id) || !ID.test(id.text)) {
    throw ctx.error(
      id ?? f,
      "AL3306",
      "the id of instance(f, id) must be a string literal of letters, digits and '_' (it becomes part of a function name)",
    );
  }
  if (withTypes && e.typeArguments?.length) {
    throw ctx.error(
      e,
      "AL3306",
      "template values go on the kernel or on the call, not both: instance(f<T>, id)(X) or instance(f, id)<T>(X)",
    );
  }
  const typeArguments = withTypes?.typeArguments ?? e.typeArguments ?? [];
  return {
    ...(kernel ? { kernel } : { overload }),
    name: (fn as ts.Identifier).text,
    id: id.text,
    typeArguments,
  };
}

/** `instance(...)` where `instance` is allo-ts's, not a local name or a kernel of that name. */
function isInstanceCall(ctx: FnContext, f: ts.Expression): f is ts.CallExpression {
  if (!ts.isCallExpression(f) || !ts.isIdentifier(f.expression)) return false;
  const name = f.expression.text;
  return ctx.file.libraryName(name) === "instance" && !ctx.lookup(name) && !ctx.file.kernel(name);
}

/** The suffix of a function called from a function with suffix `outer`, with the call's id if any. */
export function instanceSuffix(outer: string, id: string | undefined): string {
  return id === undefined ? outer : `_${id}${outer}`;
}

/** What compose matches an instance by: the kernel's identity, template values and id chain. */
export function originOf(k: KernelDecl, templates: string, suffix: string): FuncOrigin {
  const sf = k.file.sf;
  const base = k.decl.name!.text;
  const file = sf.absPath ?? `${sf.path}#${textHash(sf.text)}`;
  return { kernel: `${file}\0${base}`, base, templates, ...(suffix ? { id: suffix.slice(1) } : {}) };
}

/** FNV-1a of a source text: tells apart kernels customized from different texts under one file name. */
function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}
