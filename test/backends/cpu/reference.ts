// An independent evaluator of IR expressions on concrete raw values, built only on the reference
// semantics (src/semantics/scalar.ts), plus the boundary conversions of docs/ir-semantics.md. The
// CPU backend tests compare generated code against it.

import type { Expr } from "../../../src/ir/nodes.ts";
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
import { type DType, floatType } from "../../../src/types/dtype.ts";

const F64 = floatType(64);

/** Evaluates e; `load` gives the raw value of a load, `iv` of an induction variable. */
export function evaluate(e: Expr, load: (buffer: string) => Scalar, iv: (name: string) => bigint): Scalar {
  const ev = (x: Expr) => evaluate(x, load, iv);
  switch (e.kind) {
    case "const":
      return e.type.kind === "float" ? roundFloat(Number(e.value), e.type) : BigInt(e.value);
    case "iv":
      return iv(e.name);
    case "load":
      return load(e.buffer);
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
export function rawOf(x: number | bigint, t: DType): Scalar {
  if (t.kind === "float") return roundFloat(Number(x), t);
  if (t.kind === "fixed") return convert(Number(x), F64, t);
  return wrap(BigInt(x), t);
}

/** The boundary element for one raw value. */
export function boundaryValue(v: Scalar, t: DType): number | bigint {
  if (t.kind === "float") return v as number;
  if (t.kind === "fixed") return scaledToFloat(v as bigint, t.frac, F64);
  const bits = t.kind === "index" ? 32 : t.bits;
  return bits <= 32 ? Number(v) : (v as bigint);
}
