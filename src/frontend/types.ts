// Reads kernel type annotations: `float32`, `int8<[M, K]>`, `Int<12, [M]>`, `Fixed<16, 8, [N]>`,
// `Tensor<T, [M, N]>`, template parameters, and the shape tuples inside them (literals, module constants
// through their `type X = typeof X` twins, `typeof X`, template values).

import { internalError } from "../diagnostics/error.ts";
import { NAMED_DTYPES } from "../dsl/dtypes.ts";
import { type ElemType, fixedType, intType, uintType } from "../types/dtype.ts";
import { type ConstValue, checkedDType, isDType, plainInt } from "./constants.ts";
import { numericLiteral } from "./fold.ts";
import { errorAt, type SourceFile } from "./source.ts";
import ts from "./typescript.cts";

export interface ValueType {
  readonly dtype: ElemType;
  /** Empty for scalars. */
  readonly shape: readonly number[];
}

/** Resolves names used inside types (template parameters, then module constants). */
export type TypeLookup = (name: string) => ConstValue | undefined;

/**
 * An extent written `number` in a kernel's declared result type: the returned tensor's own extent, for
 * shapes the body computes (`const OH = (H - KH) / S + 1;` ... `float32<[N, C, typeof OH, W]>`).
 */
export const OPEN_EXTENT = -1;

/** Whether `got` is the declared type, an OPEN_EXTENT matching any extent. */
export const fitsDeclared = (declared: readonly number[], got: readonly number[]): boolean =>
  declared.length === got.length && declared.every((d, i) => d === OPEN_EXTENT || d === got[i]);

export function readType(t: ts.TypeNode, sf: SourceFile, lookup: TypeLookup, open = false): ValueType {
  const fail = (why: string) => errorAt(sf, t, "AL2007", why);
  if (ts.isParenthesizedTypeNode(t)) return readType(t.type, sf, lookup, open);
  if (t.kind === ts.SyntaxKind.BooleanKeyword) return { dtype: uintType(1), shape: [] };
  if (t.kind === ts.SyntaxKind.NumberKeyword) {
    throw fail("'number' has no width; use an element type such as int32, float32 or index");
  }
  if (!ts.isTypeReferenceNode(t) || !ts.isIdentifier(t.typeName)) {
    throw fail(
      `'${t.getText(sf.ast)}' is not a kernel type; use an element type such as float32 or int8<[M, N]>`,
    );
  }
  const name = t.typeName.text;
  const args = t.typeArguments ?? [];
  const num = (i: number): number => readDim(args[i], sf, lookup);
  const shapeArg = (i: number): readonly number[] => (args[i] ? readShape(args[i], sf, lookup, open) : []);
  const checked = (d: ElemType) => checkedDType(d, sf, t);
  switch (name) {
    case "Int":
      return { dtype: checked(intType(num(0))), shape: shapeArg(1) };
    case "UInt":
      return { dtype: checked(uintType(num(0))), shape: shapeArg(1) };
    case "Fixed":
      return { dtype: checked(fixedType(num(0), num(1), true)), shape: shapeArg(2) };
    case "UFixed":
      return { dtype: checked(fixedType(num(0), num(1), false)), shape: shapeArg(2) };
    case "Tensor": {
      if (args.length !== 2) throw fail("Tensor takes an element type and a shape: Tensor<T, [M, N]>");
      return { dtype: readType(args[0], sf, lookup).dtype, shape: readShape(args[1], sf, lookup, open) };
    }
  }
  const named = NAMED_DTYPES[name];
  if (named) return { dtype: named.dtype, shape: shapeArg(0) };
  const v = lookup(name);
  if (isDType(v)) return { dtype: v, shape: shapeArg(0) };
  throw fail(
    `unknown element type '${name}'; use bool, int1..int64, uint1..uint64, index, float16/32/64, Int<W>, UInt<W>, Fixed<W, F>, UFixed<W, F> or a template parameter`,
  );
}

export function readShape(
  t: ts.TypeNode,
  sf: SourceFile,
  lookup: TypeLookup,
  open = false,
): readonly number[] {
  if (!ts.isTupleTypeNode(t)) {
    throw errorAt(sf, t, "AL2007", "a shape is a tuple of compile-time sizes, e.g. [M, N] or [32, 32]");
  }
  return t.elements.map((e) =>
    open && e.kind === ts.SyntaxKind.NumberKeyword ? OPEN_EXTENT : readDim(e, sf, lookup),
  );
}

export function readDim(t: ts.TypeNode | undefined, sf: SourceFile, lookup: TypeLookup): number {
  if (!t) throw internalError("missing type argument");
  const fail = () =>
    errorAt(
      sf,
      t,
      "AL1007",
      `'${t.getText(sf.ast)}' is not a compile-time size; use a number literal, a module-level const with its 'type X = typeof X' twin, or a template parameter`,
    );
  let v: ConstValue | undefined;
  if (ts.isLiteralTypeNode(t) && ts.isNumericLiteral(t.literal))
    v = numericLiteral(t.literal.getText(sf.ast));
  else if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName)) v = lookup(t.typeName.text);
  else if (ts.isTypeQueryNode(t) && ts.isIdentifier(t.exprName)) v = lookup(t.exprName.text);
  const n = plainInt(v);
  if (n === undefined || n < 0) throw fail();
  return n;
}
