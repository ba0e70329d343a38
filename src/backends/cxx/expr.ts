// Expressions as C++ text whose C++ type is exactly the IR type's. Loads, casts, comparisons and index
// arithmetic are written inline; every other operation gets a typed temporary (`ap_int<33> v3 = ...;`),
// so its result wraps to its type as in docs/ir-semantics.md. The untaken side of &&, || and ?: is never
// evaluated: when it needs statements of its own they go inside an `if`.

import { AlloError } from "../../diagnostics/error.ts";
import { exactRange, fitsExactly, rangeOf } from "../../ir/analysis/range.ts";
import { provenInside } from "../../ir/bit-position.ts";
import type {
  BinaryExpr,
  BitPosExpr,
  BufferDecl,
  Expr,
  IntrinsicExpr,
  LogicalExpr,
  SelectExpr,
  UnaryExpr,
} from "../../ir/nodes.ts";
import { type ElemType, type FixedType, type IntType, typeName } from "../../types/dtype.ts";
import { sliceText } from "./bit-slice.ts";
import { bitcastText } from "./bitcast.ts";
import { atom, bare, castText } from "./convert.ts";
import type { Helper } from "./prelude.ts";
import type { Scope } from "./scope.ts";
import { category, constant, cType, typeRange, widthOf } from "./types.ts";
import type { Writer } from "./writer.ts";

const CMP = new Set(["==", "!=", "<", "<=", ">", ">="]);

const unsupported = (what: string, t: ElemType): AlloError =>
  new AlloError("AL5007", `the HLS backend does not support ${what} on ${typeName(t)}`);

/** Signed 32- and 64-bit C++ arithmetic is undefined on overflow; narrower types are promoted to int. */
const overflows = (t: ElemType): boolean =>
  category(t) === "native" && t.kind !== "float" && widthOf(t) >= 32 && (t.kind === "index" || t.signed);

/**
 * The operands of an ap_int `+ - *` without their widening casts when ap_int's own result type (the
 * header's rtype) is at least as wide as e's: the header extends each operand into that type, so the
 * low bits, all that e keeps, are the same, and two 48-bit values multiply at 96 bits, not at 192.
 */
function apOperands(e: BinaryExpr): [Expr, Expr] | undefined {
  const t = e.type;
  if ((e.op !== "+" && e.op !== "-" && e.op !== "*") || t.kind !== "int" || category(t) !== "ap") {
    return undefined;
  }
  const bits = t.bits;
  const uncast = (x: Expr): Expr => (x.kind === "cast" && isApInt(x.value.type, bits) ? x.value : x);
  const [a, b] = [uncast(e.lhs), uncast(e.rhs)];
  const [x, y] = [a.type, b.type];
  if ((a === e.lhs && b === e.rhs) || !isApInt(x, bits) || !isApInt(y, bits)) return undefined;
  const common = Math.max(x.bits + Number(y.signed && !x.signed), y.bits + Number(x.signed && !y.signed));
  const width = e.op === "*" ? x.bits + y.bits : common + 1;
  return width >= bits ? [a, b] : undefined;
}

/** An ap_int (not a C++ integer, bool or fixed point) at most `bits` wide. */
const isApInt = (t: ElemType, bits: number): t is IntType =>
  t.kind === "int" && category(t) === "ap" && t.bits <= bits;

/**
 * The operands of an ap_fixed `+ - *` without their casts to e's type where each cast is the identity
 * (every value of the operand's type is one of e's): ap_fixed's own result type is then exact, and the
 * assignment to e's type floors and wraps it as the IR does, so 16-bit operands multiply at 16 bits.
 */
function fixedOperands(e: BinaryExpr): [Expr, Expr] | undefined {
  const t = e.type;
  if ((e.op !== "+" && e.op !== "-" && e.op !== "*") || t.kind !== "fixed") return undefined;
  const uncast = (x: Expr): Expr => (x.kind === "cast" && holds(t, x.value.type) ? x.value : x);
  const [a, b] = [uncast(e.lhs), uncast(e.rhs)];
  const fixed = a.type.kind === "fixed" && b.type.kind === "fixed";
  return fixed && (a !== e.lhs || b !== e.rhs) ? [a, b] : undefined;
}

/** Whether every value of type x is a value of fixed-point type t. */
function holds(t: FixedType, x: ElemType): boolean {
  if (x.kind !== "fixed" || x.frac > t.frac) return false;
  const k = BigInt(t.frac - x.frac);
  const [lo, hi] = typeRange(x);
  const [tlo, thi] = typeRange(t);
  return lo << k >= tlo && hi << k <= thi;
}

export class ExprWriter {
  constructor(
    readonly w: Writer,
    readonly s: Scope,
  ) {}

  private use(h: Helper): void {
    this.s.helpers.add(h);
  }

  /** Declares a temporary of type t holding `text`; returns its name. */
  temp(t: ElemType, text: string): string {
    const v = this.s.temp();
    this.w.line(`${cType(t)} ${v} = ${text};`);
    return v;
  }

  /** A condition: the value itself for bool, `x != 0` otherwise. */
  truth(e: Expr): string {
    const x = this.render(e);
    return category(e.type) === "bool"
      ? x
      : `${atom(x)} != ${constant(e.type, e.type.kind === "float" ? 0 : 0n)}`;
  }

  render(e: Expr): string {
    switch (e.kind) {
      case "const":
        return constant(e.type, e.value);
      case "iv":
        return this.s.ivs.get(e.name) ?? this.missing(`loop variable '${e.name}'`);
      case "param":
        return this.s.params.get(e.name) ?? this.missing(`parameter '${e.name}'`);
      case "load":
        return this.access(e.buffer, e.indices);
      case "streamGet": {
        const fifo = this.stream(e.stream, e.indices);
        return this.temp(e.type, this.s.streamRead?.(fifo, e.span) ?? `${fifo}.read()`);
      }
      case "cast":
        return (
          sliceText(e, (x) => this.render(x), this.s.ranges) ??
          castText(this.render(e.value), e.value.type, e.type, this.s.helpers)
        );
      case "bitcast":
        return this.temp(e.type, bitcastText(this.render(e.value), e.value.type, e.type, this.s.helpers));
      case "bitPos":
        return this.bitPos(e);
      case "binary":
        return this.binary(e);
      case "logical":
        return this.logical(e);
      case "unary":
        return this.unary(e);
      case "select":
        return this.select(e);
      case "intrinsic":
        return this.intrinsic(e);
    }
  }

  private missing(what: string): never {
    throw new AlloError("AL5007", `the HLS backend found no ${what} in scope`);
  }

  /** An element of a memory buffer (or the plain variable of a scalar local). */
  access(buffer: string, indices: readonly Expr[]): string {
    const v = this.s.view(buffer);
    if (v.kind === "scalar") return v.name;
    if (v.kind !== "array") throw this.missing(`memory buffer '${buffer}' (it is a stream)`);
    if (indices.length === 0) return `${v.name}[0]`;
    return `${v.name}${indices.map((i, k) => `[${bare(this.index(i, v.decl, k))}]`).join("")}`;
  }

  /** An element index, checked by the target when its range is not provably within the dimension. */
  private index(i: Expr, b: BufferDecl, dim: number): string {
    const text = this.render(i);
    if (!this.s.checkIndex) return text;
    const r = rangeOf(i, this.s.ranges);
    if (r && r[0] >= 0n && r[1] < BigInt(b.shape[dim])) return text;
    return this.s.checkIndex(bare(text), b, dim);
  }

  /** A run-time bit position, checked by the target when its range is not provably inside the value. */
  private bitPos(e: BitPosExpr): string {
    const text = this.render(e.value);
    if (!this.s.checkBitPos) return text;
    if (provenInside(e, rangeOf(e.value, this.s.ranges))) return text;
    return this.s.checkBitPos(bare(text), e);
  }

  /** The stream object of a FIFO access: `s` or `s[i]` (outlining made a 0-d FIFO of each `s_1_2`). */
  stream(buffer: string, indices: readonly Expr[]): string {
    const v = this.s.view(buffer);
    if (v.kind === "stream") return `${v.name}${indices.map((i) => `[${bare(this.render(i))}]`).join("")}`;
    return this.missing(`stream '${buffer}' with these indices`);
  }

  private binary(e: BinaryExpr): string {
    const [lhs, rhs] = apOperands(e) ?? fixedOperands(e) ?? [e.lhs, e.rhs];
    const a = this.render(lhs);
    const b = this.render(rhs);
    if (CMP.has(e.op)) return `(${a} ${e.op} ${b})`;
    const text = this.binaryText(e, a, b);
    return e.type.kind === "index" ? atom(text) : this.temp(e.type, text);
  }

  private binaryText(e: BinaryExpr, a: string, b: string): string {
    const t = e.type;
    const cat = category(t);
    const ranges = this.s.ranges;
    switch (e.op) {
      case "+":
      case "-":
      case "*": {
        if (cat === "bool") return `(bool)((${a} ${e.op} ${b}) & 1)`;
        const wraps = overflows(t) || (t.kind === "int" && !t.signed && t.bits === 16 && e.op === "*");
        if (wraps && !fitsExactly(e, ranges)) {
          this.use(e.op === "+" ? "add" : e.op === "-" ? "sub" : "mul");
          return `allo_${e.op === "+" ? "add" : e.op === "-" ? "sub" : "mul"}(${a}, ${b})`;
        }
        return `${a} ${e.op} ${b}`;
      }
      case "/":
      case "%": {
        const div = e.op === "/";
        if (cat === "bool") return div ? `${a} && ${b}` : "false";
        if (cat === "float" || cat === "half") {
          if (div) return `${a} / ${b}`;
          return t.kind === "float" && t.bits === 64 ? `fmod(${a}, ${b})` : `fmodf(${a}, ${b})`;
        }
        if (cat === "fixed") throw unsupported(div ? "division" : "remainder", t);
        if (cat === "native" && this.safeDivision(e)) return `${a} ${e.op} ${b}`;
        const signed = cat === "native" && overflows(t);
        const h: Helper = signed ? (div ? "sdiv" : "srem") : div ? "div" : "rem";
        this.use(h);
        return `allo_${h}(${a}, ${b})`;
      }
      case "min":
      case "max": {
        if (cat === "float" || cat === "half") {
          this.use(e.op === "min" ? "fmin" : "fmax");
          return `allo_f${e.op}(${a}, ${b})`;
        }
        return `${a} ${e.op === "min" ? "<" : ">"} ${b} ? ${a} : ${b}`;
      }
      case "&":
      case "|":
      case "^":
        if (cat === "fixed" || cat === "float" || cat === "half") throw unsupported(`'${e.op}'`, t);
        return `${a} ${e.op} ${b}`;
      case "<<":
      case ">>": {
        if (cat === "float" || cat === "half") throw unsupported("shifts", t);
        // A 1-bit value shifted by 1 or more is 0 either way.
        if (cat === "bool") return `${this.shiftAmount(e.rhs, b, 1)} <= 0 && ${a}`;
        const h: Helper =
          cat === "ap" || cat === "fixed"
            ? e.op === "<<"
              ? "apshl"
              : "apshr"
            : e.op === "<<"
              ? "shl"
              : "shr";
        this.use(h);
        return `allo_${h}<${widthOf(t)}>(${a}, ${this.shiftAmount(e.rhs, b, widthOf(t))})`;
      }
      default:
        throw unsupported(`'${e.op}'`, t);
    }
  }

  /** A native division is plain C++ when the divisor is never 0 and INT_MIN / -1 cannot occur. */
  private safeDivision(e: BinaryExpr): boolean {
    const b = rangeOf(e.rhs, this.s.ranges);
    const a = rangeOf(e.lhs, this.s.ranges);
    if (!a || !b || exactRange("/", a, b) === undefined) return false;
    const [min] = typeRange(e.type);
    return !overflows(e.type) || !(a[0] <= min && b[0] <= -1n && b[1] >= -1n);
  }

  /** The shift amount as a long long, clamped when its type could exceed that. */
  private shiftAmount(amount: Expr, text: string, width: number): string {
    const r = rangeOf(amount, this.s.ranges);
    if (r && r[0] >= -(2n ** 63n) && r[1] < 2n ** 63n) return `(long long)${atom(text)}`;
    this.use("shamt");
    return `allo_shamt<${width}>(${text})`;
  }

  private unary(e: UnaryExpr): string {
    const x = this.render(e.operand);
    const t = e.type;
    const cat = category(t);
    if (e.op === "not") return `!${atom(x)}`;
    let text: string;
    if (e.op === "bnot") {
      if (cat === "float" || cat === "half") throw unsupported("'~'", t);
      text = cat === "bool" ? `!${atom(x)}` : `~${atom(x)}`;
    } else if (cat === "bool") {
      text = x;
    } else if (overflows(t) && !this.negationFits(e)) {
      this.use("neg");
      text = `allo_neg(${x})`;
    } else {
      // `-` before a negative literal would be the decrement operator `--`.
      const a = atom(x);
      text = a.startsWith("-") ? `-(${a})` : `-${a}`;
    }
    return t.kind === "index" ? atom(text) : this.temp(t, text);
  }

  private negationFits(e: UnaryExpr): boolean {
    const r = rangeOf(e.operand, this.s.ranges);
    return r !== undefined && r[0] > typeRange(e.type)[0];
  }

  private logical(e: LogicalExpr): string {
    const a = this.truth(e.lhs);
    const rhs = this.w.capture(() => this.truth(e.rhs));
    if (rhs.lines.length === 0) return `(${a} ${e.op} ${rhs.value})`;
    const v = this.temp(e.type, a);
    this.w.blockWith(`if (${e.op === "&&" ? v : `!${v}`})`, rhs.lines, [`${v} = ${rhs.value};`]);
    return v;
  }

  private select(e: SelectExpr): string {
    const c = this.truth(e.cond);
    const a = this.w.capture(() => this.render(e.then));
    const b = this.w.capture(() => this.render(e.else));
    if (a.lines.length === 0 && b.lines.length === 0) return `(${c} ? ${a.value} : ${b.value})`;
    const v = this.temp(e.type, constant(e.type, e.type.kind === "float" ? 0 : 0n));
    this.w.blockWith(`if (${bare(c)})`, a.lines, [`${v} = ${a.value};`]);
    this.w.blockWith("} else", b.lines, [`${v} = ${b.value};`]);
    return v;
  }

  private intrinsic(e: IntrinsicExpr): string {
    const t = e.type;
    const double = t.kind === "float" && t.bits === 64;
    const fn = e.fn === "abs" ? "fabs" : e.fn;
    const args = e.args.map((x) => {
      const r = this.render(x);
      return double ? r : `(double)${atom(r)}`;
    });
    const call = `${fn}(${args.join(", ")})`;
    return this.temp(t, double ? call : `(${cType(t)})${call}`);
  }
}
