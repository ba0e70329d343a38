// Binary operations of the IR in arith ops, with the exact semantics of src/semantics/scalar.ts:
// wrapping + - *, fixed-point products through a double-width integer, division and remainder that
// give 0 for a zero divisor and never hit LLVM's undefined cases (x / 0, INT_MIN / -1), shifts with
// the amount clamped to [0, W], and NaN-propagating float min/max.

import { internalError } from "../../diagnostics/error.ts";
import { type ElemType, type FloatType, INDEX, type IntType, intType } from "../../types/dtype.ts";
import type { BinaryOp } from "../../types/typing-rules.ts";
import type { Body } from "./body.ts";
import { convertValue, resize } from "./convert.ts";
import { isUnsigned, mlirType } from "./types.ts";

export interface Operand {
  readonly ssa: string;
  readonly type: ElemType;
  /** The value when it is a compile-time integer constant. */
  readonly konst?: bigint;
}

const CMP_INT: Record<string, [string, string]> = {
  "==": ["eq", "eq"],
  "!=": ["ne", "ne"],
  "<": ["slt", "ult"],
  "<=": ["sle", "ule"],
  ">": ["sgt", "ugt"],
  ">=": ["sge", "uge"],
};
// JavaScript comparisons: ordered, except != which is true on NaN.
const CMP_FLOAT: Record<string, string> = {
  "==": "oeq",
  "!=": "une",
  "<": "olt",
  "<=": "ole",
  ">": "ogt",
  ">=": "oge",
};

const widthOf = (t: ElemType): number => (t.kind === "index" ? 32 : (t as { bits: number }).bits);

/** `a op b` with both operands in `t` (for comparisons: the common operand type; the result is i1). */
export function binaryOp(b: Body, op: BinaryOp, a: Operand, c: Operand, t: ElemType): string {
  const mt = mlirType(t);
  if (t.kind === "float") return floatOp(b, op, a.ssa, c.ssa, t);
  const unsigned = isUnsigned(t);
  if (op in CMP_INT) return b.op(`arith.cmpi ${CMP_INT[op][unsigned ? 1 : 0]}, ${a.ssa}, ${c.ssa} : ${mt}`);
  switch (op) {
    case "+":
      return b.op(`arith.addi ${a.ssa}, ${c.ssa} : ${mt}`);
    case "-":
      return b.op(`arith.subi ${a.ssa}, ${c.ssa} : ${mt}`);
    case "*":
      return t.kind === "fixed" && t.frac > 0
        ? fixedMul(b, a.ssa, c.ssa, t.bits, t.frac, !unsigned)
        : b.op(`arith.muli ${a.ssa}, ${c.ssa} : ${mt}`);
    case "/":
    case "%":
      return divRem(b, op, a.ssa, c, t);
    case "min":
    case "max":
      return b.op(`arith.${op}${unsigned ? "ui" : "si"} ${a.ssa}, ${c.ssa} : ${mt}`);
    case "&":
      return b.op(`arith.andi ${a.ssa}, ${c.ssa} : ${mt}`);
    case "|":
      return b.op(`arith.ori ${a.ssa}, ${c.ssa} : ${mt}`);
    case "^":
      return b.op(`arith.xori ${a.ssa}, ${c.ssa} : ${mt}`);
    case "<<":
    case ">>":
      return shift(b, op, a, c, t);
    default:
      throw internalError(`MLIR printer has no integer '${op}'`);
  }
}

function floatOp(b: Body, op: BinaryOp, x: string, y: string, t: FloatType): string {
  const mt = mlirType(t);
  if (op in CMP_FLOAT) return b.op(`arith.cmpf ${CMP_FLOAT[op]}, ${x}, ${y} : ${mt}`);
  const simple: Partial<Record<BinaryOp, string>> = {
    "+": "addf",
    "-": "subf",
    "*": "mulf",
    "/": "divf",
    "%": "remf",
  };
  const name = simple[op];
  if (name) return b.op(`arith.${name} ${x}, ${y} : ${mt}`);
  if (op !== "min" && op !== "max") {
    throw internalError(`MLIR printer has no float '${op}'`);
  }
  // a < b ? a : b (so min(-0, +0) is +0, as in the reference), NaN when either side is NaN.
  const pick = b.op(`arith.cmpf ${op === "min" ? "olt" : "ogt"}, ${x}, ${y} : ${mt}`);
  const r = b.op(`arith.select ${pick}, ${x}, ${y} : ${mt}`);
  const xNaN = b.op(`arith.cmpf uno, ${x}, ${x} : ${mt}`);
  return b.op(`arith.select ${xNaN}, ${x}, ${r} : ${mt}`);
}

/** (a * b) >> frac of the exact product (computed in 2W bits), wrapped to W bits. */
function fixedMul(b: Body, x: string, y: string, bits: number, frac: number, signed: boolean): string {
  const w = 2 * bits;
  const p = b.op(`arith.muli ${resize(b, x, bits, w, signed)}, ${resize(b, y, bits, w, signed)} : i${w}`);
  const amount = b.intConst(intType(w), BigInt(frac));
  return resize(b, b.op(`arith.${signed ? "shrsi" : "shrui"} ${p}, ${amount} : i${w}`), w, bits, signed);
}

/**
 * C's truncating / and %, with x / 0 = x % 0 = 0 and INT_MIN / -1 wrapping, without executing an
 * LLVM division that is undefined: the divisor is replaced by 1 where the answer is fixed anyway.
 */
function divRem(b: Body, op: "/" | "%", x: string, d: Operand, t: IntType | ElemType): string {
  const mt = mlirType(t);
  const signed = !isUnsigned(t);
  const zero = b.intConst(t, 0n);
  const bits = widthOf(t);
  if (bits === 1 && t.kind !== "index") return op === "/" ? b.op(`arith.andi ${x}, ${d.ssa} : ${mt}`) : zero;
  const name = `arith.${op === "/" ? "div" : "rem"}${signed ? "si" : "ui"}`;
  const k = d.konst;
  if (k !== undefined) {
    if (k === 0n) return zero;
    if (signed && k === -1n) return op === "/" ? b.op(`arith.subi ${zero}, ${x} : ${mt}`) : zero;
    return b.op(`${name} ${x}, ${d.ssa} : ${mt}`);
  }
  const isZero = b.op(`arith.cmpi eq, ${d.ssa}, ${zero} : ${mt}`);
  const isNegOne = signed ? b.op(`arith.cmpi eq, ${d.ssa}, ${b.intConst(t, -1n)} : ${mt}`) : undefined;
  const fixed = isNegOne ? b.op(`arith.ori ${isZero}, ${isNegOne} : i1`) : isZero;
  const safe = b.op(`arith.select ${fixed}, ${b.intConst(t, 1n)}, ${d.ssa} : ${mt}`);
  const q = b.op(`${name} ${x}, ${safe} : ${mt}`);
  if (op === "%") return b.op(`arith.select ${fixed}, ${zero}, ${q} : ${mt}`);
  const q1 = isNegOne
    ? b.op(`arith.select ${isNegOne}, ${b.op(`arith.subi ${zero}, ${x} : ${mt}`)}, ${q} : ${mt}`)
    : q;
  return b.op(`arith.select ${isZero}, ${zero}, ${q1} : ${mt}`);
}

/**
 * x << s and x >> s with s clamped to [0, W]: << by W gives 0, >> by W the sign fill (arithmetic on
 * signed types, logical on unsigned). Index values shift as 32-bit ints.
 */
function shift(b: Body, op: "<<" | ">>", x: Operand, amount: Operand, t: ElemType): string {
  if (t.kind === "index") {
    const i32 = intType(32);
    const r = shift(b, op, { ssa: convertValue(b, x.ssa, INDEX, i32), type: i32 }, amount, i32);
    return convertValue(b, r, i32, INDEX);
  }
  const bits = widthOf(t);
  const mt = mlirType(t);
  const signed = !isUnsigned(t);
  const arith = op === "<<" ? "shli" : signed ? "shrsi" : "shrui";
  const zero = b.intConst(t, 0n);
  if (amount.konst !== undefined) {
    const s = amount.konst < 0n ? 0n : amount.konst;
    if (s === 0n) return x.ssa;
    if (s >= BigInt(bits) && arith !== "shrsi") return zero;
    const k = s >= BigInt(bits) ? BigInt(bits - 1) : s;
    return b.op(`arith.${arith} ${x.ssa}, ${b.intConst(t, k)} : ${mt}`);
  }
  let a = amount;
  if (a.type.kind === "index") a = { ssa: convertValue(b, a.ssa, INDEX, intType(32)), type: intType(32) };
  const aw = widthOf(a.type);
  const aSigned = !isUnsigned(a.type);
  const at = mlirType(a.type);
  const aMax = (1n << BigInt(aSigned ? aw - 1 : aw)) - 1n;
  const neg = aSigned ? b.op(`arith.cmpi slt, ${a.ssa}, ${b.intConst(a.type, 0n)} : ${at}`) : undefined;
  const big =
    aMax >= BigInt(bits)
      ? b.op(`arith.cmpi ${aSigned ? "sge" : "uge"}, ${a.ssa}, ${b.intConst(a.type, BigInt(bits))} : ${at}`)
      : undefined;
  let s = resize(b, a.ssa, aw, bits, false);
  if (neg) s = b.op(`arith.select ${neg}, ${zero}, ${s} : ${mt}`);
  if (big)
    s = b.op(`arith.select ${big}, ${b.intConst(t, BigInt(arith === "shrsi" ? bits - 1 : 0))}, ${s} : ${mt}`);
  const r = b.op(`arith.${arith} ${x.ssa}, ${s} : ${mt}`);
  return big && arith !== "shrsi" ? b.op(`arith.select ${big}, ${zero}, ${r} : ${mt}`) : r;
}
