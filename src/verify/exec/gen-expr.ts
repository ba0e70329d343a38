// JavaScript for IR expressions in the symbolic executor. Three forms: a node id (`value`), a concrete
// JS number (`num`, for indices and loop bounds) and a JS boolean (`cond`). Index arithmetic over loop
// variables and constants runs natively when its meaning is plain 32-bit integer arithmetic (index and
// int32 + - * / % min max, comparisons of exact values, widening conversions); everything else builds
// nodes through the Dag, where constant folding uses the reference semantics. A number or condition
// that is not a constant after that stops the run as not statically interpretable.

import type { BufferDecl, Expr } from "../../ir/nodes.ts";
import { convert } from "../../semantics/scalar.ts";
import { bitWidth, type ElemType, isBool, isIntegral, sameType } from "../../types/dtype.ts";
import type { Dag } from "../dag/dag.ts";
import { binCode, INTR_FNS, LOGIC_AND, UN_OPS } from "../dag/ops.ts";
import type { TypeTable } from "../dag/types.ts";

export interface SymbolicExprEnv {
  readonly D: Dag;
  /** Whether stream reads may suspend here (inside a spatial unit's generator). */
  readonly inUnit: boolean;
  tid(t: ElemType): number;
  iv(name: string): string;
  param(name: string): string;
  buffer(name: string): BufferDecl;
  bufferVar(name: string): string;
  /** A fresh temporary variable of the current JS function. */
  temp(): string;
  /** Index of the description of the statement being compiled, for messages. */
  readonly site: number;
  /** JS expression for the flat element index of an access, with bounds checks. */
  flatIndex(buffer: string, indices: readonly Expr[]): string;
  /** JS expression for why a put or get on FIFO variable `fifo` waits here (the stream runtime's Wait). */
  wait(op: "put" | "get", fifo: string): string;
  /** The IR function being compiled (a put or get outside any region is stuck in it). */
  readonly funcName: string;
}

const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;

/** Types whose arithmetic is 32-bit two's complement, exactly JS's `| 0` and Math.imul. */
const isInt32 = (t: ElemType): boolean =>
  t.kind === "index" || (t.kind === "int" && t.bits === 32 && t.signed);

/** Every value of integer type `from` is a value of integer type `to`. */
function widens(T: TypeTable, from: ElemType, to: ElemType): boolean {
  return isIntegral(from) && isIntegral(to) && T.intRangeContains(T.id(to), T.id(from));
}

const NATIVE_ARITH: Partial<Record<string, (a: string, b: string) => string>> = {
  "+": (a, b) => `((${a} + ${b}) | 0)`,
  "-": (a, b) => `((${a} - ${b}) | 0)`,
  "*": (a, b) => `Math.imul(${a}, ${b})`,
  "/": (a, b) => `R.idiv(${a}, ${b})`,
  "%": (a, b) => `R.irem(${a}, ${b})`,
  min: (a, b) => `Math.min(${a}, ${b})`,
  max: (a, b) => `Math.max(${a}, ${b})`,
};
const NATIVE_CMP: Partial<Record<string, string>> = {
  "==": "===",
  "!=": "!==",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
};

/** Native code for the exact integer value of e, or undefined when e is not plain index arithmetic. */
export function nativeNum(e: Expr, env: SymbolicExprEnv): string | undefined {
  switch (e.kind) {
    case "const":
      if (!isIntegral(e.type) || typeof e.value !== "bigint") return undefined;
      return e.value >= INT32_MIN && e.value <= INT32_MAX ? String(e.value) : undefined;
    case "iv":
      return env.iv(e.name);
    case "binary": {
      const f = NATIVE_ARITH[e.op];
      if (!f || !isInt32(e.type)) return undefined;
      const a = nativeNum(e.lhs, env);
      const b = a === undefined ? undefined : nativeNum(e.rhs, env);
      return b === undefined ? undefined : f(a as string, b);
    }
    case "cast": {
      if (isBool(e.value.type) && isIntegral(e.type)) {
        const c = nativeCond(e.value, env);
        // True is 1 in a wider or unsigned type but -1 in a signed 1-bit one, as in every backend.
        const one = Number(convert(1n, e.value.type, e.type));
        return c === undefined ? undefined : `(${c} ? ${one} : 0)`;
      }
      // A widening conversion keeps the value; natively computed values stay within int32.
      return widens(env.D.types, e.value.type, e.type) ? nativeNum(e.value, env) : undefined;
    }
    case "bitPos": {
      const v = nativeNum(e.value, env);
      return v === undefined ? undefined : `R.bitPos(${v}, ${e.bits}, ${e.width}, ${env.site})`;
    }
    case "select": {
      const c = nativeCond(e.cond, env);
      const a = c === undefined ? undefined : nativeNum(e.then, env);
      const b = a === undefined ? undefined : nativeNum(e.else, env);
      return b === undefined ? undefined : `(${c} ? ${a} : ${b})`;
    }
    default:
      return undefined;
  }
}

/** Native code for a condition, or undefined. */
export function nativeCond(e: Expr, env: SymbolicExprEnv): string | undefined {
  switch (e.kind) {
    case "const":
      return isBool(e.type) ? String(e.value !== 0n) : undefined;
    case "binary": {
      const op = NATIVE_CMP[e.op];
      if (!op || !isIntegral(e.lhs.type)) return undefined;
      const a = nativeNum(e.lhs, env);
      const b = a === undefined ? undefined : nativeNum(e.rhs, env);
      return b === undefined ? undefined : `(${a} ${op} ${b})`;
    }
    case "logical": {
      const a = nativeCond(e.lhs, env);
      const b = a === undefined ? undefined : nativeCond(e.rhs, env);
      return b === undefined ? undefined : `(${a} ${e.op} ${b})`;
    }
    case "unary": {
      if (e.op !== "not") return undefined;
      const a = nativeCond(e.operand, env);
      return a === undefined ? undefined : `(!${a})`;
    }
    default:
      return undefined;
  }
}

export function numCode(e: Expr, env: SymbolicExprEnv): string {
  return nativeNum(e, env) ?? `R.num(${valueCode(e, env)}, ${env.site})`;
}

export function condCode(e: Expr, env: SymbolicExprEnv): string {
  const c = nativeCond(e, env);
  if (c !== undefined) return c;
  const n = nativeNum(e, env);
  return n !== undefined ? `(${n} !== 0)` : `R.truth(${valueCode(e, env)}, ${env.site})`;
}

/** Code producing the node id of e's value. */
export function valueCode(e: Expr, env: SymbolicExprEnv): string {
  const D = env.D;
  switch (e.kind) {
    case "const":
      return String(D.konst(env.tid(e.type), e.value));
    case "iv":
      return `R.kn(${env.tid(e.type)}, ${env.iv(e.name)})`;
    case "param":
      return env.param(e.name);
    case "load": {
      if (env.buffer(e.buffer).stream) return `R.notStatic("a load from stream '${e.buffer}'", ${env.site})`;
      return `(R.n++, ${env.bufferVar(e.buffer)}.mem[${env.flatIndex(e.buffer, e.indices)}])`;
    }
    case "binary": {
      const n = isIntegral(e.type) ? nativeNum(e, env) : undefined;
      if (n !== undefined) return `R.kn(${env.tid(e.type)}, ${n})`;
      const a = valueCode(e.lhs, env);
      const b = valueCode(e.rhs, env);
      return `D.bin(${binCode(e.op)}, ${env.tid(e.type)}, ${a}, ${b})`;
    }
    case "logical":
      return logicalCode(e.op, e.lhs, e.rhs, env);
    case "unary":
      return `D.un(${UN_OPS.indexOf(e.op)}, ${env.tid(e.type)}, ${valueCode(e.operand, env)})`;
    case "cast": {
      const pushed = pushCast(D.types, e.type, e.value);
      if (pushed !== undefined) return valueCode(pushed, env);
      return `D.cast(${env.tid(e.type)}, ${valueCode(e.value, env)})`;
    }
    case "bitcast":
      return `D.bitcast(${env.tid(e.type)}, ${valueCode(e.value, env)})`;
    case "bitPos":
      return `R.kn(${env.tid(e.type)}, R.bitPos(${numCode(e.value, env)}, ${e.bits}, ${e.width}, ${env.site}))`;
    case "select":
      return selectCode(e.type, e.cond, e.then, e.else, env);
    case "intrinsic": {
      const args = e.args.map((x) => valueCode(x, env));
      return `D.intr(${INTR_FNS.indexOf(e.fn)}, ${env.tid(e.type)}, ${args[0]}, ${args[1] ?? 0})`;
    }
    case "streamGet": {
      const q = env.temp();
      const fifo = `${env.bufferVar(e.stream)}[${env.flatIndex(e.stream, e.indices)}]`;
      const wait = env.wait("get", q);
      const fn = JSON.stringify(env.funcName);
      if (!env.inUnit)
        return `(${q} = ${fifo}, ${q}.n !== 0 && R.spec === 0 ? R.pop(${q}) : R.getNow(${wait}, ${env.site}, ${fn}))`;
      return `(${q} = ${fifo}, ${q}.n !== 0 && R.spec === 0 ? R.pop(${q}) : (yield* R.waitGet(${wait}, ${env.site})))`;
    }
  }
}

const RING_OPS = new Set(["+", "-", "*", "&", "|", "^"]);

/**
 * The Dag's integer conversion rules applied to the expression tree at compile time, so the wide
 * intermediate nodes of a typical `C[i][j] += A[i][k] * B[k][j]` (computed in 17 bits, stored in 16)
 * are never built: conversion of a conversion, and truncation through ring operations and selects.
 * The result is the very node the Dag would build at run time. Undefined when no rule applies.
 */
function pushCast(T: TypeTable, t: ElemType, x: Expr): Expr | undefined {
  if (!isIntegral(t) || !isIntegral(x.type)) return undefined;
  if (sameType(t, x.type)) return x;
  const narrowing = bitWidth(t) <= bitWidth(x.type);
  if (x.kind === "cast" && isIntegral(x.value.type) && (narrowing || widens(T, x.value.type, x.type))) {
    return pushCast(T, t, x.value) ?? { kind: "cast", type: t, value: x.value };
  }
  if (!narrowing) return undefined;
  const to = (y: Expr): Expr => pushCast(T, t, y) ?? { kind: "cast", type: t, value: y };
  if (x.kind === "binary" && RING_OPS.has(x.op)) return { ...x, type: t, lhs: to(x.lhs), rhs: to(x.rhs) };
  if (x.kind === "unary" && x.op !== "not") return { ...x, type: t, operand: to(x.operand) };
  if (x.kind === "select") return { ...x, type: t, then: to(x.then), else: to(x.else) };
  return undefined;
}

/**
 * A select evaluates only its chosen arm when the condition is a constant; on a symbolic condition
 * both arms are evaluated speculatively (nodes have no effects) and joined in a select node. Each arm's
 * code appears once, so nested selects do not blow up the generated code.
 */
function selectCode(t: ElemType, cond: Expr, a: Expr, b: Expr, env: SymbolicExprEnv): string {
  const c = env.temp();
  const m = env.temp();
  const x = env.temp();
  const y = env.temp();
  return (
    `(${c} = ${valueCode(cond, env)}, ${m} = D.isConst(${c}) ? (D.truthy(${c}) ? 1 : 2) : 3, ` +
    `${m} === 3 && R.spec++, ${x} = ${m} & 1 ? ${valueCode(a, env)} : 0, ` +
    `${y} = ${m} & 2 ? ${valueCode(b, env)} : 0, ` +
    `${m} === 3 ? (R.spec--, D.sel(${env.tid(t)}, ${c}, ${x}, ${y})) : ${m} === 1 ? ${x} : ${y})`
  );
}

/** `&&` / `||` short-circuit on a constant left operand; otherwise the right one is speculative. */
function logicalCode(op: "&&" | "||", lhs: Expr, rhs: Expr, env: SymbolicExprEnv): string {
  const l = env.temp();
  const m = env.temp();
  const r = env.temp();
  const and = op === "&&";
  const short = and ? env.D.FALSE : env.D.TRUE;
  return (
    `(${l} = ${valueCode(lhs, env)}, ${m} = D.isConst(${l}) ? (D.truthy(${l}) ? 1 : 0) : 2, ` +
    `${m} === 2 && R.spec++, ${r} = ${m} === ${and ? 0 : 1} ? ${short} : ${valueCode(rhs, env)}, ` +
    `${m} === 2 ? (R.spec--, D.logic(${and ? LOGIC_AND : 1 - LOGIC_AND}, ${l}, ${r})) : ${r})`
  );
}
