// The verifier's type table: every ElemType in use gets a small integer id, so that symbolic nodes can
// carry their IR type in a packed header and generated code can name types by number. Structurally
// equal types share one id (the key is Allo's spelling, which is unique per type).

import { internalError } from "../../diagnostics/error.ts";
import { type ElemType, INDEX_BITS, typeName } from "../../types/dtype.ts";

export const TK_INT = 0;
export const TK_INDEX = 1;
export const TK_FLOAT = 2;
export const TK_FIXED = 3;

/** Largest number of distinct types (type ids live in 16 bits of a node header). */
const MAX_TYPES = 1 << 16;

export class TypeTable {
  readonly dtypes: ElemType[] = [];
  /** TK_* per type id. */
  readonly kind: number[] = [];
  readonly bits: number[] = [];
  readonly signed: boolean[] = [];
  private readonly ids = new Map<string, number>();

  id(t: ElemType): number {
    const key = typeName(t);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.dtypes.length;
    if (id >= MAX_TYPES) throw internalError("too many types in one proof");
    this.ids.set(key, id);
    this.dtypes.push(t);
    this.kind.push(
      t.kind === "int" ? TK_INT : t.kind === "index" ? TK_INDEX : t.kind === "float" ? TK_FLOAT : TK_FIXED,
    );
    this.bits.push(t.kind === "index" ? INDEX_BITS : t.bits);
    this.signed.push(t.kind === "index" || t.kind === "float" || t.signed);
    return id;
  }

  /** int or index: integers with two's-complement wrap to `bits`. */
  isIntLike(t: number): boolean {
    return this.kind[t] <= TK_INDEX;
  }

  isFloat(t: number): boolean {
    return this.kind[t] === TK_FLOAT;
  }

  /** Whether every value of integer-like type `from` is a value of integer-like type `to`. */
  intRangeContains(to: number, from: number): boolean {
    const bt = this.bits[to];
    const bf = this.bits[from];
    if (this.signed[to] === this.signed[from]) return bt >= bf;
    return this.signed[to] ? bt > bf : false;
  }

  /**
   * Whether converting `from` to `to` keeps every value exactly (so a later conversion of the result
   * equals a conversion of the original): integer widening, integers into a float with enough
   * significand bits, float widening.
   */
  preservesValue(from: number, to: number): boolean {
    if (this.isIntLike(from) && this.isIntLike(to)) return this.intRangeContains(to, from);
    if (!this.isFloat(to)) return false;
    const significand = this.bits[to] === 16 ? 11 : this.bits[to] === 32 ? 24 : 53;
    if (this.isIntLike(from)) return this.bits[from] - (this.signed[from] ? 1 : 0) <= significand;
    return this.isFloat(from) && this.bits[from] <= this.bits[to];
  }

  name(t: number): string {
    return typeName(this.dtypes[t]);
  }
}
