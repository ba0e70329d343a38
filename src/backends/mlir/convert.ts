// Conversions between allo-ts types in upstream arith/math ops, bit-exact with `convert` in
// src/semantics/scalar.ts: int->int wraps (ext by the source's signedness, or trunci); float->int
// truncates toward zero and wraps (remf by 2^W first, so fptosi never overflows; NaN/inf give 0);
// fixed point is its raw integer with explicit shifts (AP_TRN, AP_WRAP); index is a 32-bit signed int.

import { AlloError } from "../../diagnostics/error.ts";
import { type ElemType, type FloatType, floatType, intType, sameType } from "../../types/dtype.ts";
import type { Body } from "./body.ts";

const F64 = floatType(64);
const I32 = intType(32);

/** Sign- or zero-extends or truncates an integer SSA value between widths. */
export function resize(b: Body, v: string, from: number, to: number, signed: boolean): string {
  if (from === to) return v;
  if (to > from) return b.op(`arith.${signed ? "extsi" : "extui"} ${v} : i${from} to i${to}`);
  return b.op(`arith.trunci ${v} : i${from} to i${to}`);
}

function resizeFloat(b: Body, v: string, from: FloatType, to: FloatType): string {
  if (from.bits === to.bits) return v;
  const op = to.bits > from.bits ? "extf" : "truncf";
  return b.op(`arith.${op} ${v} : f${from.bits} to f${to.bits}`);
}

/** Integer (or raw fixed) bits to float, rounding like Number(bigint) then the target format does. */
function intToFloat(b: Body, v: string, bits: number, signed: boolean, to: FloatType): string {
  const op = signed ? "sitofp" : "uitofp";
  // Past 53 bits the reference rounds to a double first; do the same so narrow results match.
  if (bits > 53 && to.bits < 64) return resizeFloat(b, b.op(`arith.${op} ${v} : i${bits} to f64`), F64, to);
  return b.op(`arith.${op} ${v} : i${bits} to f${to.bits}`);
}

/** Largest W such that 2^W is finite in each float format. */
const MAX_POW: Record<16 | 32 | 64, number> = { 16: 15, 32: 127, 64: 1023 };

/**
 * trunc(x) wrapped to W bits, exactly: after math.trunc, remf by 2^W is exact and the integral result
 * is moved into [-2^(W-1), 2^(W-1)) by an exact +-2^W, so fptosi is in range; NaN and infinities give 0.
 */
export function floatToBits(b: Body, v: string, from: FloatType, bits: number, integral = false): string {
  let x = v;
  let ft = from;
  if (bits > MAX_POW[ft.bits]) {
    if (bits > MAX_POW[64]) {
      throw new AlloError(
        "AL5007",
        `the MLIR backend converts floats to integers of at most 1023 bits, not ${bits}`,
      );
    }
    x = resizeFloat(b, x, ft, F64);
    ft = F64;
  }
  const t = `f${ft.bits}`;
  const m = b.floatConst(ft, 2 ** bits);
  const whole = integral ? x : b.op(`math.trunc ${x} : ${t}`);
  const r = b.op(`arith.remf ${whole}, ${m} : ${t}`);
  const hi = b.op(`arith.cmpf oge, ${r}, ${b.floatConst(ft, 2 ** (bits - 1))} : ${t}`);
  const lo = b.op(`arith.cmpf olt, ${r}, ${b.floatConst(ft, -(2 ** (bits - 1)))} : ${t}`);
  const down = b.op(`arith.subf ${r}, ${m} : ${t}`);
  const up = b.op(`arith.addf ${r}, ${m} : ${t}`);
  const r1 = b.op(`arith.select ${hi}, ${down}, ${r} : ${t}`);
  const r2 = b.op(`arith.select ${lo}, ${up}, ${r1} : ${t}`);
  const i = b.op(`arith.fptosi ${r2} : ${t} to i${bits}`);
  const nan = b.op(`arith.cmpf uno, ${r}, ${r} : ${t}`);
  return b.op(`arith.select ${nan}, ${b.intConst(intType(bits), 0n)}, ${i} : i${bits}`);
}

/** v << k wrapped to `bits` (0 when k >= bits). */
function shiftLeft(b: Body, v: string, bits: number, k: number): string {
  if (k === 0) return v;
  if (k >= bits) return b.intConst(intType(bits), 0n);
  return b.op(`arith.shli ${v}, ${b.intConst(intType(bits), BigInt(k))} : i${bits}`);
}

/** floor(v / 2^k) (arithmetic for signed, logical for unsigned), k >= 1, in the same width. */
function shiftRight(b: Body, v: string, bits: number, k: number, signed: boolean): string {
  if (!signed && k >= bits) return b.intConst(intType(bits), 0n);
  const amount = b.intConst(intType(bits), BigInt(Math.min(k, bits - 1)));
  return b.op(`arith.${signed ? "shrsi" : "shrui"} ${v}, ${amount} : i${bits}`);
}

/** Converts SSA value `v` of IR type `from` to IR type `to`. */
export function convertValue(b: Body, v: string, from: ElemType, to: ElemType): string {
  if (sameType(from, to)) return v;
  if (from.kind === "index") {
    if (to.kind === "index") return v;
    return convertValue(b, b.op(`arith.index_cast ${v} : index to i32`), I32, to);
  }
  if (to.kind === "index") {
    const i32 = from.kind === "float" ? floatToBits(b, v, from, 32) : convertValue(b, v, from, I32);
    return b.op(`arith.index_cast ${i32} : i32 to index`);
  }
  switch (from.kind) {
    case "float":
      if (to.kind === "float") return resizeFloat(b, v, from, to);
      if (to.kind === "int") return floatToBits(b, v, from, to.bits);
      return floatToFixed(b, v, from, to.bits, to.frac);
    case "int":
      if (to.kind === "int") return resize(b, v, from.bits, to.bits, from.signed);
      if (to.kind === "float") return intToFloat(b, v, from.bits, from.signed, to);
      return shiftLeft(b, resize(b, v, from.bits, to.bits, from.signed), to.bits, to.frac);
    case "fixed": {
      const { bits, frac, signed } = from;
      if (to.kind === "float") {
        if (frac === 0) return intToFloat(b, v, bits, signed, to);
        const d = b.op(`arith.${signed ? "sitofp" : "uitofp"} ${v} : i${bits} to f64`);
        const scaled = b.op(`arith.mulf ${d}, ${b.floatConst(F64, 2 ** -frac)} : f64`);
        return resizeFloat(b, scaled, F64, to);
      }
      if (to.kind === "int") {
        if (frac === 0) return resize(b, v, bits, to.bits, signed);
        // Truncation toward zero is a division by 2^frac, done wide enough to hold 2^frac.
        const w = Math.max(bits, frac + 2);
        const x = resize(b, v, bits, w, signed);
        const q = b.op(
          `arith.${signed ? "divsi" : "divui"} ${x}, ${b.intConst(intType(w), 1n << BigInt(frac))} : i${w}`,
        );
        return resize(b, q, w, to.bits, signed);
      }
      const k = frac - to.frac;
      if (k > 0) return resize(b, shiftRight(b, v, bits, k, signed), bits, to.bits, signed);
      return shiftLeft(b, resize(b, v, bits, to.bits, signed), to.bits, -k);
    }
  }
}

/** floor(x * 2^frac) wrapped to the raw width, computed in double precision like the reference. */
function floatToFixed(b: Body, v: string, from: FloatType, bits: number, frac: number): string {
  const d = resizeFloat(b, v, from, F64);
  const scaled = frac === 0 ? d : b.op(`arith.mulf ${d}, ${b.floatConst(F64, 2 ** frac)} : f64`);
  return floatToBits(b, b.op(`math.floor ${scaled} : f64`), F64, bits, true);
}
