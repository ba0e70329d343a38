// JavaScript for IR expressions. Numbers carry floats and integers up to 53 bits exactly; each
// integer result is wrapped to its type with the cheapest exact idiom (`| 0`, shifts, masks), and
// wider integers use BigInt. Anything unusual goes through the reference semantics (runtime `slow`).

import { internalError } from "../../diagnostics/error.ts";
import type { Expr } from "../../ir/nodes.ts";
import { assertNever, type DType } from "../../types/dtype.ts";
import { bigStorage, isUnsigned, type Repr, rawBits, reprOf } from "./repr.ts";

export interface ExprEnv {
  /** JS name of a loop variable, a scalar parameter, a buffer. */
  iv(name: string): string;
  param(name: string): string;
  buffer(name: string): string;
  /** Flat index code for an access (with a bounds check when it cannot be proven in range). */
  flatIndex(buffer: string, indices: readonly Expr[]): string;
  /** A constant pool slot for a type or other value used by slow paths. */
  constant(v: unknown): string;
  /** Whether stream operations may suspend here (inside a spatial unit). */
  readonly inUnit: boolean;
  fifo(stream: string, indices: readonly Expr[]): string;
}

export function convertRepr(code: string, from: Repr, to: Repr): string {
  if (from === to) return code;
  if (from === "n" && to === "b") return `BigInt(${code})`;
  if (from === "b" && to === "n") return `Number(${code})`;
  throw internalError(`no representation change ${from} -> ${to}`);
}

function roundFn(t: DType): string {
  if (t.kind !== "float") throw internalError("roundFn on a non-float type");
  return t.bits === 32 ? "Math.fround" : t.bits === 16 ? "rt.slow.roundHalf" : "";
}

/** Wraps an exact integer (in t's representation) to t's width. */
export function wrap(code: string, t: DType): string {
  const w = rawBits(t);
  const u = isUnsigned(t);
  if (reprOf(t) === "b") return `BigInt.${u ? "asUintN" : "asIntN"}(${w}, ${code})`;
  if (w === 32) return u ? `((${code}) >>> 0)` : `((${code}) | 0)`;
  if (w < 32) return u ? `((${code}) & ${2 ** w - 1})` : `(((${code}) << ${32 - w}) >> ${32 - w})`;
  return `rt.wrapNum(${code}, ${w}, ${!u})`;
}

export function literal(e: Extract<Expr, { kind: "const" }>): string {
  const r = reprOf(e.type);
  if (r === "b") return `${e.value}n`;
  const v = Number(e.value);
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  return Object.is(v, -0) ? "-0" : String(v);
}

export function genExpr(e: Expr, env: ExprEnv): string {
  switch (e.kind) {
    case "const":
      return literal(e);
    case "iv":
      return env.iv(e.name);
    case "param":
      return env.param(e.name);
    case "load": {
      if (e.indices.length === 0) return env.buffer(e.buffer);
      const el = `${env.buffer(e.buffer)}[${env.flatIndex(e.buffer, e.indices)}]`;
      return bigStorage(e.type) && reprOf(e.type) === "n" ? `Number(${el})` : el;
    }
    case "binary":
      return genBinary(e, env);
    case "logical": {
      const a = genExpr(e.lhs, env);
      const b = genExpr(e.rhs, env);
      return e.op === "&&" ? `(${a} !== 0 && ${b} !== 0 ? 1 : 0)` : `(${a} !== 0 || ${b} !== 0 ? 1 : 0)`;
    }
    case "unary": {
      const a = genExpr(e.operand, env);
      if (e.op === "not") return `(${a} === 0 ? 1 : 0)`;
      if (e.type.kind === "float") return e.op === "neg" ? `(-${a})` : fail(e);
      if (e.op === "neg") return wrap(`(-${a})`, e.type);
      if (reprOf(e.type) === "n" && rawBits(e.type) <= 32) return wrap(`(~${a})`, e.type);
      return reprOf(e.type) === "b" ? wrap(`(~${a})`, e.type) : wrap(`(-${a} - 1)`, e.type);
    }
    case "cast":
      return genCast(genExpr(e.value, env), e.value.type, e.type, env);
    case "select":
      return `(${genExpr(e.cond, env)} !== 0 ? ${genExpr(e.then, env)} : ${genExpr(e.else, env)})`;
    case "intrinsic": {
      const args = e.args.map((a) => genExpr(a, env)).join(", ");
      const r = roundFn(e.type);
      return r ? `${r}(Math.${e.fn}(${args}))` : `Math.${e.fn}(${args})`;
    }
    case "streamGet": {
      const f = env.fifo(e.stream, e.indices);
      const v = env.inUnit ? `(yield* rt.sched.get(${f}))` : `rt.sched.getNow(${f})`;
      return v;
    }
    default:
      return assertNever(e, "expression");
  }
}

function fail(e: Expr): never {
  throw internalError(`the CPU backend cannot emit ${JSON.stringify(e.kind)} on ${JSON.stringify(e.type)}`);
}

function genCast(code: string, from: DType, to: DType, env: ExprEnv): string {
  const rf = reprOf(from);
  const rt = reprOf(to);
  const intLike = (t: DType) => t.kind === "int" || t.kind === "index";
  if (from.kind === "float" && to.kind === "float") {
    const r = roundFn(to);
    return r && !(from.bits < to.bits) ? `${r}(${code})` : code;
  }
  if (intLike(from) && intLike(to)) {
    if (rf === "b" && rt === "n")
      return `Number(BigInt.${isUnsigned(to) ? "asUintN" : "asIntN"}(${rawBits(to)}, ${code}))`;
    return wrap(convertRepr(code, rf, rt), to);
  }
  if (intLike(from) && to.kind === "float" && rf === "n") {
    const r = roundFn(to);
    return r ? `${r}(${code})` : code;
  }
  // Fixed point, float <-> int and wide conversions: the reference semantics.
  const arg = rf === "n" && from.kind !== "float" ? `BigInt(${code})` : code;
  const out = `rt.slow.convert(${arg}, ${env.constant(from)}, ${env.constant(to)})`;
  return rt === "n" ? `Number(${out})` : out;
}

function genBinary(e: Extract<Expr, { kind: "binary" }>, env: ExprEnv): string {
  const a = genExpr(e.lhs, env);
  const b = genExpr(e.rhs, env);
  const opType = e.op === "<<" || e.op === ">>" ? e.type : e.lhs.type;
  const r = reprOf(opType);
  switch (e.op) {
    case "==":
      return `(${a} === ${b} ? 1 : 0)`;
    case "!=":
      return `(${a} !== ${b} ? 1 : 0)`;
    case "<":
    case "<=":
    case ">":
    case ">=":
      return `(${a} ${e.op} ${b} ? 1 : 0)`;
    default:
      break;
  }
  if (r === "f") {
    const round = roundFn(opType);
    const wrapF = (x: string) => (round ? `${round}(${x})` : x);
    switch (e.op) {
      case "+":
      case "-":
      case "*":
      case "/":
      case "%":
        return wrapF(`(${a} ${e.op} ${b})`);
      case "min":
      case "max":
        return `rt.slow.binary("${e.op}", ${a}, ${b}, ${env.constant(opType)})`;
      default:
        return fail(e);
    }
  }
  const w = rawBits(opType);
  const frac = opType.kind === "fixed" ? opType.frac : 0;
  if (r === "n") {
    switch (e.op) {
      case "+":
      case "-":
        return wrap(`(${a} ${e.op} ${b})`, opType);
      case "*":
        if (frac === 0 && w <= 32) return wrap(`Math.imul(${a}, ${b})`, opType);
        if (2 * w <= 53)
          return wrap(frac ? `Math.floor((${a} * ${b}) / ${2 ** frac})` : `(${a} * ${b})`, opType);
        return slowBinary(e.op, a, b, opType, env);
      case "/":
        return wrap(`rt.div(${a}, ${b})`, opType);
      case "%":
        return `rt.rem(${a}, ${b})`;
      case "min":
        return `Math.min(${a}, ${b})`;
      case "max":
        return `Math.max(${a}, ${b})`;
      case "&":
      case "|":
      case "^":
        if (w <= 32) return wrap(`(${a} ${e.op} ${b})`, opType);
        return slowBinary(e.op, a, b, opType, env);
      case "<<":
      case ">>": {
        const amount = reprOf(e.rhs.type) === "b" ? `Number(${b} > 64n ? 64n : ${b})` : b;
        if (w > 32) return slowBinary(e.op, a, `BigInt(${amount})`, opType, env, true);
        if (e.op === "<<") return `rt.shl(${a}, ${amount}, ${w}, ${!isUnsigned(opType)})`;
        return isUnsigned(opType) ? `rt.shru(${a}, ${amount}, ${w})` : `rt.shrs(${a}, ${amount})`;
      }
      default:
        return fail(e);
    }
  }
  // BigInt representation.
  const bb = reprOf(e.rhs.type) === "n" && (e.op === "<<" || e.op === ">>") ? `BigInt(${b})` : b;
  switch (e.op) {
    case "+":
    case "-":
    case "&":
    case "|":
    case "^":
      return wrap(`(${a} ${e.op} ${b})`, opType);
    case "*":
      return wrap(frac ? `((${a} * ${b}) >> ${frac}n)` : `(${a} * ${b})`, opType);
    case "/":
      return `(${b} === 0n ? 0n : ${wrap(`(${a} / ${b})`, opType)})`;
    case "%":
      return `(${b} === 0n ? 0n : (${a} % ${b}))`;
    case "min":
      return `(${a} < ${b} ? ${a} : ${b})`;
    case "max":
      return `(${a} > ${b} ? ${a} : ${b})`;
    case "<<":
    case ">>":
      return `rt.slow.binary("${e.op}", ${a}, ${bb}, ${env.constant(opType)})`;
    default:
      return fail(e);
  }
}

function slowBinary(op: string, a: string, b: string, t: DType, env: ExprEnv, bIsBig = false): string {
  return `Number(rt.slow.binary("${op}", BigInt(${a}), ${bIsBig ? b : `BigInt(${b})`}, ${env.constant(t)}))`;
}
