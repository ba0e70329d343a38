// Template values written in source: an explicit type argument at a call site (`layerNorm<4, 8, 1e-6>`)
// or a template parameter's default (`function conv2d<..., S extends number = 1, P extends number = 0>`).
// A number parameter takes a numeric literal (integer, or float32 when written with `.` or an exponent)
// or a constant's name, a boolean parameter `true`/`false`, any other parameter an element type. Defaults
// are read in the callee's file and may name earlier parameters (`S extends number = K`). A default
// `= number`, or an element type's default that is its own bound (`TyX extends IntUpTo<16> =
// IntUpTo<16>`), is no value: it lets tsc take explicit type arguments for the parameters before it
// while this one is inferred from the arguments (`sdpAttentionLD<H, Causal = false, L = number, D =
// number>`, `conv2dInt32<..., S, P, TyX, TyW>`).

import { type ConstValue, isScalar, type KernelDecl } from "./constants.ts";
import { boolConst, intLiteral, numericLiteral } from "./fold.ts";
import { errorAt, type SourceFile } from "./source.ts";
import { readDim, readType, type TypeLookup } from "./types.ts";
import ts from "./typescript.cts";

export const isNumberParam = (p: ts.TypeParameterDeclaration): boolean =>
  p.constraint?.kind === ts.SyntaxKind.NumberKeyword;

const isBooleanParam = (p: ts.TypeParameterDeclaration): boolean =>
  p.constraint?.kind === ts.SyntaxKind.BooleanKeyword;

/** The value of type argument `t` for template parameter `p`. */
export function readTemplateArg(
  p: ts.TypeParameterDeclaration,
  t: ts.TypeNode,
  sf: SourceFile,
  lookup: TypeLookup,
): ConstValue {
  if (isBooleanParam(p)) {
    if (t.kind === ts.SyntaxKind.LiteralType) {
      const lit = (t as ts.LiteralTypeNode).literal;
      if (lit.kind === ts.SyntaxKind.TrueKeyword) return boolConst(true);
      if (lit.kind === ts.SyntaxKind.FalseKeyword) return boolConst(false);
    }
    throw errorAt(
      sf,
      t,
      "AL1021",
      `template parameter '${p.name.text}' is a boolean; pass true or false, not '${t.getText(sf.ast)}'`,
    );
  }
  if (!isNumberParam(p)) return readType(t, sf, lookup).dtype;
  if (ts.isLiteralTypeNode(t) && ts.isNumericLiteral(t.literal))
    return numericLiteral(t.literal.getText(sf.ast));
  // A named constant keeps its own value (a float stays a float); anything else must be a size.
  const name = ts.isTypeReferenceNode(t) ? t.typeName : ts.isTypeQueryNode(t) ? t.exprName : undefined;
  const named = name && ts.isIdentifier(name) ? lookup(name.text) : undefined;
  return isScalar(named) && named.type.kind === "float" ? named : intLiteral(BigInt(readDim(t, sf, lookup)));
}

/**
 * Fills the parameters of `k` that `values` lacks from their defaults, in declaration order; returns
 * the names still missing (parameters without a default).
 */
export function applyDefaults(k: KernelDecl, values: Map<string, ConstValue>): string[] {
  const missing: string[] = [];
  const lookup = (n: string) => values.get(n) ?? (k.file.hasConstDecl(n) ? k.file.constant(n) : undefined);
  const ast = k.file.sf.ast;
  const isValue = (d: ts.TypeNode, bound: ts.TypeNode | undefined) =>
    d.kind !== ts.SyntaxKind.NumberKeyword && d.getText(ast) !== bound?.getText(ast);
  for (const p of k.decl.typeParameters ?? []) {
    if (values.has(p.name.text)) continue;
    if (p.default && isValue(p.default, p.constraint))
      values.set(p.name.text, readTemplateArg(p, p.default, k.file.sf, lookup));
    else missing.push(p.name.text);
  }
  return missing;
}
