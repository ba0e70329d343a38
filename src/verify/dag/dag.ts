// The normalizing constructors of symbolic expressions. Each rewrite is exact for the types involved,
// so equal node ids prove equal values for every input: constant folding through scalar.ts, canonical
// operand order of commutative operations, x << k as x * 2^k on integers, conversion chains that keep
// values, and integer truncations pushed through + - * & | ^ (exact modulo 2^w), which makes an
// accumulation in a wide type and the same one wrapped at every step the same node. No reassociation.

import { bitcast, convert, rawRange, type Scalar, truthy, wrap } from "../../semantics/scalar.ts";
import {
  applyOp,
  intrinsicArity,
  isCompare,
  isRingOp,
  LOGIC_AND,
  OP_ADD,
  OP_AND,
  OP_DIV,
  OP_EQ,
  OP_GE,
  OP_GT,
  OP_LE,
  OP_LT,
  OP_MAX,
  OP_MIN,
  OP_MUL,
  OP_NE,
  OP_OR,
  OP_SHL,
  OP_SHR,
  OP_SUB,
  OP_XOR,
  UN_NOT,
} from "./ops.ts";
import { PairMap } from "./pair-map.ts";
import {
  K_BIN,
  K_BITS,
  K_CAST,
  K_CONST,
  K_INTR,
  K_LOGIC,
  K_SEL,
  K_UN,
  NodeStore,
  TYPE_SHIFT,
} from "./store.ts";
import { TK_FIXED, TK_FLOAT } from "./types.ts";

export class Dag extends NodeStore {
  /** Constructor calls made by executed code (the "symbolic operations" of the benchmark). */
  ops = 0;
  private readonly castMemo = new PairMap();
  /** Last conversion of each node: its target type + 1 (0 = none) and result. */
  private castType = new Int32Array(1 << 12);
  private castResult = new Int32Array(1 << 12);
  private readonly work: number[] = [];
  private readonly bool: number = this.types.id({ kind: "int", bits: 1, signed: false });
  readonly FALSE = this.konst(this.bool, 0n);
  readonly TRUE = this.konst(this.bool, 1n);

  bin(op: number, t: number, a: number, b: number): number {
    this.ops++;
    return this.binN(op, t, a, b);
  }
  un(op: number, t: number, a: number): number {
    this.ops++;
    return this.unN(op, t, a);
  }
  cast(t: number, a: number): number {
    this.ops++;
    // The same value is often converted to the same type many times (A[i][k] for every j): a cache
    // indexed by node id answers from memory near the node instead of a random hash-table slot.
    if (a < this.castType.length) {
      if (this.castType[a] === t + 1) return this.castResult[a];
    } else this.growCastCache(a);
    const r = this.castN(t, a);
    this.castType[a] = t + 1;
    this.castResult[a] = r;
    return r;
  }

  private growCastCache(n: number): void {
    let size = this.castType.length * 2;
    while (size <= n) size *= 2;
    const type = new Int32Array(size);
    const result = new Int32Array(size);
    type.set(this.castType);
    result.set(this.castResult);
    this.castType = type;
    this.castResult = result;
  }
  /**
   * x's bits read as type t. A bitcast of a bitcast reads the original bits, except through float32,
   * where JavaScript's doubles quiet a signalling NaN; a constant folds unless the result is a NaN
   * (constants intern every NaN as one node, which would lose its payload).
   */
  bitcast(t: number, x: number): number {
    this.ops++;
    if (this.type(x) === t) return x;
    if (
      this.kind(x) === K_BITS &&
      !(this.types.isFloat(this.type(x)) && this.types.bits[this.type(x)] === 32)
    )
      return this.bitcast(t, this.a(x));
    if (this.isConst(x)) {
      const v = bitcast(this.value(x), this.types.dtypes[this.type(x)], this.types.dtypes[t]);
      if (!Number.isNaN(v)) return this.konst(t, v);
    }
    return this.intern(K_BITS, 0, t, x, 0, 0);
  }
  sel(t: number, c: number, a: number, b: number): number {
    this.ops++;
    return this.selN(t, c, a, b);
  }
  logic(op: number, a: number, b: number): number {
    this.ops++;
    if (this.isConst(a) && this.isConst(b)) return this.fold(K_LOGIC, op, this.bool, a, b);
    if (this.isConst(b)) {
      const v = truthy(this.value(b));
      if (op === LOGIC_AND) return v ? a : this.FALSE;
      return v ? this.TRUE : a;
    }
    if (this.isConst(a)) return this.logic(op, b, a);
    if (a === b) return a;
    return a < b
      ? this.intern(K_LOGIC, op, this.bool, a, b, 0)
      : this.intern(K_LOGIC, op, this.bool, b, a, 0);
  }
  intr(fn: number, t: number, a: number, b: number): number {
    this.ops++;
    const two = intrinsicArity(fn) === 2;
    if (this.isConst(a) && (!two || this.isConst(b))) return this.fold(K_INTR, fn, t, a, b);
    return this.intern(K_INTR, fn, t, a, two ? b : 0, 0);
  }

  /** Whether a node is a constant whose value, as a condition, is true. */
  truthy(n: number): boolean {
    return truthy(this.value(n));
  }

  private fold(kind: number, op: number, t: number, a: number, b: number): number {
    return this.konst(t, applyOp(this, kind, op, t, a, b, 0, this.constOf));
  }

  private readonly constOf = (n: number): Scalar => this.value(n);

  private binN(op: number, t: number, a: number, b: number): number {
    const ha = this.nodes[a << 2];
    const hb = this.nodes[b << 2];
    if ((ha & 15) !== K_CONST && (hb & 15) !== K_CONST && a !== b) {
      // The common case: two distinct non-constants, where only the operand order can change.
      if (op === OP_GT || op === OP_GE) return this.intern(K_BIN, op === OP_GT ? OP_LT : OP_LE, t, b, a, 0);
      if (a > b && this.commutes(op, ha >>> TYPE_SHIFT)) return this.intern(K_BIN, op, t, b, a, 0);
      return this.intern(K_BIN, op, t, a, b, 0);
    }
    const T = this.types;
    const ot = this.type(a);
    if (this.isConst(a) && this.isConst(b)) return this.fold(K_BIN, op, t, a, b);
    const intLike = T.isIntLike(ot);
    if (op === OP_SHL && intLike && this.isConst(b)) return this.shiftToMul(t, a, this.value(b) as bigint);
    if (op === OP_GT || op === OP_GE) return this.binN(op === OP_GT ? OP_LT : OP_LE, t, b, a);
    if (a > b && this.commutes(op, ot)) {
      const x = a;
      a = b;
      b = x;
    }
    const same = this.identity(op, t, ot, a, b);
    return same >= 0 ? same : this.intern(K_BIN, op, t, a, b, 0);
  }

  private commutes(op: number, ot: number): boolean {
    if (op === OP_ADD || op === OP_MUL || op === OP_EQ || op === OP_NE) return true;
    if (op === OP_MIN || op === OP_MAX) return this.types.kind[ot] !== TK_FLOAT;
    return op === OP_AND || op === OP_OR || op === OP_XOR;
  }

  /** x << k = x * 2^k modulo 2^w; amounts clamp to [0, w] as in scalar.ts. */
  private shiftToMul(t: number, x: number, k: bigint): number {
    const w = BigInt(this.types.bits[t]);
    if (k <= 0n) return x;
    if (k >= w) return this.konst(t, 0n);
    return this.binN(OP_MUL, t, x, this.konst(t, wrap(1n << k, this.types.dtypes[t])));
  }

  /** An operand or constant the operation reduces to, or -1. Operands are in canonical order. */
  private identity(op: number, t: number, ot: number, a: number, b: number): number {
    const constA = this.isConst(a);
    const constB = this.isConst(b);
    if (!constA && !constB && a !== b) return -1;
    const T = this.types;
    const kind = T.kind[ot];
    const cb = constB ? this.value(b) : undefined;
    const ca = constA ? this.value(a) : undefined;
    if (kind === TK_FLOAT) {
      if (op === OP_MUL && (cb === 1 || ca === 1)) return cb === 1 ? a : b;
      if (op === OP_ADD && (Object.is(cb, -0) || Object.is(ca, -0))) return Object.is(cb, -0) ? a : b;
      if (op === OP_SUB && Object.is(cb, 0)) return a;
      return -1;
    }
    if (kind === TK_FIXED) return (op === OP_ADD || op === OP_SUB) && cb === 0n ? a : -1;
    switch (op) {
      case OP_ADD:
      case OP_XOR:
        if (cb === 0n) return a;
        if (ca === 0n) return b;
        return a === b && op === OP_XOR ? this.konst(t, 0n) : -1;
      case OP_OR: {
        const ones = this.allOnes(t);
        if (cb === ones || ca === ones) return this.konst(t, ones);
        if (cb === 0n) return a;
        if (ca === 0n) return b;
        return a === b ? a : -1;
      }
      case OP_SUB:
        if (cb === 0n) return a;
        return a === b ? this.konst(t, 0n) : -1;
      case OP_MUL:
        if (ca === 0n || cb === 0n) return this.konst(t, 0n);
        if (cb === 1n) return a;
        return ca === 1n ? b : -1;
      case OP_AND: {
        if (ca === 0n || cb === 0n) return this.konst(t, 0n);
        const ones = this.allOnes(t);
        if (cb === ones) return a;
        if (ca === ones) return b;
        return a === b ? a : -1;
      }
      case OP_DIV:
        return cb === 1n ? a : -1;
      case OP_SHR:
        return cb !== undefined && (cb as bigint) <= 0n ? a : -1;
      case OP_MIN:
      case OP_MAX:
        return a === b ? a : -1;
      default:
        if (a === b && isCompare(op)) return op === OP_EQ || op === OP_LE ? this.TRUE : this.FALSE;
        return -1;
    }
  }

  /** The integer with every bit set in type t (-1 when signed). */
  private allOnes(t: number): bigint {
    return this.types.signed[t] ? -1n : rawRange(this.types.dtypes[t])[1];
  }

  private unN(op: number, t: number, a: number): number {
    if (this.isConst(a)) return this.fold(K_UN, op, t, a, 0);
    // neg(neg x), ~~x and !!x are x exactly (modulo 2^w for integers, a sign flip for floats).
    if (this.kind(a) === K_UN && this.op(a) === op && this.type(this.a(a)) === t) return this.a(a);
    return this.intern(K_UN, op, t, a, 0, 0);
  }

  private selN(t: number, c: number, a: number, b: number): number {
    if (this.isConst(c)) return truthy(this.value(c)) ? a : b;
    if (a === b) return a;
    return this.intern(K_SEL, 0, t, c, a, b);
  }

  private castN(t: number, x: number): number {
    const from = this.type(x);
    if (from === t) return x;
    if (this.types.isIntLike(from) && this.types.isIntLike(t)) return this.castIntFast(t, x, from);
    if (this.isConst(x))
      return this.konst(t, convert(this.value(x), this.types.dtypes[from], this.types.dtypes[t]));
    if (this.kind(x) === K_CAST) {
      const y = this.a(x);
      if (this.types.preservesValue(this.type(y), from)) return this.castN(t, y);
    }
    return this.intern(K_CAST, 0, t, x, 0, 0);
  }

  /** The common cases of castInt without its work stack: widening a non-conversion, or a leaf. */
  private castIntFast(t: number, x: number, from: number): number {
    const k = this.kind(x);
    const T = this.types;
    if (T.bits[t] > T.bits[from] && k !== K_CAST) {
      if (this.isConst(x)) return this.konst(t, convert(this.value(x), T.dtypes[from], T.dtypes[t]));
      return this.intern(K_CAST, 0, t, x, 0, 0);
    }
    if (k === K_BIN || k === K_UN || k === K_SEL || k === K_CAST) return this.castInt(t, x);
    if (this.isConst(x)) return this.konst(t, convert(this.value(x), T.dtypes[from], T.dtypes[t]));
    return this.intern(K_CAST, 0, t, x, 0, 0);
  }

  /**
   * Integer-to-integer conversion. A conversion of a conversion collapses when the inner one keeps
   * the value or the outer one keeps at most its bits; a truncation of a ring operation (or of a
   * select) becomes the operation on truncated operands. Iterative, so long accumulation chains
   * cannot exhaust the stack; memoized per (node, type), so shared subterms are rewritten once.
   */
  private castInt(t: number, root: number): number {
    const T = this.types;
    const memo = this.castMemo;
    const work = this.work;
    const base = work.length;
    work.push(root);
    while (work.length > base) {
      const n = work[work.length - 1];
      if (memo.get(n, t) >= 0) {
        work.pop();
        continue;
      }
      const from = this.type(n);
      const narrowing = T.bits[t] <= T.bits[from];
      const k = this.kind(n);
      let r: number;
      if (from === t) r = n;
      else if (this.isConst(n)) r = this.konst(t, convert(this.value(n), T.dtypes[from], T.dtypes[t]));
      else if (
        k === K_CAST &&
        T.isIntLike(this.type(this.a(n))) &&
        (narrowing || T.intRangeContains(from, this.type(this.a(n))))
      ) {
        r = this.need(this.a(n), t);
        if (r < 0) continue;
      } else if (narrowing && k === K_BIN && isRingOp(this.op(n))) {
        const a = this.need(this.a(n), t);
        const b = this.need(this.b(n), t);
        if (a < 0 || b < 0) continue;
        r = this.binN(this.op(n), t, a, b);
      } else if (narrowing && k === K_UN && this.op(n) !== UN_NOT) {
        const a = this.need(this.a(n), t);
        if (a < 0) continue;
        r = this.unN(this.op(n), t, a);
      } else if (narrowing && k === K_SEL) {
        const a = this.need(this.b(n), t);
        const b = this.need(this.c(n), t);
        if (a < 0 || b < 0) continue;
        r = this.selN(t, this.a(n), a, b);
      } else r = this.intern(K_CAST, 0, t, n, 0, 0);
      memo.set(n, t, r);
      work.pop();
    }
    return memo.get(root, t);
  }

  /** The memoized conversion of n to t, or -1 after scheduling it on the work stack. */
  private need(n: number, t: number): number {
    if (this.type(n) === t) return n;
    const r = this.castMemo.get(n, t);
    if (r < 0) this.work.push(n);
    return r;
  }
}
