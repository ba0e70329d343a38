// The element-type model shared by the frontend, the IR, every backend and the verifier.
// An ElemType is plain data (structural equality via `sameType`), printable in Allo's naming. It is
// internal; the kernel language's public `DType` (src/dsl/tensor-types.ts) is only a template bound.

export type IntType = { readonly kind: "int"; readonly bits: number; readonly signed: boolean };
export type IndexType = { readonly kind: "index" };
export type FloatType = { readonly kind: "float"; readonly bits: 16 | 32 | 64 };
export type FixedType = {
  readonly kind: "fixed";
  readonly bits: number;
  readonly frac: number;
  readonly signed: boolean;
};
export type ElemType = IntType | IndexType | FloatType | FixedType;

/** Width of `index` values: Allo's Index() is 32 bits (HLS `int`). */
export const INDEX_BITS = 32;

export const intType = (bits: number, signed = true): IntType => ({ kind: "int", bits, signed });
export const uintType = (bits: number): IntType => ({ kind: "int", bits, signed: false });
export const floatType = (bits: 16 | 32 | 64): FloatType => ({ kind: "float", bits });
export const fixedType = (bits: number, frac: number, signed = true): FixedType => ({
  kind: "fixed",
  bits,
  frac,
  signed,
});
export const INDEX: IndexType = { kind: "index" };
export const BOOL: IntType = uintType(1);
export const I32: IntType = intType(32);
export const F32: FloatType = floatType(32);

/**
 * Why a dtype cannot exist (a width below 1 or not an integer, a fraction below 0 or past the width),
 * or undefined when it is fine. Checked where a type is written, so the error has the user's location.
 */
export function dtypeProblem(t: ElemType): string | undefined {
  if (t.kind !== "int" && t.kind !== "fixed") return undefined;
  const name = t.kind === "int" ? (t.signed ? "Int" : "UInt") : t.signed ? "Fixed" : "UFixed";
  if (!Number.isSafeInteger(t.bits) || t.bits < 1)
    return `${name} needs a width of at least 1 bit, not ${t.bits}; e.g. ${name}<8${t.kind === "fixed" ? ", 4" : ""}>`;
  if (t.kind === "fixed" && (!Number.isSafeInteger(t.frac) || t.frac < 0 || t.frac > t.bits))
    return `${name}<${t.bits}, ${t.frac}> needs 0 <= fraction bits <= width (${t.bits}); e.g. ${name}<${t.bits}, ${Math.floor(t.bits / 2)}>`;
  return undefined;
}

export function sameType(a: ElemType, b: ElemType): boolean {
  switch (a.kind) {
    case "int":
      return b.kind === "int" && a.bits === b.bits && a.signed === b.signed;
    case "index":
      return b.kind === "index";
    case "float":
      return b.kind === "float" && a.bits === b.bits;
    case "fixed":
      return b.kind === "fixed" && a.bits === b.bits && a.frac === b.frac && a.signed === b.signed;
  }
}

/** Storage width in bits (index counts as INDEX_BITS). */
export function bitWidth(t: ElemType): number {
  return t.kind === "index" ? INDEX_BITS : t.bits;
}

export function isSigned(t: ElemType): boolean {
  return t.kind === "index" ? true : t.kind === "float" ? true : t.signed;
}

export const isBool = (t: ElemType): boolean => t.kind === "int" && t.bits === 1 && !t.signed;
export const isIntegral = (t: ElemType): t is IntType | IndexType => t.kind === "int" || t.kind === "index";

/** Allo's spelling: int8, uint16, i1 as bool, index, float32, fixed(16, 8), ufixed(8, 4). */
export function typeName(t: ElemType): string {
  switch (t.kind) {
    case "int":
      if (isBool(t)) return "bool";
      return `${t.signed ? "int" : "uint"}${t.bits}`;
    case "index":
      return "index";
    case "float":
      return `float${t.bits}`;
    case "fixed":
      return `${t.signed ? "fixed" : "ufixed"}(${t.bits}, ${t.frac})`;
  }
}
