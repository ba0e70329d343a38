// Collects the functions of one module: each (kernel, template values, instance id) becomes one IR
// function, built once and shared by its call sites. The first instance of a kernel keeps its name;
// later distinct instantiations are named f_1, f_2, ... (Allo's rule), private instances get their id
// as a suffix (./instances.ts); a form of an overloaded name is named after that name (`sdpAttention`,
// `sdpAttention_1`, whichever form each is: ./overloads.ts). Detects recursion and clashing names.

import type { Func } from "../ir/nodes.ts";
import { irJson } from "../ir/same.ts";
import type { ElemType } from "../types/dtype.ts";
import type { ConstValue, KernelDecl } from "./constants.ts";
import type { FnContext } from "./context.ts";
import { checkBounds } from "./dtype-bounds.ts";
import { intLiteral } from "./fold.ts";
import { instanceSuffix, originOf } from "./instances.ts";
import { compileFunction, type Signature } from "./kernel.ts";
import { errorAt } from "./source.ts";
import { applyDefaults, readTemplateArg } from "./template-args.ts";
import type { ValueType } from "./types.ts";
import ts from "./typescript.cts";

export class ModuleBuilder {
  /** Completed functions, callees before callers. */
  readonly functions: Func[] = [];
  private readonly instances = new Map<string, Signature>();
  private readonly baseCount = new Map<string, number>();
  private readonly inProgress = new Map<string, string>();
  /** Function name -> the instance key that took it, for AL3305. */
  private readonly taken = new Map<string, string>();
  /** The instance suffix of each function being compiled, innermost last (see ./instances.ts). */
  private readonly suffixes: string[] = [""];

  /**
   * Instantiates (or reuses) a kernel with fully known template values; `id` makes a private instance;
   * `named` is the overloaded name a form is called by, which its instances are named after.
   */
  instantiate(
    k: KernelDecl,
    templates: ReadonlyMap<string, ConstValue>,
    at?: { ctx: FnContext; node: ts.Node },
    id?: string,
    named?: string,
  ): Signature {
    const base = k.decl.name!.text;
    const stem = named ?? base;
    const sorted = [...templates].sort(([a], [b]) => (a < b ? -1 : 1));
    const text = irJson(sorted);
    const suffix = instanceSuffix(this.suffixes[this.suffixes.length - 1], id);
    const key = `${k.file.sf.absPath ?? k.file.sf.path}\0${base}\0${text}\0${suffix}`;
    const done = this.instances.get(key);
    if (done) return done;
    const fail = (code: "AL1017" | "AL1021" | "AL3305", message: string) =>
      at ? at.ctx.error(at.node, code, message) : errorAt(k.file.sf, k.decl, code, message);
    checkBounds(k, templates, (message) => fail("AL1021", message));
    if (this.inProgress.has(key)) {
      const chain = [...this.inProgress.values(), base].join(" -> ");
      throw fail(
        "AL1017",
        `recursion is not supported in kernels (${chain})${at ? "; rewrite it as a loop" : ""}`,
      );
    }
    const n = this.baseCount.get(`${stem}${suffix}`) ?? 0;
    this.baseCount.set(`${stem}${suffix}`, n + 1);
    const name = `${n === 0 ? stem : `${stem}_${n}`}${suffix}`;
    if (this.taken.has(name) || (name !== stem && k.file.kernel(name))) {
      throw fail(
        "AL3305",
        `the instance of '${base}' here would be named '${name}', which another ${this.taken.has(name) ? "instance" : "kernel function"} already is; choose another instance id`,
      );
    }
    this.taken.set(name, key);
    this.inProgress.set(key, base);
    this.suffixes.push(suffix);
    try {
      const { func, signature } = compileFunction(this, k, templates, name);
      this.functions.push({ ...func, origin: originOf(k, text, suffix) });
      this.instances.set(key, signature);
      return signature;
    } finally {
      this.inProgress.delete(key);
      this.suffixes.pop();
    }
  }

  /** A call site: template values from explicit type arguments, else inferred from tensor arguments. */
  instantiateAt(
    k: KernelDecl,
    call: ts.CallExpression,
    typeArgs: readonly ts.TypeNode[],
    ctx: FnContext,
    argTypes: readonly (ValueType | undefined)[],
    id?: string,
    named?: string,
  ): Signature {
    const params = k.decl.typeParameters ?? [];
    const values = new Map<string, ConstValue>();
    const callerLookup = (n: string) => {
      const b = ctx.lookup(n);
      return b?.kind === "const" ? b.value : undefined;
    };
    if (typeArgs.length > params.length) {
      throw ctx.error(
        call,
        "AL1021",
        `'${k.decl.name!.text}' has ${params.length} template parameter(s) but is given ${typeArgs.length}`,
      );
    }
    typeArgs.forEach((ta, i) => {
      values.set(params[i].name.text, readTemplateArg(params[i], ta, ctx.sf, callerLookup));
    });
    k.decl.parameters.forEach((p, i) => {
      const t = argTypes[i];
      if (t && p.type) unify(p.type, t, params, values);
    });
    const missing = applyDefaults(k, values);
    if (missing.length) {
      throw ctx.error(
        call,
        "AL1021",
        `cannot infer template parameter(s) ${missing.join(", ")} of '${k.decl.name!.text}'; pass them explicitly: ${k.decl.name!.text}<${params.map((p) => p.name.text).join(", ")}>(...)`,
      );
    }
    return this.instantiate(k, values, { ctx, node: call }, id, named);
  }
}

/** Binds template parameters appearing in a parameter's type annotation from an argument's type. */
function unify(
  t: ts.TypeNode,
  arg: ValueType,
  params: readonly ts.TypeParameterDeclaration[],
  out: Map<string, ConstValue>,
): void {
  const isParam = (n: ts.TypeNode): string | undefined =>
    ts.isTypeReferenceNode(n) &&
    ts.isIdentifier(n.typeName) &&
    !n.typeArguments &&
    params.some((p) => p.name.text === (n.typeName as ts.Identifier).text)
      ? n.typeName.text
      : undefined;
  const bind = (name: string | undefined, v: number | ElemType) => {
    if (name && !out.has(name)) out.set(name, typeof v === "number" ? intLiteral(BigInt(v)) : v);
  };
  if (!ts.isTypeReferenceNode(t)) return;
  const direct = isParam(t);
  if (direct) {
    bind(direct, arg.dtype);
    return;
  }
  const args = t.typeArguments ?? [];
  const shape = args.find((a) => ts.isTupleTypeNode(a)) as ts.TupleTypeNode | undefined;
  if (shape) {
    for (const [i, e] of shape.elements.entries())
      if (arg.shape[i] !== undefined) bind(isParam(e), arg.shape[i]);
  }
  if (ts.isIdentifier(t.typeName) && t.typeName.text === "Tensor" && args[0])
    bind(isParam(args[0]), arg.dtype);
}
