// Overloaded kernel names (`export const sdpAttention = overload(sdpAttentionHLE, sdpAttentionLD)`,
// src/dsl/overload.ts): at a call site the form is the first, in the order overload() lists them, whose
// parameters take the arguments: as many arguments as parameters, as many explicit type arguments at
// most as the form has template parameters, each argument's rank the parameter's (a scalar or a value
// expression is rank 0; a float one does not fit an integer parameter), and a tensor argument's element
// type the parameter's when the parameter names one (`float32<[M, N]>`), or within the bound of the
// parameter's template element type (`Tensor<T, [M, N]>` with `T extends IntUpTo<16>`:
// ./dtype-bounds.ts; a plain `T extends DType` takes any). The chosen form is then instantiated and
// checked as any kernel call (./lower-call.ts); its instances are named after the overloaded name
// (./module-builder.ts). No matching form is AL2014 at the call, listing the forms.

import { NAMED_DTYPES } from "../dsl/dtypes.ts";
import { type ElemType, sameType, typeName } from "../types/dtype.ts";
import type { KernelDecl, OverloadDecl } from "./constants.ts";
import { boundOf, dtypeBound, withinBound } from "./dtype-bounds.ts";
import type { ValueType } from "./types.ts";
import ts from "./typescript.cts";

interface ParamForm {
  readonly rank: number;
  takes(d: ElemType): boolean;
  /** It names an integer element type (`int32`). */
  readonly integer?: boolean;
}

/** What a parameter's annotation says: its rank and the element types it takes. */
function paramForm(k: KernelDecl, t: ts.TypeNode | undefined): ParamForm {
  if (!t || !ts.isTypeReferenceNode(t) || !ts.isIdentifier(t.typeName)) return { rank: 0, takes: () => true };
  const shape = t.typeArguments?.find((a) => ts.isTupleTypeNode(a)) as ts.TupleTypeNode | undefined;
  const rank = shape?.elements.length ?? 0;
  const named = NAMED_DTYPES[t.typeName.text];
  if (named) return { rank, takes: (d) => sameType(d, named.dtype), integer: named.dtype.kind === "int" };
  const elem = t.typeName.text === "Tensor" ? t.typeArguments?.[0] : undefined;
  const bound =
    elem && ts.isTypeReferenceNode(elem) && ts.isIdentifier(elem.typeName)
      ? boundOf(k, elem.typeName.text)
      : undefined;
  return { rank, takes: (d) => !bound || withinBound(bound, d) };
}

/**
 * Whether form `k` takes a call with these arguments. A scalar converts to its parameter's type, except
 * a float one to an integer parameter (`add(A, 0.5)` with an integer A fits no form rather than add 0).
 */
function takes(k: KernelDecl, typeArgs: number, args: readonly ValueType[]): boolean {
  const params = k.decl.parameters;
  if (params.length !== args.length || typeArgs > (k.decl.typeParameters?.length ?? 0)) return false;
  return params.every((p, i) => {
    const want = paramForm(k, p.type);
    const got = args[i];
    if (got.shape.length !== want.rank) return false;
    if (want.rank > 0) return want.takes(got.dtype);
    return got.dtype.kind !== "float" || !want.integer;
  });
}

/**
 * A form as its declaration writes it, with its element-type bounds: `sdpAttentionLD<H, Causal, L, D>(Q:
 * float32<[L, D]>, ...)`, `matmulInt32<M, K, N, TyA extends IntUpTo<16>, ...>(A: Tensor<TyA, [M, K]>, ...)`.
 */
export function formText(k: KernelDecl): string {
  const ast = k.file.sf.ast;
  const tps =
    k.decl.typeParameters?.map((p) => {
      const b = dtypeBound(k, p);
      return b ? `${p.name.text} extends ${b.text}` : p.name.text;
    }) ?? [];
  const params = k.decl.parameters.map((p) => `${p.name.getText(ast)}: ${p.type?.getText(ast) ?? "?"}`);
  return `${k.decl.name!.text}${tps.length ? `<${tps.join(", ")}>` : ""}(${params.join(", ")})`;
}

const argText = (t: ValueType): string =>
  t.shape.length ? `${typeName(t.dtype)}[${t.shape.join(", ")}]` : typeName(t.dtype);

/** Where a call is compiled: raises errors at its nodes (a FnContext, without importing one). */
interface CallSite {
  error(node: ts.Node, code: "AL2014", message: string): Error;
}

/** The form of overloaded `o` this call takes, or AL2014 at the call naming the forms there are. */
export function chooseForm(
  ctx: CallSite,
  call: ts.CallExpression,
  o: OverloadDecl,
  typeArgs: number,
  args: readonly ValueType[],
): KernelDecl {
  const form = o.forms.find((k) => takes(k, typeArgs, args));
  if (form) return form;
  const given = `${typeArgs ? `${typeArgs} type argument(s) and ` : ""}(${args.map(argText).join(", ")})`;
  throw ctx.error(
    call,
    "AL2014",
    `no form of overloaded kernel '${o.name}' takes ${given}; its forms (by argument rank and element type): ${o.forms.map(formText).join("; ")}`,
  );
}
