// JavaScript for IR expressions. Floats compute in doubles and round to their format after every
// operation (Math.fround for float32, which is exact for + - * / sqrt since a double holds the exact
// result closely enough); integers go through int-ops.ts, conversions through convert.ts. Operands are
// evaluated left to right, and `&&`, `||`, `?:` evaluate only the taken side.

import { assertNever, internalError } from "../../diagnostics/error.ts";
import { type Range, typeRange, union } from "../../ir/analysis/range.ts";
import { lastBitPos, provenInside } from "../../ir/bit-position.ts";
import type { Expr, IntrinsicExpr, LoadExpr, StreamGetExpr } from "../../ir/nodes.ts";
import { roundFloat } from "../../semantics/scalar.ts";
import {
  BOOL,
  bitWidth,
  type ElemType,
  type FloatType,
  intType,
  isSigned,
  sameType,
  uintType,
} from "../../types/dtype.ts";
import type { BinaryOp } from "../../types/typing-rules.ts";
import { convertVal, roundTo } from "./convert.ts";
import type { Temps } from "./exact-doubles.ts";
import { compare, intBinary, intBitNot, intConst, intNegate, type Val } from "./int-ops.ts";
import { floatLiteral, reprOf } from "./values.ts";

/** What expression code needs from the function being generated. */
export interface ExprEnv extends Temps {
  /** A constant pool reference (`K[3]`) for run-time data such as types and spans. */
  konst(x: unknown): string;
  iv(name: string): { readonly code: string; readonly range?: Range };
  param(name: string): string;
  load(e: LoadExpr): string;
  streamGet(e: StreamGetExpr): string;
  /** A float operation's value, or a const that holds it (gen-loops.ts interleaves jammed statements). */
  step(v: Val): Val;
}

const COMPARISONS = new Set<BinaryOp>(["==", "!=", "<", "<=", ">", ">="]);

/** The expression as a JS boolean (a condition means "value != 0"). */
export function condOf(e: Expr, env: ExprEnv): string {
  const v = compileExpr(e, env);
  if (v.cond) return v.cond;
  return `${v.code} !== ${v.repr === "b" ? "0n" : "0"}`;
}

const boolVal = (cond: string): Val => ({ code: `(${cond} ? 1 : 0)`, repr: "n", range: [0n, 1n], cond });

function floatBinary(op: BinaryOp, a: Val, b: Val, t: FloatType): Val {
  switch (op) {
    case "min":
    case "max":
      return { code: `rt.f${op}(${a.code}, ${b.code})`, repr: "f" };
    case "+":
    case "-":
    case "*":
    case "/":
    case "%":
      return { code: roundTo(`(${a.code} ${op} ${b.code})`, t), repr: "f" };
    default:
      throw internalError(`'${op}' on floats reached the CPU backend`);
  }
}

/** Compiles an operand and converts it to `t` if the IR left it in another type. */
function operand(e: Expr, t: ElemType, env: ExprEnv): Val {
  const v = compileExpr(e, env);
  return sameType(e.type, t) ? v : convertVal(v, e.type, t, env.konst);
}

function binary(e: Extract<Expr, { kind: "binary" }>, env: ExprEnv): Val {
  if (COMPARISONS.has(e.op)) {
    const a = compileExpr(e.lhs, env);
    return compare(e.op, a, operand(e.rhs, e.lhs.type, env));
  }
  const shift = e.op === "<<" || e.op === ">>";
  const a = operand(e.lhs, e.type, env);
  const b = shift ? compileExpr(e.rhs, env) : operand(e.rhs, e.type, env);
  if (e.type.kind === "float") return floatBinary(e.op, a, b, e.type);
  return intBinary(e.op, a, b, e.type, shift ? e.rhs.type : e.type, env);
}

const EXACT_INTRINSICS = new Set(["abs", "floor", "ceil"]);

function intrinsic(e: IntrinsicExpr, env: ExprEnv): Val {
  const t = e.type;
  if (t.kind !== "float") {
    throw internalError(`Math.${e.fn} typed ${t.kind} in the IR`);
  }
  const args = e.args.map((a) => operand(a, t, env).code);
  const call = `Math.${e.fn}(${args.join(", ")})`;
  return { code: EXACT_INTRINSICS.has(e.fn) ? call : roundTo(call, t), repr: "f" };
}

/** An integer type with t's raw width and signedness (a fixed-point type's raw value). */
const rawInt = (t: ElemType): ElemType => (isSigned(t) ? intType(bitWidth(t)) : uintType(bitWidth(t)));

/** bitcast: raw integer values convert as same-width integers; floats go through their encoding. */
function bitcast(v: Val, from: ElemType, to: ElemType, env: ExprEnv): Val {
  const W = bitWidth(to);
  let raw = v;
  let rawType = rawInt(from);
  if (from.kind === "float") {
    raw =
      W === 32 ? { code: `rt.f32Bits(${v.code})`, repr: "n" } : { code: `rt.f64Bits(${v.code})`, repr: "b" };
    rawType = uintType(W);
  }
  if (to.kind !== "float") return convertVal(raw, rawType, rawInt(to), env.konst);
  const u = convertVal(raw, rawType, uintType(W), env.konst);
  return { code: W === 32 ? `rt.bitsF32(${u.code})` : `rt.bitsF64(${u.code})`, repr: "f" };
}

function constant(e: Extract<Expr, { kind: "const" }>): Val {
  const t = e.type;
  if (t.kind === "float") return { code: floatLiteral(roundFloat(Number(e.value), t)), repr: "f" };
  return intConst(BigInt(e.value), reprOf(t));
}

export function compileExpr(e: Expr, env: ExprEnv): Val {
  switch (e.kind) {
    case "const":
      return constant(e);
    case "iv": {
      const iv = env.iv(e.name);
      return { code: iv.code, repr: "n", range: iv.range ?? typeRange(e.type) };
    }
    case "param":
      return withTypeRange(env.param(e.name), e.type);
    case "load":
      return withTypeRange(env.load(e), e.type);
    case "streamGet":
      return withTypeRange(env.streamGet(e), e.type);
    case "binary": {
      const v = binary(e, env);
      return e.type.kind === "float" ? env.step(v) : v;
    }
    case "logical":
      return boolVal(`(${condOf(e.lhs, env)} ${e.op} ${condOf(e.rhs, env)})`);
    case "unary": {
      if (e.op === "not") return boolVal(`!(${condOf(e.operand, env)})`);
      const a = operand(e.operand, e.type, env);
      if (e.type.kind === "float") return { code: `(-${a.code})`, repr: "f" };
      return e.op === "neg" ? intNegate(a, e.type, env) : intBitNot(a, e.type, env);
    }
    case "cast":
      return convertVal(compileExpr(e.value, env), e.value.type, e.type, env.konst);
    case "bitcast":
      return bitcast(compileExpr(e.value, env), e.value.type, e.type, env);
    case "bitPos": {
      const v = compileExpr(e.value, env);
      if (provenInside(e, v.range)) return v;
      return { code: `rt.bitPos(${v.code}, ${env.konst(e)})`, repr: "n", range: [0n, BigInt(lastBitPos(e))] };
    }
    case "select": {
      const c = condOf(e.cond, env);
      const a = operand(e.then, e.type, env);
      const b = operand(e.else, e.type, env);
      const range = a.range && b.range ? union(a.range, b.range) : undefined;
      const code = `(${c} ? ${a.code} : ${b.code})`;
      return range ? { code, repr: a.repr, range } : { code, repr: a.repr };
    }
    case "intrinsic":
      return intrinsic(e, env);
    default:
      return assertNever(e, "expression");
  }
}

function withTypeRange(code: string, t: ElemType): Val {
  if (t.kind === "float") return { code, repr: "f" };
  const v: Val = { code, repr: reprOf(t), range: typeRange(t) };
  return sameType(t, BOOL) ? { ...v, cond: `${code} !== 0` } : v;
}
