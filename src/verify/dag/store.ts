// Hash-consed storage of symbolic nodes. A node is (kind, op, type, a, b, c) packed into typed arrays;
// structurally equal nodes get the same id, so equal ids mean equal expressions and shared work is
// done once. Children always have smaller ids than their parents (a topological order for free).
// Constants are interned by (type, exact value); -0 and +0 are different constants, NaN is one.

import type { Scalar } from "../../semantics/scalar.ts";
import { MAX_NODES, nodeLimit } from "../budget.ts";
import { TypeTable } from "./types.ts";

export const K_CONST = 0;
export const K_INPUT = 1;
export const K_BIN = 2;
export const K_UN = 3;
export const K_CAST = 4;
export const K_SEL = 5;
export const K_LOGIC = 6;
export const K_INTR = 7;
/** bitcast: the operand's bits read as the node's type. */
export const K_BITS = 8;

const KIND_BITS = 4;
const OP_BITS = 8;
export const TYPE_SHIFT = KIND_BITS + OP_BITS;

export class NodeStore {
  readonly types = new TypeTable();
  /** Four words per node, together so that one cache line holds a node: kind | op << 4 | type << 12, a, b, c. */
  protected nodes: Int32Array;
  /**
   * Open-addressing table of slots [head, a, b, id + 1]: a lookup reads one slot, not the node too
   * (only selects, the one kind with a third operand, compare c through `nodes`, always: a third
   * operand 0 is node 0, the constant false, not "no operand"). Random memory
   * accesses are what hash-consing costs, so there is one per lookup.
   */
  private table: Int32Array;
  private mask: number;
  count = 0;
  /** Values of constants, indexed by the constant node's `a`. */
  readonly constValues: Scalar[] = [];
  private readonly constIds: Map<Scalar | string, number>[] = [];
  /** (param position, flat element) of input nodes, for naming and concrete evaluation. */
  readonly inputOf = new Map<number, { param: number; flat: number }>();

  /**
   * `expectedNodes` sizes the tables up front (growing them costs a rehash of every node); the store
   * never grows past the first power of two at or above `limit` nodes (a memory budget).
   */
  constructor(
    expectedNodes = 1 << 12,
    private readonly limit = MAX_NODES,
  ) {
    let cap = 1 << 12;
    while (cap < expectedNodes && cap < limit) cap *= 2;
    this.nodes = new Int32Array(4 * cap);
    this.table = new Int32Array(4 * 2 * cap);
    this.mask = 2 * cap - 1;
  }

  kind(n: number): number {
    return this.nodes[n << 2] & 15;
  }
  op(n: number): number {
    return (this.nodes[n << 2] >> KIND_BITS) & 255;
  }
  type(n: number): number {
    return this.nodes[n << 2] >>> TYPE_SHIFT;
  }
  a(n: number): number {
    return this.nodes[(n << 2) + 1];
  }
  b(n: number): number {
    return this.nodes[(n << 2) + 2];
  }
  c(n: number): number {
    return this.nodes[(n << 2) + 3];
  }
  isConst(n: number): boolean {
    return (this.nodes[n << 2] & 15) === K_CONST;
  }
  value(n: number): Scalar {
    return this.constValues[this.nodes[(n << 2) + 1]];
  }

  konst(t: number, v: Scalar): number {
    let ids = this.constIds[t];
    if (ids === undefined) {
      ids = new Map();
      this.constIds[t] = ids;
    }
    const key = Object.is(v, -0) ? "-0" : v;
    const known = ids.get(key);
    if (known !== undefined) return known;
    const idx = this.constValues.push(v) - 1;
    const n = this.intern(K_CONST, 0, t, idx, 0, 0);
    ids.set(key, n);
    return n;
  }

  input(t: number, param: number, flat: number): number {
    const n = this.intern(K_INPUT, 0, t, param, flat, 0);
    if (!this.inputOf.has(n)) this.inputOf.set(n, { param, flat });
    return n;
  }

  protected intern(kind: number, op: number, t: number, a: number, b: number, c: number): number {
    const h = kind | (op << KIND_BITS) | (t << TYPE_SHIFT);
    const table = this.table;
    const mask = this.mask;
    let nodes = this.nodes;
    let i = hash(h, a, b, c) & mask;
    for (;;) {
      const s = i << 2;
      const id = table[s + 3];
      if (id === 0) break;
      if (
        table[s] === h &&
        table[s + 1] === a &&
        table[s + 2] === b &&
        ((h & 15) !== K_SEL || nodes[((id - 1) << 2) + 3] === c)
      ) {
        return id - 1;
      }
      i = (i + 1) & mask;
    }
    const n = this.count;
    if (n << 2 === nodes.length) {
      if (n >= this.limit) throw nodeLimit(n);
      nodes = new Int32Array(nodes.length * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    const at = n << 2;
    nodes[at] = h;
    nodes[at + 1] = a;
    nodes[at + 2] = b;
    nodes[at + 3] = c;
    this.count = n + 1;
    const s = i << 2;
    table[s] = h;
    table[s + 1] = a;
    table[s + 2] = b;
    table[s + 3] = n + 1;
    if (this.count * 2 > mask) this.rehash();
    return n;
  }

  private rehash(): void {
    const slots = (this.mask + 1) * 2;
    const table = new Int32Array(slots << 2);
    const mask = slots - 1;
    const nodes = this.nodes;
    for (let n = 0; n < this.count; n++) {
      const at = n << 2;
      let i = hash(nodes[at], nodes[at + 1], nodes[at + 2], nodes[at + 3]) & mask;
      while (table[(i << 2) + 3] !== 0) i = (i + 1) & mask;
      const s = i << 2;
      table[s] = nodes[at];
      table[s + 1] = nodes[at + 1];
      table[s + 2] = nodes[at + 2];
      table[s + 3] = n + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}

function hash(h: number, a: number, b: number, c: number): number {
  let x = Math.imul(h ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ a ^ (x >>> 13), 0xc2b2ae35);
  x = Math.imul(x ^ b ^ (x >>> 16), 0x27d4eb2f);
  x = Math.imul(x ^ c ^ (x >>> 15), 0x165667b1);
  return x ^ (x >>> 16);
}
