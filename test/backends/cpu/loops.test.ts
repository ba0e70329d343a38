// Differential test of the CPU backend's statement code against the IR interpreter of reference.ts:
// random loop nests (constant, affine, triangular and run-time bounds, steps), branches, bounded
// while loops, local allocations inside loops, accumulations that scalar replacement keeps in locals,
// and affine, data-dependent and out-of-range indices over int32, float32, int16, fixed and int64
// buffers. Buffers must end up bit-identical, and an access outside a buffer must be AL5010 on both.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import type { AlloError } from "../../../src/diagnostics/error.ts";
import { bin, cast, cmp, constOf, forLoop, idx, idxOp, ivRef, load } from "../../../src/ir/build.ts";
import type { BufferDecl, Expr, Stmt } from "../../../src/ir/nodes.ts";
import type { Scalar } from "../../../src/semantics/scalar.ts";
import { F32, fixedType, I32, INDEX, intType } from "../../../src/types/dtype.ts";
import { binaryResultType } from "../../../src/types/typing-rules.ts";
import { rng } from "../../support/random.ts";
import { Gen, inputValues, toArray } from "./gen.ts";
import { alloc, buffer, func, local, module, store } from "./ir.ts";
import { interpret, OutOfBounds, rawOf } from "./reference.ts";

const PARAMS: readonly BufferDecl[] = [
  buffer({ name: "P", type: I32, shape: [6, 5] }),
  buffer({ name: "Q", type: F32, shape: [5, 6] }),
  buffer({ name: "R", type: intType(16), shape: [30] }),
  buffer({ name: "U", type: fixedType(20, 8), shape: [4] }),
  buffer({ name: "W", type: intType(64), shape: [3] }),
];
const T = local({ name: "T", type: intType(8), shape: [4, 4] });
const V = local({ name: "T_a", type: intType(64), shape: [3] });
const S = local({ name: "S", type: I32, shape: [] });
const MEMORY = [...PARAMS, T, V];

class Program {
  private ivs: string[] = [];
  /** Buffers expressions must not read (a nest's accumulators, so that they stay one element each). */
  private avoid = new Set<string>();
  private count = 0;
  readonly gen: Gen;

  constructor(readonly r: () => number) {
    this.gen = new Gen(r, {
      load: () => {
        const b = this.pick(MEMORY.filter((m) => !this.avoid.has(m.name)));
        return load(b.name, this.indices(b), b.type);
      },
      iv: () => (this.ivs.length ? ivRef(this.pick(this.ivs)) : undefined),
    });
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }
  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }

  private index(dim: number): Expr {
    const k = this.r();
    if (k < 0.35 || this.ivs.length === 0) return idx(this.int(0, dim - 1));
    const v = ivRef(this.pick(this.ivs));
    if (k < 0.75) return v;
    if (k < 0.85) return idxOp("+", v, idx(1));
    if (k < 0.9) return idxOp("*", v, idx(2));
    if (k < 0.95) return idxOp("-", idx(dim - 1), v);
    const masked = bin(
      "&",
      load("R", [idx(this.int(0, 29))], intType(16)),
      constOf(intType(16), 3n),
      intType(16),
    );
    return cast(masked, INDEX);
  }
  indices(b: BufferDecl): Expr[] {
    return b.shape.map((d) => this.index(d));
  }

  private bound(): Expr {
    const k = this.r();
    if (k < 0.5 || this.ivs.length === 0) return idx(this.int(2, 6));
    if (k < 0.85) return idxOp("+", ivRef(this.pick(this.ivs)), idx(1));
    return cast({ kind: "param", name: "n", type: I32 }, INDEX);
  }

  private value(b: BufferDecl): Expr {
    return cast(this.gen.expr(this.int(0, 2)), b.type);
  }

  stmts(depth: number): Stmt[] {
    return Array.from({ length: this.int(1, 3) }, () => this.stmt(depth));
  }

  /**
   * A GEMM-like nest: accumulations into elements that move with the outer loop only, or (the seed's
   * reordered GEMM) with the inner loop only: the two forms of unroll-and-jam.
   */
  private nest(depth: number): Stmt {
    const [outer, inner] = [`v${++this.count}`, `v${++this.count}`];
    const [a, b] = this.r() < 0.5 ? [outer, inner] : [inner, outer];
    const dsts = Array.from({ length: this.int(1, 2) }, () => this.pick(PARAMS));
    const last = Math.min(...dsts.map((d) => d.shape[d.shape.length - 1]));
    const outerUb = this.r() < 0.8 ? idx(this.int(2, last)) : this.bound();
    const targets = dsts.map((dst) => ({
      dst,
      ix: dst.shape.map((d, n) => (n === dst.shape.length - 1 ? ivRef(a) : this.index(d))),
    }));
    const innerUb = this.bound();
    this.ivs.push(a);
    this.ivs.push(b);
    this.avoid = new Set(dsts.map((d) => d.name));
    const stores = targets.map(({ dst, ix }) => {
      const v = this.gen.expr(this.int(0, 2));
      const t = binaryResultType("+", dst.type, v.type);
      const st = store(
        dst.name,
        ix,
        cast(bin("+", cast(load(dst.name, ix, dst.type), t), cast(v, t), t), dst.type),
      );
      return this.r() < 0.3
        ? ({ kind: "if", cond: this.gen.comparison(1), then: [st], else: [] } as Stmt)
        : st;
    });
    this.avoid = new Set();
    const extra = depth > 2 && this.r() < 0.1 ? this.stmts(0) : [];
    this.ivs.pop();
    this.ivs.pop();
    const loop = forLoop(inner, inner, idx(0), a === outer ? innerUb : outerUb, [...stores, ...extra]);
    const ub = a === outer ? outerUb : innerUb;
    return forLoop(outer, outer, idx(this.int(0, 1)), ub, [loop], {}, this.r() < 0.2 ? 2 : 1);
  }

  private stmt(depth: number): Stmt {
    const k = this.r();
    if (depth > 0 && k < 0.35) {
      const iv = `v${++this.count}`;
      const lb = this.ivs.length && this.r() < 0.3 ? ivRef(this.pick(this.ivs)) : idx(this.int(0, 1));
      const ub = this.bound();
      this.ivs.push(iv);
      const body = this.stmts(depth - 1);
      this.ivs.pop();
      return forLoop(iv, iv, lb, ub, body, {}, this.r() < 0.2 ? 2 : 1);
    }
    if (depth > 0 && k < 0.45) {
      return {
        kind: "if",
        cond: this.gen.comparison(1),
        then: this.stmts(depth - 1),
        else: this.r() < 0.5 ? this.stmts(depth - 1) : [],
      };
    }
    if (depth > 0 && k < 0.5) {
      const s = load("S", [], I32);
      const step = store(
        "S",
        [],
        cast(bin("+", cast(s, intType(33)), constOf(intType(33), 1n), intType(33)), I32),
      );
      return {
        kind: "if",
        cond: cmp("==", idx(0), idx(0)),
        then: [
          alloc("S"),
          { kind: "while", cond: cmp("<", s, constOf(I32, 3n)), body: [...this.stmts(depth - 1), step] },
        ],
        else: [],
      };
    }
    if (depth > 1 && k < 0.62) return this.nest(depth);
    if (k < 0.65) return alloc(this.r() < 0.5 ? "T" : "T_a");
    const b = this.pick(MEMORY);
    const ix = this.indices(b);
    if (k < 0.8) {
      // An accumulation: the shape scalar replacement looks for.
      const v = this.gen.expr(this.int(0, 1));
      let t = b.type;
      try {
        t = binaryResultType("+", b.type, v.type);
      } catch {
        return store(b.name, ix, this.value(b));
      }
      return store(b.name, ix, cast(bin("+", cast(load(b.name, ix, b.type), t), cast(v, t), t), b.type));
    }
    return store(b.name, ix, this.value(b));
  }
}

function runCase(seed: number): void {
  const r = rng(seed);
  const p = new Program(r);
  const body = [alloc("T"), alloc("T_a"), alloc("S"), ...p.stmts(3)];
  const m = module(
    func("loops", { params: [...PARAMS, { scalar: "n", type: I32 }], locals: [T, V, S], body }),
  );
  const n = Math.floor(r() * 6);
  const vals = PARAMS.map((b) =>
    inputValues(
      b.type,
      r,
      b.shape.reduce((x, y) => x * y, 1),
    ),
  );
  const raw = PARAMS.map((b, k) => vals[k].map((v) => rawOf(v, b.type)));
  const args = PARAMS.map((b, k) => toArray(vals[k], b.type));
  let expected: Scalar[][] | OutOfBounds;
  try {
    interpret(m, [...raw, [BigInt(n)]]);
    expected = raw;
  } catch (e) {
    if (!(e instanceof OutOfBounds)) throw e;
    expected = e;
  }
  const kernel = compileCpu(m);
  const show = () => `seed ${seed}\n${kernel.source}`;
  if (expected instanceof OutOfBounds) {
    assert.throws(
      () => kernel(...args, n),
      (e: AlloError) => e.code === "AL5010",
      `${show()}\nexpected AL5010 (${expected.message})`,
    );
    return;
  }
  kernel(...args, n);
  PARAMS.forEach((b, k) => {
    const got = Array.from(args[k] as ArrayLike<number | bigint>, (v) => rawOf(v, b.type));
    const want = (expected as Scalar[][])[k];
    for (let i = 0; i < want.length; i++) {
      if (!Object.is(got[i], want[i]))
        assert.fail(`${b.name}[${i}] is ${got[i]}, expected ${want[i]}\n${show()}`);
    }
  });
}

test("random loop nests compute what the IR interpreter computes, bounds errors included", () => {
  for (let seed = 1; seed <= 400; seed++) runCase(seed);
});
