// Spelling of allo-ts types and literals in upstream MLIR: signless `iN` for every integer and raw
// fixed-point type, `index`, `f16/f32/f64`, memrefs carrying Allo's partition layout maps, and
// literals that parse back to exactly the same bits (floats always carry a `.`, NaN/inf as hex).

import { isUnpartitioned, layoutOf, layoutText as spellLayout } from "../../ir/analysis/layout.ts";
import type { BufferDecl } from "../../ir/nodes.ts";
import { type ElemType, type FloatType, isBool, typeName } from "../../types/dtype.ts";

/** The MLIR scalar type of an IR type; fixed point is its raw integer. */
export function mlirType(t: ElemType): string {
  switch (t.kind) {
    case "int":
    case "fixed":
      return `i${t.bits}`;
    case "index":
      return "index";
    case "float":
      return `f${t.bits}`;
  }
}

/** Allo's itypes/otypes letter: `s` signed int/fixed, `u` unsigned (and bool), `_` float/index. */
export function signChar(t: ElemType): string {
  if (t.kind === "int" || t.kind === "fixed") return t.signed && !isBool(t) ? "s" : "u";
  return "_";
}

export const isUnsigned = (t: ElemType): boolean =>
  (t.kind === "int" || t.kind === "fixed") && (!t.signed || isBool(t));

/**
 * Allo's partition layout map `(d0, ..) -> (bank0, .., addr0, ..)`: complete gives bank dK, addr 0;
 * block(f) bank dK floordiv ceil(n/f), addr dK mod ceil(n/f); cyclic(f) bank dK mod f, addr dK floordiv f;
 * an unpartitioned dimension bank 0, addr dK. Undefined when no dimension is partitioned.
 */
export function layoutMap(b: BufferDecl): string | undefined {
  const dims = layoutOf(b.shape, b.partitions);
  if (isUnpartitioned(dims)) return undefined;
  const banks: string[] = [];
  const addrs: string[] = [];
  dims.forEach((d, k) => {
    const v = `d${k}`;
    switch (d.kind) {
      case "none":
        banks.push("0");
        addrs.push(v);
        break;
      case "complete":
        banks.push(v);
        addrs.push("0");
        break;
      case "block": {
        const size = Math.ceil(b.shape[k] / d.factor);
        banks.push(`${v} floordiv ${size}`);
        addrs.push(`${v} mod ${size}`);
        break;
      }
      case "cyclic":
        banks.push(`${v} mod ${d.factor}`);
        addrs.push(`${v} floordiv ${d.factor}`);
        break;
    }
  });
  const ds = b.shape.map((_, k) => `d${k}`).join(", ");
  return `affine_map<(${ds}) -> (${[...banks, ...addrs].join(", ")})>`;
}

/** The layout as the API spells it, `[cyclic(4), none]`; undefined when nothing is partitioned. */
export function layoutText(b: BufferDecl): string | undefined {
  const dims = layoutOf(b.shape, b.partitions);
  return isUnpartitioned(dims) ? undefined : spellLayout(dims);
}

/**
 * `memref<32x32xf32>`, `memref<i32>` for a scalar, with the partition layout map when there is one
 * (unless `maps` is false: LLVM lowering needs strided layouts, so that form keeps identity layouts).
 */
export function memrefType(b: BufferDecl, maps = true): string {
  const shape = b.shape.map((n) => `${n}x`).join("");
  const layout = maps ? layoutMap(b) : undefined;
  return `memref<${shape}${mlirType(b.type)}${layout ? `, ${layout}` : ""}>`;
}

/** The readable name of a type whose MLIR spelling loses information (fixed point), else undefined. */
export const fixedName = (t: ElemType): string | undefined => (t.kind === "fixed" ? typeName(t) : undefined);

/** An integer attribute/constant value of width `bits`, written as its signed two's-complement value. */
export function intLiteral(v: bigint, bits: number): string {
  if (bits === 1) return BigInt.asUintN(1, v) === 1n ? "true" : "false";
  return String(BigInt.asIntN(bits, v));
}

const HEX_SPECIAL: Record<16 | 32 | 64, { nan: string; inf: string; ninf: string }> = {
  16: { nan: "0x7E00", inf: "0x7C00", ninf: "0xFC00" },
  32: { nan: "0x7FC00000", inf: "0x7F800000", ninf: "0xFF800000" },
  64: { nan: "0x7FF8000000000000", inf: "0x7FF0000000000000", ninf: "0xFFF0000000000000" },
};

/**
 * A float literal that MLIR parses to exactly `x` in type t (x is already a value of t). The shortest
 * round-trip decimal of the double is exact for every narrower format too.
 */
export function floatLiteral(x: number, t: FloatType): string {
  const h = HEX_SPECIAL[t.bits];
  if (Number.isNaN(x)) return h.nan;
  if (x === Number.POSITIVE_INFINITY) return h.inf;
  if (x === Number.NEGATIVE_INFINITY) return h.ninf;
  if (Object.is(x, -0)) return "-0.000000e+00";
  const s = String(x);
  if (s.includes(".")) return s;
  const e = s.indexOf("e");
  return e < 0 ? `${s}.0` : `${s.slice(0, e)}.0${s.slice(e)}`;
}

/** An MLIR string attribute: quotes, backslashes and control characters escaped as MLIR reads them. */
export function str(s: string): string {
  let out = "";
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (c === "\\" || c === '"') out += `\\${c}`;
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(16).padStart(2, "0")}`;
    else out += c;
  }
  return `"${out}"`;
}

/** A symbol reference `@name`, quoted when the name is not a bare MLIR identifier. */
export const sym = (name: string): string =>
  /^[A-Za-z_][A-Za-z0-9_$.]*$/.test(name) ? `@${name}` : `@${str(name)}`;
