// Expressions of the IR as SSA values: loads (affine.load when every index is affine, else memref.load),
// arithmetic through ./arith.ts and ./convert.ts, conditions as i1, short-circuit &&/|| and ?: as
// scf.if unless both sides are side-effect free and provably in bounds (then arith ops / select).
// Stream reads are calls of the module's external @stream_get_* functions (see ./print.ts).

import type { BufferDecl, Expr, IntrinsicExpr, LoadExpr } from "../../ir/nodes.ts";
import { convert } from "../../semantics/scalar.ts";
import { BOOL, type ElemType, type FloatType, floatType, I32, INDEX, isBool } from "../../types/dtype.ts";
import { affineText, fitsIndex, type IvEnv, rangeOf } from "./affine.ts";
import { binaryOp, type Operand } from "./arith.ts";
import type { Body } from "./body.ts";
import { convertValue } from "./convert.ts";
import { fixedName, mlirType, str, sym } from "./types.ts";

/** What expression emission needs from the function being printed. */
export interface Scope {
  readonly b: Body;
  readonly env: IvEnv;
  /** Scalar parameters by name. */
  param(name: string): string;
  buffer(name: string): { readonly ssa: string; readonly decl: BufferDecl };
  /** The memref type of a buffer as this module writes it. */
  mem(decl: BufferDecl): string;
  /** The symbol of the external function that reads (get) or writes (put) a stream of this type. */
  streamFn(kind: "get" | "put", decl: BufferDecl): string;
}

/** `%A[%i, %k + 1]` and whether it can be used by affine.load/store. */
export function access(
  s: Scope,
  buffer: string,
  indices: readonly Expr[],
): { affine: boolean; text: string } {
  const { ssa } = s.buffer(buffer);
  const dim = (iv: string) => s.env.get(iv)!.ssa;
  const affine = indices.map((e) => affineText(e, s.env, dim));
  if (affine.every((a) => a !== undefined)) {
    return { affine: true, text: `${ssa}[${affine.map((a) => a!.text).join(", ")}]` };
  }
  return { affine: false, text: `${ssa}[${indices.map((e) => emitAs(s, e, INDEX)).join(", ")}]` };
}

function loadOf(s: Scope, e: LoadExpr): string {
  const { decl } = s.buffer(e.buffer);
  const a = access(s, e.buffer, e.indices);
  const fixed = fixedName(decl.type);
  const attrs = `{${fixed ? `dtype = ${str(fixed)}, ` : ""}from = ${str(e.buffer)}}`;
  return s.b.op(`${a.affine ? "affine" : "memref"}.load ${a.text} ${attrs} : ${s.mem(decl)}`);
}

/**
 * True when evaluating `e` eagerly cannot fault or act: no stream reads, and every load provably in
 * bounds (division is already total here, see ./arith.ts).
 */
export function isSafe(e: Expr, env: IvEnv, decl: (buffer: string) => BufferDecl): boolean {
  switch (e.kind) {
    case "const":
    case "iv":
    case "param":
      return true;
    case "streamGet":
      return false;
    case "load": {
      const shape = decl(e.buffer).shape;
      return e.indices.every((x, k) => {
        const r = rangeOf(x, env);
        return r !== undefined && r[0] >= 0n && r[1] < BigInt(shape[k]) && isSafe(x, env, decl);
      });
    }
    case "binary":
    case "logical":
      return isSafe(e.lhs, env, decl) && isSafe(e.rhs, env, decl);
    case "unary":
      return isSafe(e.operand, env, decl);
    case "cast":
    case "bitcast":
    case "bitPos":
      return isSafe(e.value, env, decl);
    case "select":
      return isSafe(e.cond, env, decl) && isSafe(e.then, env, decl) && isSafe(e.else, env, decl);
    case "intrinsic":
      return e.args.every((x) => isSafe(x, env, decl));
  }
}

const safe = (s: Scope, e: Expr) => isSafe(e, s.env, (n) => s.buffer(n).decl);

const COMPARE = new Set(["==", "!=", "<", "<=", ">", ">="]);

/** The value as an i1 condition: bools as they are, anything else compared with zero. */
export const emitCond = (s: Scope, e: Expr): string => truth(s, e.type, emitExpr(s, e));

/** `scf.if` yielding one value of type t, each branch emitted by its callback. */
function ifValue(s: Scope, cond: string, t: ElemType, then: () => string, els: () => string): string {
  const r = s.b.fresh();
  const mt = mlirType(t);
  s.b.open(`${r} = scf.if ${cond} -> (${mt})`);
  s.b.line(`scf.yield ${then()} : ${mt}`);
  s.b.reopen("else");
  s.b.line(`scf.yield ${els()} : ${mt}`);
  s.b.close();
  return r;
}

/** The integer value of a constant, looking through conversions of constants. */
function constValue(e: Expr): bigint | undefined {
  if (e.kind === "cast" && e.value.kind === "const") {
    const v = convert(e.value.value, e.value.type, e.type);
    return typeof v === "bigint" ? v : undefined;
  }
  return e.kind === "const" && typeof e.value === "bigint" ? e.value : undefined;
}

/** Index operations that can leave the 32-bit range. */
const WRAPS = new Set(["+", "-", "*", "/"]);

/** An index operand as an i32 value. */
function to32(s: Scope, e: Expr): Operand {
  const k = constValue(e);
  if (k !== undefined) return { ssa: s.b.intConst(I32, k), type: I32, konst: BigInt.asIntN(32, k) };
  return { ssa: convertValue(s.b, emitExpr(s, e), e.type, I32), type: I32 };
}

const operand = (s: Scope, e: Expr): Operand => {
  const ssa = emitExpr(s, e);
  const konst = constValue(e);
  return konst === undefined ? { ssa, type: e.type } : { ssa, type: e.type, konst };
};

/** Emits `e` converted to type t (a constant is converted at compile time). */
export function emitAs(s: Scope, e: Expr, t: ElemType): string {
  if (e.kind === "const") return emitExpr(s, { ...e, type: t, value: convert(e.value, e.type, t) });
  return convertValue(s.b, emitExpr(s, e), e.type, t);
}

/** Emits `e` and returns the SSA value holding it (of type mlirType(e.type)). */
export function emitExpr(s: Scope, e: Expr): string {
  const { b } = s;
  switch (e.kind) {
    case "const":
      return typeof e.value === "number"
        ? b.floatConst(e.type as FloatType, e.value)
        : b.intConst(e.type, e.value);
    case "iv":
      return s.env.get(e.name)!.ssa;
    case "param":
      return s.param(e.name);
    case "load":
      return loadOf(s, e);
    case "streamGet": {
      const { decl, ssa } = s.buffer(e.stream);
      const idx = e.indices.map((x) => emitExpr(s, x));
      const sig = `(${[s.mem(decl), ...idx.map(() => "index")].join(", ")}) -> ${mlirType(decl.type)}`;
      return b.op(`func.call ${sym(s.streamFn("get", decl))}(${[ssa, ...idx].join(", ")}) : ${sig}`);
    }
    case "binary": {
      if (e.type.kind === "index" && WRAPS.has(e.op) && !fitsIndex(e, s.env)) {
        // Might leave 32 bits: compute in i32 (wrapping like the IR's index) and widen back.
        const r = binaryOp(b, e.op, to32(s, e.lhs), to32(s, e.rhs), I32);
        return b.op(`arith.index_cast ${r} : i32 to index`);
      }
      // Comparisons compute in their operands' common type; everything else in the result type.
      const opType = COMPARE.has(e.op) ? e.lhs.type : e.type;
      return tagged(s, e.type, binaryOp(b, e.op, operand(s, e.lhs), operand(s, e.rhs), opType));
    }
    case "logical": {
      const lhs = emitCond(s, e.lhs);
      if (safe(s, e.rhs))
        return b.op(`arith.${e.op === "&&" ? "andi" : "ori"} ${lhs}, ${emitCond(s, e.rhs)} : i1`);
      const short = () => b.intConst(BOOL, e.op === "&&" ? 0n : 1n);
      const rhs = () => emitCond(s, e.rhs);
      return e.op === "&&" ? ifValue(s, lhs, BOOL, rhs, short) : ifValue(s, lhs, BOOL, short, rhs);
    }
    case "unary": {
      const v = emitExpr(s, e.operand);
      const mt = mlirType(e.type);
      if (e.op === "not")
        return b.op(`arith.xori ${truth(s, e.operand.type, v)}, ${b.intConst(BOOL, 1n)} : i1`);
      if (e.type.kind === "float") return b.op(`arith.negf ${v} : ${mt}`);
      if (e.op === "neg" && e.type.kind === "index") {
        // -INT_MIN must wrap to INT_MIN as in 32 bits.
        const r = b.op(`arith.subi ${b.intConst(I32, 0n)}, ${convertValue(b, v, INDEX, I32)} : i32`);
        return b.op(`arith.index_cast ${r} : i32 to index`);
      }
      if (e.op === "neg")
        return tagged(s, e.type, b.op(`arith.subi ${b.intConst(e.type, 0n)}, ${v} : ${mt}`));
      return tagged(s, e.type, b.op(`arith.xori ${v}, ${b.intConst(e.type, -1n)} : ${mt}`));
    }
    case "cast": {
      const v = e.value;
      // A converted constant is the constant of the new type (folded by the reference semantics).
      if (v.kind === "const")
        return emitExpr(s, { ...v, type: e.type, value: convert(v.value, v.type, e.type) });
      return tagged(s, e.type, convertValue(b, emitExpr(s, v), v.type, e.type));
    }
    case "bitPos":
      // MLIR has no run-time check: the position is the value (the llvm route takes only kernels whose
      // positions are proven, src/backends/native/llvm.ts; the others run the checked C++).
      return emitExpr(s, e.value);
    case "bitcast": {
      // Integers and fixed point are both iN here: only a float side needs an op (the value's own
      // op keeps its tag, so a fixed-point result read from an integer is not tagged).
      const v = emitExpr(s, e.value);
      if (e.type.kind !== "float" && e.value.type.kind !== "float") return v;
      return tagged(s, e.type, b.op(`arith.bitcast ${v} : ${mlirType(e.value.type)} to ${mlirType(e.type)}`));
    }
    case "select": {
      const c = emitCond(s, e.cond);
      if (safe(s, e.then) && safe(s, e.else)) {
        const x = emitExpr(s, e.then);
        const y = emitExpr(s, e.else);
        return tagged(s, e.type, b.op(`arith.select ${c}, ${x}, ${y} : ${mlirType(e.type)}`));
      }
      return ifValue(
        s,
        c,
        e.type,
        () => emitExpr(s, e.then),
        () => emitExpr(s, e.else),
      );
    }
    case "intrinsic":
      return intrinsicOf(s, e);
  }
}

/** The truth value of an already emitted value of type t ("!= 0"; NaN is true, as in JavaScript). */
function truth(s: Scope, t: ElemType, v: string): string {
  if (isBool(t)) return v;
  if (t.kind === "float") return s.b.op(`arith.cmpf une, ${v}, ${s.b.floatConst(t, 0)} : ${mlirType(t)}`);
  return s.b.op(`arith.cmpi ne, ${v}, ${s.b.intConst(t, 0n)} : ${mlirType(t)}`);
}

/** Records the fixed-point type of a raw integer result on the op that made it. */
function tagged(s: Scope, t: ElemType, v: string): string {
  const name = fixedName(t);
  if (name) s.b.tag(v, `dtype = ${str(name)}`);
  return v;
}

const MATH: Record<IntrinsicExpr["fn"], string> = {
  exp: "exp",
  log: "log",
  log2: "log2",
  log10: "log10",
  sqrt: "sqrt",
  sin: "sin",
  cos: "cos",
  tan: "tan",
  tanh: "tanh",
  abs: "absf",
  floor: "floor",
  ceil: "ceil",
  pow: "powf",
};
/** Correctly rounded in any format, so computing them in double first changes nothing. */
const EXACT = new Set(["sqrt", "abs", "floor", "ceil"]);

/** Math functions evaluated in double precision and rounded to the result type, as the reference does. */
function intrinsicOf(s: Scope, e: IntrinsicExpr): string {
  const t = e.type as FloatType;
  const wide = t.bits < 64 && !EXACT.has(e.fn) ? floatType(64) : t;
  const args = e.args.map((x) => emitAs(s, x, wide));
  const r = s.b.op(`math.${MATH[e.fn]} ${args.join(", ")} : ${mlirType(wide)}`);
  return convertValue(s.b, r, wide, t);
}
