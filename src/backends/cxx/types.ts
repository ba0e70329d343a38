// Spelling of allo-ts types and constants in C++ (the Vitis HLS types, which the csim headers in
// include/ also provide): int8_t..uint64_t and bool where C has the width, ap_int<W>/ap_uint<W>
// elsewhere, ap_fixed<W, W-F>/ap_ufixed, half/float/double, index as int.
// Every literal is written so that its C++ type is exactly the IR type's C++ type and its value is exact.

import { AlloError } from "../../diagnostics/error.ts";
import { type ElemType, isBool, typeName } from "../../types/dtype.ts";

export { signedOf, typeRange, widthOf } from "../../ir/intervals.ts";

/** How C++ computes with a type, which decides how each operation must be written to stay exact. */
export type Category = "bool" | "native" | "ap" | "fixed" | "float" | "half";

const NATIVE_WIDTHS = new Set([8, 16, 32, 64]);

export function category(t: ElemType): Category {
  switch (t.kind) {
    case "index":
      return "native";
    case "int":
      if (isBool(t)) return "bool";
      return NATIVE_WIDTHS.has(t.bits) ? "native" : "ap";
    case "fixed":
      return "fixed";
    case "float":
      return t.bits === 16 ? "half" : "float";
  }
}

export function cType(t: ElemType): string {
  switch (t.kind) {
    case "index":
      return "int";
    case "int":
      if (isBool(t)) return "bool";
      if (NATIVE_WIDTHS.has(t.bits)) return `${t.signed ? "" : "u"}int${t.bits}_t`;
      return `ap_${t.signed ? "" : "u"}int<${t.bits}>`;
    case "fixed":
      return `ap_${t.signed ? "" : "u"}fixed<${t.bits}, ${t.bits - t.frac}>`;
    case "float":
      return t.bits === 16 ? "half" : t.bits === 32 ? "float" : "double";
  }
}

/** A C++ integer literal of type int, long long or unsigned long long holding v, or undefined past 64 bits. */
export function intLiteral(v: bigint): string | undefined {
  if (v >= -(2n ** 31n) && v < 2n ** 31n) return v === -(2n ** 31n) ? "(-2147483647 - 1)" : String(v);
  if (v >= -(2n ** 63n) && v < 2n ** 63n)
    return v === -(2n ** 63n) ? "(-9223372036854775807LL - 1)" : `${v}LL`;
  if (v >= 0n && v < 2n ** 64n) return `${v}ULL`;
  return undefined;
}

/** A float literal of C++ type float (suffix f) or double whose value is exactly x. */
export function floatLiteral(x: number, bits: 32 | 64): string {
  const f = bits === 32 ? "f" : "";
  if (Number.isNaN(x)) return bits === 32 ? "NAN" : "(double)NAN";
  if (!Number.isFinite(x)) {
    const inf = bits === 32 ? "INFINITY" : "(double)INFINITY";
    return x > 0 ? inf : `-${inf}`;
  }
  if (Object.is(x, -0)) return `-0.0${f}`;
  // The shortest decimal that reads back as the double is also the nearest decimal to a float value.
  const s = String(x);
  const body = /[.e]/.test(s) ? s : `${s}.0`;
  return `${body.startsWith(".") ? `0${body}` : body}${f}`;
}

/** A constant of type t (integers, index and fixed point as bigint raw values, floats as numbers). */
export function constant(t: ElemType, value: bigint | number): string {
  const ct = cType(t);
  switch (t.kind) {
    case "index":
      return intLiteral(BigInt(value)) ?? "0";
    case "float":
      if (t.bits === 16) return `(half)${floatLiteral(Number(value), 32)}`;
      return floatLiteral(Number(value), t.bits);
    case "int": {
      const v = BigInt(value);
      if (isBool(t)) return v === 0n ? "false" : "true";
      if (t.bits === 32 && t.signed) return intLiteral(v) as string;
      if (t.bits === 32) return `${v}u`;
      const lit = intLiteral(v);
      if (lit !== undefined) return `(${ct})${lit}`;
      return `${ct}("${v}", 10)`;
    }
    case "fixed": {
      const raw = BigInt(value);
      const real = Number(raw) / 2 ** t.frac;
      if (BigInt(Number(raw)) !== raw || real * 2 ** t.frac !== Number(raw)) {
        throw new AlloError(
          "AL5007",
          `the HLS backend cannot write the ${typeName(t)} constant with raw value ${raw}: its value is not a double`,
        );
      }
      return `(${ct})${floatLiteral(real, 64)}`;
    }
  }
}
