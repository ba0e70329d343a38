// 33..53-bit integers on the CPU backend without BigInt (exact-doubles.ts): the inline wrap and the
// split multiply (and its unwrapped form, congruent and at most 2^W) against BigInt on random and extreme operands of every width and signedness (an
// integer -0 is allowed on numbers, convert.ts clears it before a float sees it), and
// random wide ring trees stored to such integers (narrowed by narrowToNumbers, then compiled) against
// the reference semantics; the Int<48> matmul step compiles to numbers only.
import assert from "node:assert/strict";
import { test } from "node:test";
import { splitMul, wrapDouble } from "../../../src/backends/cpu/exact-doubles.ts";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { narrowToNumbers } from "../../../src/backends/cpu/passes.ts";
import type { Range } from "../../../src/ir/analysis/range.ts";
import { bin, cast, forLoop, idx, ivRef, load } from "../../../src/ir/build.ts";
import type { LoadExpr } from "../../../src/ir/nodes.ts";
import { type ElemType, intType, typeName, uintType } from "../../../src/types/dtype.ts";
import { randBig, rng } from "../../support/random.ts";
import { Gen, inputValues, TYPES, toArray } from "./gen.ts";
import { buffer, func, module, store } from "./ir.ts";
import { boundaryValue, evaluate, rawOf } from "./reference.ts";

const WIDTHS = [33, 34, 40, 47, 48, 51, 52, 53];
const TARGETS = WIDTHS.flatMap((w) => [intType(w), uintType(w)]);
const E53 = 2n ** 53n;

/** Temps as the generator declares them: names the compiled test function declares with `let`. */
function temps() {
  const names: string[] = [];
  return {
    names,
    temp: () => {
      names.push(`t${names.length}`);
      return names[names.length - 1];
    },
  };
}

const want = (x: bigint, t: ElemType) =>
  t.kind === "int" && !t.signed ? BigInt.asUintN(t.bits, x) : BigInt.asIntN((t as { bits: number }).bits, x);

/** Operands in r: the ends, around 0, and random values. */
function operands(r: () => number, [lo, hi]: Range): bigint[] {
  const ends = [lo, hi, lo + 1n, hi - 1n, 0n, 1n, -1n].filter((v) => v >= lo && v <= hi);
  return [...ends, ...Array.from({ length: 30 }, () => randBig(r, lo, hi))];
}

test("the inline 33..53-bit wrap and split multiply equal BigInt's two's complement", () => {
  const r = rng(48);
  const ranges: Range[] = [
    [-E53, E53],
    [0n, E53 - 1n],
    [-(2n ** 47n), 2n ** 47n - 1n],
    [0n, 2n ** 40n - 1n],
    [-(2n ** 20n), 2n ** 20n],
  ];
  for (const t of TARGETS) {
    for (const ra of ranges) {
      const tw = temps();
      const wrap = wrapDouble("(x + 0)", ra, t, tw);
      const fw = new Function("x", `let ${tw.names.join(", ")}; return ${wrap};`) as (x: number) => number;
      for (const x of operands(r, ra)) {
        const got = fw(Number(x));
        assert.ok(got === Number(want(x, t)), `${typeName(t)} wrap of ${x}: ${got} (${wrap})`);
      }
      for (const rb of ranges) {
        const tm = temps();
        const { code, loose } = splitMul("(a + 0)", "b", ra, rb, t, tm);
        const compile = (c: string) =>
          new Function("a", "b", `let ${tm.names.join(", ")}; return ${c};`) as (
            a: number,
            b: number,
          ) => number;
        const [f, fl] = [compile(code), compile(loose)];
        const bs = operands(r, rb);
        for (const [k, a] of operands(r, ra).entries()) {
          const b = bs[k % bs.length];
          const got = f(Number(a), Number(b));
          assert.ok(got === Number(want(a * b, t)), `${typeName(t)}: ${a} * ${b} gave ${got} (${code})`);
          const v = fl(Number(a), Number(b));
          const ok =
            Number.isInteger(v) && Math.abs(v) <= 2 ** t.bits && want(BigInt(v), t) === want(a * b, t);
          assert.ok(ok, `${typeName(t)}: ${a} * ${b} loose ${v} (${loose})`);
        }
      }
    }
  }
});

const i = ivRef("i");
const WIDE = [intType(54), intType(64), uintType(64), intType(65), intType(97), intType(200)];

test("random wide ring trees stored to 33..53-bit integers compute exactly what the reference says", () => {
  const N = 16;
  let narrowed = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const r = rng(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const inputs = ["X", "Y"].map((name) => buffer({ name, type: pick([...TYPES, ...TARGETS]), shape: [N] }));
    const g = new Gen(r, {
      load: () => {
        const b = pick(inputs);
        return load(b.name, [i], b.type);
      },
      iv: () => i,
    });
    const wide = pick(WIDE);
    const op = pick(["+", "-", "*", "&", "|", "^"] as const);
    const e = bin(op, cast(g.expr(1 + Math.floor(r() * 3)), wide), cast(g.expr(2), wide), wide);
    const to = pick(TARGETS);
    const C = buffer({ name: "C", type: to, shape: [N] });
    const m = module(
      func("k", {
        params: [...inputs, C],
        body: [forLoop("i", "i", idx(0), idx(N), [store("C", [i], cast(e, to))])],
      }),
    );
    if (narrowToNumbers(m, { cyclic: [] }) !== m) narrowed++;
    const kernel = compileCpu(m);
    const vals = inputs.map((b) => inputValues(b.type, r, N));
    const out = toArray(Array(N).fill(0), to);
    kernel(...inputs.map((b, k) => toArray(vals[k], b.type)), out);
    for (let n = 0; n < N; n++) {
      const env = {
        load: (l: LoadExpr) => {
          const k = inputs.findIndex((b) => b.name === l.buffer);
          return rawOf(vals[k][n], inputs[k].type);
        },
        iv: () => BigInt(n),
      };
      const expected = boundaryValue(evaluate(cast(e, to), env), to);
      const got = (out as ArrayLike<unknown>)[n];
      if (got !== expected)
        assert.fail(
          `seed ${seed}, element ${n}, to ${typeName(to)}: ${String(got)}, want ${expected}\n${kernel.source}`,
        );
    }
  }
  assert.ok(narrowed > 200, `only ${narrowed} of 300 trees were narrowed`);
});

test("the Int<48> and UInt<40> multiply-accumulate steps compile to numbers only", () => {
  for (const t of [intType(48), uintType(40)]) {
    const [A, B, C] = ["A", "B", "C"].map((name) => buffer({ name, type: t, shape: [8] }));
    const prod = bin(
      "*",
      cast(load("A", [i], t), intType(96)),
      cast(load("B", [i], t), intType(96)),
      intType(96),
    );
    const sum = bin("+", cast(load("C", [i], t), intType(97)), cast(prod, intType(97)), intType(97));
    const m = module(
      func("k", {
        params: [A, B, C],
        body: [forLoop("i", "i", idx(0), idx(8), [store("C", [i], cast(sum, t))])],
      }),
    );
    const source = compileCpu(m).source;
    assert.ok(!/BigInt|rt\./.test(source), `${typeName(t)}:\n${source}`);
  }
});
