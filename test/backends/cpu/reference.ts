// An independent evaluator of IR expressions and interpreter of IR statements on concrete raw values,
// built only on the reference semantics (src/semantics/scalar.ts), plus the boundary conversions of
// docs/ir-semantics.md. The CPU backend tests compare generated code against it.

import type { Expr, LoadExpr, Module, Stmt } from "../../../src/ir/nodes.ts";
import {
  binary,
  bitNot,
  convert,
  intrinsic,
  negate,
  roundFloat,
  type Scalar,
  scaledToFloat,
  truthy,
  wrap,
} from "../../../src/semantics/scalar.ts";
import { type ElemType, floatType } from "../../../src/types/dtype.ts";

const F64 = floatType(64);

/** Where an expression's leaves get their values. */
export interface EvalEnv {
  iv(name: string): bigint;
  load(l: LoadExpr): Scalar;
  param?(name: string): Scalar;
}

export function evaluate(e: Expr, env: EvalEnv): Scalar {
  const ev = (x: Expr) => evaluate(x, env);
  switch (e.kind) {
    case "const":
      return e.type.kind === "float" ? roundFloat(Number(e.value), e.type) : BigInt(e.value);
    case "iv":
      return env.iv(e.name);
    case "param":
      if (!env.param) throw new Error("reference evaluator: no parameters here");
      return env.param(e.name);
    case "load":
      return env.load(e);
    case "binary": {
      const opType = ["==", "!=", "<", "<=", ">", ">="].includes(e.op) ? e.lhs.type : e.type;
      return binary(e.op, ev(e.lhs), ev(e.rhs), opType);
    }
    case "logical": {
      const l = truthy(ev(e.lhs));
      if (e.op === "&&") return l && truthy(ev(e.rhs)) ? 1n : 0n;
      return l || truthy(ev(e.rhs)) ? 1n : 0n;
    }
    case "unary":
      if (e.op === "not") return truthy(ev(e.operand)) ? 0n : 1n;
      return e.op === "neg" ? negate(ev(e.operand), e.type) : bitNot(ev(e.operand) as bigint, e.type);
    case "cast":
      return convert(ev(e.value), e.value.type, e.type);
    case "select":
      return truthy(ev(e.cond)) ? ev(e.then) : ev(e.else);
    case "intrinsic":
      if (e.type.kind !== "float") throw new Error("intrinsic on a non-float type");
      return intrinsic(
        e.fn,
        e.args.map((a) => ev(a) as number),
        e.type,
      );
    default:
      throw new Error(`reference evaluator: ${e.kind} is not supported`);
  }
}

/** The raw value the kernel sees for one boundary element (quantized like a conversion). */
export function rawOf(x: number | bigint, t: ElemType): Scalar {
  if (t.kind === "float") return roundFloat(Number(x), t);
  if (t.kind === "fixed") return convert(Number(x), F64, t);
  return wrap(BigInt(x), t);
}

/** The boundary element for one raw value. */
export function boundaryValue(v: Scalar, t: ElemType): number | bigint {
  if (t.kind === "float") return v as number;
  if (t.kind === "fixed") return scaledToFloat(v as bigint, t.frac, F64);
  const bits = t.kind === "index" ? 32 : t.bits;
  return bits <= 32 ? Number(v) : (v as bigint);
}

/** Raised by the interpreter where the CPU backend must raise AL5010. */
export class OutOfBounds extends Error {}

/**
 * Runs a module's top function on raw values (buffers as flat arrays of raw values, scalars as raw
 * values) with the statement semantics of docs/ir-semantics.md; buffers are updated in place and the
 * result buffers returned. Streams and spatial regions are not interpreted.
 */
export function interpret(m: Module, args: Scalar[][]): Scalar[][] {
  const call = (name: string, bufs: Map<string, Scalar[]>, scalars: Map<string, Scalar>): Scalar[][] => {
    const f = m.functions.find((g) => g.name === name)!;
    const ivs = new Map<string, bigint>();
    const at = (buffer: string, indices: readonly Expr[]): [Scalar[], number] => {
      const d = f.buffers[buffer];
      let off = 0;
      indices.forEach((ix, k) => {
        const v = Number(ev(ix));
        if (v < 0 || v >= d.shape[k]) throw new OutOfBounds(`${buffer}[${v}]`);
        off = off * d.shape[k] + v;
      });
      return [bufs.get(buffer)!, off];
    };
    const env: EvalEnv = {
      iv: (n) => ivs.get(n)!,
      param: (n) => scalars.get(n)!,
      load: (l) => {
        const [b, off] = at(l.buffer, l.indices);
        return b[off];
      },
    };
    const ev = (e: Expr): Scalar => evaluate(e, env);
    const zero = (t: ElemType): Scalar => (t.kind === "float" ? 0 : 0n);
    const exec = (b: readonly Stmt[]): void => {
      for (const s of b) {
        switch (s.kind) {
          case "for": {
            const lb = ev(s.lb) as bigint;
            const ub = ev(s.ub) as bigint;
            for (let v = lb; v < ub; v += BigInt(s.step)) {
              ivs.set(s.iv, v);
              exec(s.body);
            }
            break;
          }
          case "if":
            exec(truthy(ev(s.cond)) ? s.then : s.else);
            break;
          case "while":
            while (truthy(ev(s.cond))) exec(s.body);
            break;
          case "store": {
            const v = ev(s.value);
            const [buf, off] = at(s.buffer, s.indices);
            buf[off] = v;
            break;
          }
          case "alloc": {
            const d = f.buffers[s.buffer];
            const fill = s.init ? ev(s.init) : zero(d.type);
            bufs.set(s.buffer, new Array(d.shape.reduce((x, y) => x * y, 1)).fill(fill));
            break;
          }
          case "call": {
            const g = m.functions.find((h) => h.name === s.callee)!;
            const cb = new Map<string, Scalar[]>();
            const cs = new Map<string, Scalar>();
            g.params.forEach((p, k) => {
              const a = s.args[k];
              if (p.kind === "buffer" && a.kind === "buffer") cb.set(p.name, bufs.get(a.name)!);
              else if (p.kind === "scalar" && a.kind === "value") cs.set(p.name, ev(a.value));
            });
            const rs = call(s.callee, cb, cs);
            s.results.forEach((r, k) => void bufs.set(r, rs[k]));
            break;
          }
          default:
            throw new Error(`interpreter: ${s.kind} is not supported`);
        }
      }
    };
    exec(f.body);
    return f.results.map((r) => bufs.get(r)!);
  };
  const top = m.functions.find((f) => f.name === m.top)!;
  const bufs = new Map<string, Scalar[]>();
  const scalars = new Map<string, Scalar>();
  top.params.forEach((p, k) => {
    if (p.kind === "buffer") bufs.set(p.name, args[k]);
    else scalars.set(p.name, args[k][0]);
  });
  return call(top.name, bufs, scalars);
}
