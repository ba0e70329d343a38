// Truncation push-down (src/ir/passes/narrow-truncations.ts) as the CPU backend configures it
// (narrowToNumbers: a BigInt tree converted to at most 32 bits becomes int32 arithmetic, one converted
// to 33..53 bits arithmetic at that integer) and as the native target does (narrowToNative: an ap_int tree converted to a narrower integer is computed at that integer's width):
// on random typed trees the rewritten expression evaluates to exactly what the original does under the
// reference semantics (the pass alone, no code generator).
import assert from "node:assert/strict";
import { test } from "node:test";
import { CPU_PASSES, narrowToNumbers } from "../../../src/backends/cpu/passes.ts";
import { NATIVE_PASSES, narrowToNative } from "../../../src/backends/native/passes.ts";
import { bin, cast, forLoop, idx, ivRef, load } from "../../../src/ir/build.ts";
import type { Expr, ForStmt, LoadExpr, Module, StoreStmt } from "../../../src/ir/nodes.ts";
import { I32, type IntType, intType, typeName, uintType } from "../../../src/types/dtype.ts";
import { Gen, inputValues, TYPES } from "../../backends/cpu/gen.ts";
import { buffer, func, module, store } from "../../backends/cpu/ir.ts";
import { evaluate, rawOf } from "../../backends/cpu/reference.ts";
import { rng } from "../../support/random.ts";

const I64 = intType(64);
const i = ivRef("i");
/** The value the kernel's one loop stores. */
function stored(m: Module): Expr {
  const loop = m.functions[0].body[0] as ForStmt;
  return (loop.body[0] as StoreStmt).value;
}

function kernel(inputs: ReturnType<typeof buffer>[], value: Expr, out = I32): Module {
  const C = buffer({ name: "C", type: out, shape: [8] });
  return module(
    func("k", {
      params: [...inputs, C],
      body: [forLoop("i", "i", idx(0), idx(8), [store("C", [i], value)])],
    }),
  );
}

test("int32 * int32 accumulated at 65 bits and stored as int32 becomes int32 arithmetic", () => {
  const A = buffer({ name: "A", type: I32, shape: [8] });
  const B = buffer({ name: "B", type: I32, shape: [8] });
  const [a, b] = [load("A", [i], I32), load("B", [i], I32)];
  const wide = intType(65);
  const prod = bin("*", cast(a, I64), cast(b, I64), I64);
  const sum = bin("+", cast(a, wide), cast(prod, wide), wide);
  const m = kernel([A, B], cast(sum, I32));
  assert.ok(CPU_PASSES.includes(narrowToNumbers));
  assert.deepEqual(stored(narrowToNumbers(m, { cyclic: [] })), bin("+", a, bin("*", a, b, I32), I32));
});

/**
 * `C[i] = T(C[i] + A[i] * A[i])` with the product at 2W bits and the sum at 2W + 1 (the typing rules'
 * widths), and the same at W bits, what narrowing should make of it.
 */
function squareAccumulated(T: (w: number) => IntType, w: number): { m: Module; narrow: Expr } {
  const A = buffer({ name: "A", type: T(w), shape: [8] });
  const [a, c] = [load("A", [i], T(w)), load("C", [i], T(w))];
  const prod = bin("*", cast(a, T(2 * w)), cast(a, T(2 * w)), T(2 * w));
  const sum = bin("+", cast(c, T(2 * w + 1)), cast(prod, T(2 * w + 1)), T(2 * w + 1));
  return { m: kernel([A], cast(sum, T(w)), T(w)), narrow: bin("+", c, bin("*", a, a, T(w)), T(w)) };
}

test("Int<48> * Int<48> accumulated at 97 bits and stored as Int<48> becomes Int<48> arithmetic", () => {
  const { m, narrow } = squareAccumulated(intType, 48);
  assert.deepEqual(stored(narrowToNumbers(m, { cyclic: [] })), narrow);
});

test("native: int8 * int8 accumulated at 33 bits and stored as int32 becomes int32 arithmetic", () => {
  const I8 = intType(8);
  const I16 = intType(16);
  const A = buffer({ name: "A", type: I8, shape: [8] });
  const C = load("C", [i], I32);
  const prod = bin("*", cast(load("A", [i], I8), I16), cast(load("A", [i], I8), I16), I16);
  const sum = bin("+", cast(C, intType(33)), cast(prod, intType(33)), intType(33));
  const m = kernel([A], cast(sum, I32));
  assert.ok(NATIVE_PASSES.includes(narrowToNative));
  assert.deepEqual(stored(narrowToNative(m, { cyclic: [] })), bin("+", C, cast(prod, I32), I32));
});

test("native: UInt<100> * UInt<100> accumulated at 201 bits and stored as UInt<100> becomes UInt<100> arithmetic", () => {
  const { m, narrow } = squareAccumulated(uintType, 100);
  assert.deepEqual(stored(narrowToNative(m, { cyclic: [] })), narrow);
});

test("native: an Int<48> tree is left at its widths (ap_int to 64 bits is one machine word anyway)", () => {
  const I48 = intType(48);
  const A = buffer({ name: "A", type: I48, shape: [8] });
  const a = load("A", [i], I48);
  const m = kernel([A], cast(bin("*", cast(a, intType(96)), cast(a, intType(96)), intType(96)), I48), I48);
  assert.equal(narrowToNative(m, { cyclic: [] }), m);
});

test("a tree with nothing to narrow comes back as the same module", () => {
  const A = buffer({ name: "A", type: I64, shape: [8] });
  const m = kernel([A], cast(bin("/", load("A", [i], I64), load("A", [i], I64), I64), I32));
  assert.equal(narrowToNumbers(m, { cyclic: [] }), m);
});

const CASES = [
  {
    name: "narrowToNumbers",
    pass: narrowToNumbers,
    wides: [I64, intType(65), uintType(64), intType(100)],
    tos: [
      I32,
      intType(8),
      uintType(32),
      intType(17),
      uintType(1),
      intType(33),
      intType(48),
      uintType(40),
      intType(53),
      uintType(53),
    ],
  },
  {
    name: "narrowToNative",
    pass: narrowToNative,
    wides: [intType(33), intType(17), uintType(48), intType(65), intType(100)],
    tos: [I32, intType(8), uintType(16), I64, uintType(32)],
  },
  {
    name: "narrowToNative past 64 bits",
    pass: narrowToNative,
    wides: [intType(129), uintType(201)],
    tos: [intType(65), uintType(100), intType(128)],
  },
];

for (const { name, pass, wides, tos } of CASES)
  test(`${name}: on random typed trees the narrowed expression evaluates exactly like the original`, () => {
    let rewritten = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
      const inputs = ["X", "Y"].map((name) => buffer({ name, type: pick(TYPES), shape: [8] }));
      const leaves = {
        load: () => {
          const b = pick(inputs);
          return load(b.name, [i], b.type);
        },
        iv: () => i,
      };
      // Wide ring roots are what the pass looks for: force one under a cast to a narrow integer.
      const g = new Gen(r, leaves);
      const wide = pick(wides);
      const op = pick(["+", "-", "*", "&", "|", "^"] as const);
      const e = bin(op, cast(g.expr(1 + Math.floor(r() * 3)), wide), cast(g.expr(2), wide), wide);
      const to = pick(tos);
      const m = kernel(inputs, cast(e, to), to);
      const after = stored(pass(m, { cyclic: [] }));
      if (after !== stored(m)) rewritten++;
      const vals = inputs.map((b) => inputValues(b.type, r, 8));
      for (let n = 0; n < 8; n++) {
        const env = {
          load: (l: LoadExpr) => {
            const k = inputs.findIndex((b) => b.name === l.buffer);
            return rawOf(vals[k][n], inputs[k].type);
          },
          iv: () => BigInt(n),
        };
        const [want, got] = [evaluate(stored(m), env), evaluate(after, env)];
        if (want !== got && !(Number.isNaN(want) && Number.isNaN(got))) {
          assert.fail(
            `seed ${seed}, element ${n}, to ${typeName(to)}: ${String(got)} instead of ${String(want)}`,
          );
        }
      }
    }
    assert.ok(rewritten > 250, `only ${rewritten} of 400 trees were narrowed`);
  });
