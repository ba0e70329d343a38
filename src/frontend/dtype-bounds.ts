// Template element types with a bound: `Ty extends IntUpTo<16>` takes the integer types (bool, int1..16,
// uint1..16) of at most 16 bits; a plain `Ty extends DType` takes any. tsc sees the same bound
// (src/dsl/tensor-types.ts). An overloaded name's call skips a form whose bound an argument misses
// (./overloads.ts), and instantiating a form with a dtype outside its bound is AL1021.

import { typeName } from "../types/dtype.ts";
import { type ConstValue, isDType, type KernelDecl } from "./constants.ts";
import { errorAt } from "./source.ts";
import { readDim } from "./types.ts";
import ts from "./typescript.cts";

export interface DTypeBound {
  /** The widest integer type the bound takes, in bits. */
  readonly maxBits: number;
  /** As the declaration writes it: `IntUpTo<16>`. */
  readonly text: string;
}

/** The bound of template parameter `p` of `k`, if it has one (`IntUpTo<W>`). */
export function dtypeBound(k: KernelDecl, p: ts.TypeParameterDeclaration): DTypeBound | undefined {
  const c = p.constraint;
  if (!c || !ts.isTypeReferenceNode(c) || !ts.isIdentifier(c.typeName) || c.typeName.text !== "IntUpTo")
    return undefined;
  const { sf } = k.file;
  if (c.typeArguments?.length !== 1)
    throw errorAt(sf, c, "AL1021", "IntUpTo takes the widest integer width: T extends IntUpTo<16>");
  const lookup = (n: string) => (k.file.hasConstDecl(n) ? k.file.constant(n) : undefined);
  return { maxBits: readDim(c.typeArguments[0], sf, lookup), text: c.getText(sf.ast) };
}

/** Whether a template value is within the bound: an integer type of at most `maxBits` bits. */
export const withinBound = (b: DTypeBound, v: ConstValue): boolean =>
  isDType(v) && v.kind === "int" && v.bits <= b.maxBits;

/** The bound of the template parameter named `name` of `k`, if it is one and has a bound. */
export function boundOf(k: KernelDecl, name: string): DTypeBound | undefined {
  const p = k.decl.typeParameters?.find((q) => q.name.text === name);
  return p && dtypeBound(k, p);
}

/** Raises (through `fail`, AL1021) for the first template value of `k` outside its parameter's bound. */
export function checkBounds(
  k: KernelDecl,
  values: ReadonlyMap<string, ConstValue>,
  fail: (message: string) => Error,
): void {
  for (const p of k.decl.typeParameters ?? []) {
    const b = dtypeBound(k, p);
    const v = values.get(p.name.text);
    if (!b || v === undefined || withinBound(b, v)) continue;
    const got = isDType(v) ? typeName(v) : "not an element type";
    throw fail(
      `template parameter '${p.name.text}' of '${k.decl.name!.text}' is ${b.text}, an integer type of at most ${b.maxBits} bits (bool, int1..int${b.maxBits}, uint1..uint${b.maxBits}); ${got} is outside it`,
    );
  }
}
