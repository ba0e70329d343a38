// Allo's default typing rules, in one place. Every binary operation computes a result type from its
// operand types; both operands are converted to that type, the operation runs in it, and a store to a
// narrower declared type wraps (two's complement) or quantizes (fixed point).
//
// For integers and fixed point the rules share one shape once each type is seen as
// (signed, integer bits I, fraction bits F): Int(b) = (s, b, 0), UInt(b) = (u, b, 0), Fixed(W, F) = (s, W-F, F),
// UFixed(W, F) = (u, W-F, F), index = (u, 32, 0). When a signed and an unsigned operand meet, the unsigned
// one needs one more integer bit (I' = I + 1). The table below is Allo's `typing_rule.py`, restated:
//
// | op                       | result (non-float operands)                              | with a float operand      |
// |--------------------------|----------------------------------------------------------|---------------------------|
// | + -                      | (s1|s2, max(I1', I2') + 1, max(F1, F2))                  | the float (wider if both) |
// | *                        | (s1|s2, W1 + W2 total bits, F1 + F2)                     | the float                 |
// | / (integers)             | lhs type; UInt / Int gives Int(lhs bits)                 | the float                 |
// | % (no fixed point)       | (s1|s2, max(I1', I2'))                                   | the float                 |
// | == != < <= > >=          | operands to (s1|s2, max(I1', I2'), max(F1, F2)); bool    | operands to the float     |
// | << >>                    | lhs type (the shift amount keeps its own type)           | error                     |
// | & | ^                    | (s1|s2, max(W1, W2)) integers only                       | error                     |
// | && || !                  | bool                                                     | bool                      |
// | ?: Math.min Math.max     | (s1|s2, max(I1', I2'), max(F1, F2))                      | the float                 |
// | unary - ~ on UInt(n)     | Int(n); other types keep their type                      | the float                 |
// | Math.exp/log/sqrt/...    | float32 for <= 32-bit operands, float64 above            | the float                 |
// index op index is index for every arithmetic op. Literals: integers int32 (int64, then the narrowest
// Int<W>, when they do not fit), numbers written with `.` or an exponent float32.

import {
  type ElemType,
  F32,
  type FloatType,
  fixedType,
  floatType,
  INDEX,
  INDEX_BITS,
  intType,
  isBool,
} from "./dtype.ts";

export type ArithOp = "+" | "-" | "*" | "/" | "%";
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type ShiftOp = "<<" | ">>";
export type BitOp = "&" | "|" | "^";
export type BinaryOp = ArithOp | CompareOp | ShiftOp | BitOp | "min" | "max";

export class TypingError extends Error {}

type Shape3 = { signed: boolean; ibits: number; frac: number; fixed: boolean };

function shape(t: Exclude<ElemType, FloatType>): Shape3 {
  switch (t.kind) {
    case "int":
      return { signed: t.signed && !isBool(t), ibits: t.bits, frac: 0, fixed: false };
    case "index":
      return { signed: false, ibits: INDEX_BITS, frac: 0, fixed: false };
    case "fixed":
      return { signed: t.signed, ibits: t.bits - t.frac, frac: t.frac, fixed: true };
  }
}

function make(signed: boolean, ibits: number, frac: number, fixed: boolean): ElemType {
  return fixed ? fixedType(ibits + frac, frac, signed) : intType(ibits, signed);
}

function widerFloat(a: ElemType, b: ElemType): FloatType {
  if (a.kind === "float" && b.kind === "float") return a.bits >= b.bits ? a : b;
  return (a.kind === "float" ? a : b) as FloatType;
}

/** Integer bits of each operand after the signed/unsigned adjustment (I'). */
function mixedIbits(a: Shape3, b: Shape3): [number, number] {
  const signed = a.signed || b.signed;
  return [a.ibits + (signed && !a.signed ? 1 : 0), b.ibits + (signed && !b.signed ? 1 : 0)];
}

/** The common type both operands convert to for + - % compare select min max (before the +1 of add). */
function joinType(a: ElemType, b: ElemType, extraIntBit: number): ElemType {
  if (a.kind === "float" || b.kind === "float") return widerFloat(a, b);
  if (a.kind === "index" && b.kind === "index") return INDEX;
  const sa = shape(a);
  const sb = shape(b);
  const [ia, ib] = mixedIbits(sa, sb);
  return make(
    sa.signed || sb.signed,
    Math.max(ia, ib) + extraIntBit,
    Math.max(sa.frac, sb.frac),
    sa.fixed || sb.fixed,
  );
}

/** Result type of a binary operation; throws TypingError when the operation is not defined on the types. */
export function binaryResultType(op: BinaryOp, a: ElemType, b: ElemType): ElemType {
  switch (op) {
    case "+":
    case "-":
      return joinType(a, b, 1);
    case "%":
      // Allo leaves the remainder of fixed-point values undefined, and ap_fixed has no operator%.
      if (a.kind === "fixed" || b.kind === "fixed") {
        throw new TypingError(
          "'%' is not defined on fixed-point values; convert to float or an integer first",
        );
      }
      return joinType(a, b, 0);
    case "min":
    case "max":
      return joinType(a, b, 0);
    case "*": {
      if (a.kind === "float" || b.kind === "float") return widerFloat(a, b);
      if (a.kind === "index" && b.kind === "index") return INDEX;
      const sa = shape(a);
      const sb = shape(b);
      const frac = sa.frac + sb.frac;
      return make(sa.signed || sb.signed, sa.ibits + sb.ibits, frac, sa.fixed || sb.fixed);
    }
    case "/": {
      if (a.kind === "float" || b.kind === "float") return widerFloat(a, b);
      if (a.kind === "fixed" || b.kind === "fixed") {
        throw new TypingError("division of fixed-point values is not supported yet; convert to float first");
      }
      if (a.kind === "index") return b.kind === "int" && b.signed ? intType(INDEX_BITS, true) : INDEX;
      if (a.kind === "int" && !a.signed && b.kind === "int" && b.signed) return intType(a.bits, true);
      return a;
    }
    case "==":
    case "!=":
    case "<":
    case "<=":
    case ">":
    case ">=":
      return joinType(a, b, 0);
    case "<<":
    case ">>":
      if (a.kind === "float" || b.kind === "float" || b.kind === "fixed") {
        throw new TypingError(`'${op}' needs an integer shift amount and an integer or fixed-point value`);
      }
      return a;
    case "&":
    case "|":
    case "^": {
      if (a.kind === "float" || b.kind === "float" || a.kind === "fixed" || b.kind === "fixed") {
        throw new TypingError(`'${op}' is defined on integers only`);
      }
      if (a.kind === "index" && b.kind === "index") return INDEX;
      const sa = shape(a);
      const sb = shape(b);
      return intType(Math.max(sa.ibits, sb.ibits), sa.signed || sb.signed);
    }
  }
}

/** Type the operands of a comparison are converted to (the result itself is bool). */
export const compareOperandType = (a: ElemType, b: ElemType): ElemType => joinType(a, b, 0);

/** Unary minus and bitwise not: UInt(n) becomes Int(n); everything else keeps its type. */
export function negateResultType(t: ElemType): ElemType {
  if (t.kind === "int" && !t.signed) return intType(t.bits, true);
  if (t.kind === "fixed" && !t.signed) return fixedType(t.bits, t.frac, true);
  return t;
}

/** Math.* intrinsics: floats keep their type, anything else computes in float32 (<= 32 bits) or float64. */
export function intrinsicResultType(t: ElemType): FloatType {
  if (t.kind === "float") return t;
  const bits = t.kind === "index" ? INDEX_BITS : t.bits;
  return bits <= 32 ? F32 : floatType(64);
}

export const LITERAL_INT: ElemType = intType(32);
export const LITERAL_FLOAT: ElemType = F32;
