// Soundness of the symbolic executor against an independent implementation: random well-typed
// modules run symbolically, their output nodes are evaluated on random inputs with the reference
// semantics, and every value must equal what the CPU backend computes. This covers the Dag's
// normalizations, the compile-time conversion push-down and the native index arithmetic together.
// The differential self-check: a random module against a one-token mutant must never be proven
// equivalent when the CPU backend (on inputs with NaN, +-0, +-Inf and integer extremes) disagrees.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../src/backends/cpu/index.ts";
import { customize } from "../../src/index.ts";
import type { Func, Module } from "../../src/ir/nodes.ts";
import { convert, rawRange, type Scalar } from "../../src/semantics/scalar.ts";
import { bitWidth, type ElemType, floatType } from "../../src/types/dtype.ts";
import { Budget } from "../../src/verify/budget.ts";
import { Dag } from "../../src/verify/dag/dag.ts";
import { evaluate, reachable } from "../../src/verify/dag/eval.ts";
import { runModule } from "../../src/verify/exec/run.ts";
import { verifyModules } from "../../src/verify/index.ts";
import { randomArgs } from "../backends/mlir/inputs.ts";
import { CASES } from "../corpus/cases.ts";
import { cloneArgs } from "../support/compare.ts";
import { rng } from "../support/random.ts";
import { assertConfirmed } from "./support/confirm.ts";
import { mutateToken } from "./support/mutate.ts";
import { LEN, randomModule } from "./support/random-exprs.ts";

const cell = (a: unknown, i: number): Scalar => {
  const v = (a as ArrayLike<number | bigint>)[i];
  return typeof v === "bigint"
    ? v
    : Number.isInteger(v) && !(a instanceof Float32Array || a instanceof Float64Array)
      ? BigInt(v)
      : v;
};
const same = (x: unknown, y: unknown) => (typeof x === "number" ? Object.is(x, y) : String(x) === String(y));

test("symbolic values evaluate to what the CPU backend computes (300 random modules)", () => {
  const r = rng(7);
  for (let m = 0; m < 300; m++) {
    const mod = randomModule(r, 3, 4);
    const top = mod.functions[0];
    const D = new Dag();
    const run = runModule(D, mod, { onTick: () => {}, budget: new Budget({}) });
    assert.equal(run.kind, "ok", `module ${m}: ${run.kind !== "ok" ? run.reason : ""}`);
    if (run.kind !== "ok") return;
    const results = run.outputs.slice(top.params.length);
    const roots = results.flatMap((o) => [...o.nodes]);
    const order = reachable(D, roots);
    const cpu = compileCpu(mod);
    for (let trial = 0; trial < 3; trial++) {
      const args = randomArgs(top, r);
      const out = cpu(...args);
      const outs = (top.results.length === 1 ? [out] : out) as unknown[];
      const vals = evaluate(D, order, (n) => {
        const at = D.inputOf.get(n)!;
        return cell(args[at.param], at.flat);
      });
      results.forEach((o, k) => {
        for (let i = 0; i < LEN; i++) {
          const want = cell(outs[k], i);
          const got = vals.get(o.nodes[i]);
          if (!same(got, want)) {
            assert.fail(
              `module ${m}, ${o.name}[${i}]: symbolic ${String(got)}, CPU ${String(want)}\n${JSON.stringify(top.body, (_, v) => (typeof v === "bigint" ? `${v}n` : v))}`,
            );
          }
        }
      });
    }
  }
});

/** A symbolic run's value in the CPU backend's boundary representation. */
function boundary(v: Scalar, t: ElemType): number | bigint {
  if (t.kind === "float") return v as number;
  if (t.kind === "fixed") return Number(v) / 2 ** t.frac;
  return bitWidth(t) <= 32 ? Number(v) : (v as bigint);
}

/** An argument element as the kernel sees it (fixed point quantized like a float-to-fixed cast). */
function raw(a: unknown, i: number, t: ElemType): Scalar {
  const v = typeof a === "object" ? (a as ArrayLike<number | bigint>)[i] : (a as number | bigint);
  if (t.kind === "float") return v as number;
  if (t.kind === "fixed") return convert(v as number, floatType(64), t);
  return BigInt(v);
}

test("every corpus kernel that is statically interpretable evaluates symbolically to its CPU result", () => {
  let checked = 0;
  for (const c of CASES) {
    const m = customize(c.kernel, c.options ?? {}).ir;
    const top = m.functions.find((f) => f.name === m.top)!;
    const D = new Dag();
    const run = runModule(D, m, { onTick: () => {}, budget: new Budget({}) });
    if (run.kind === "not-static") continue;
    assert.equal(run.kind, "ok", c.name);
    if (run.kind !== "ok") return;
    const args = c.inputs(rng(11));
    const typeOf = (p: number) => {
      const q = top.params[p];
      return q.kind === "scalar" ? q.type : top.buffers[q.name].type;
    };
    const inputs = cloneArgs(args);
    const ret = compileCpu(m)(...args);
    const rets = top.results.length === 1 ? [ret] : ((ret ?? []) as unknown[]);
    const order = reachable(
      D,
      run.outputs.flatMap((o) => [...o.nodes]),
    );
    const vals = evaluate(D, order, (n) => {
      const at = D.inputOf.get(n)!;
      return raw(inputs[at.param], at.flat, typeOf(at.param));
    });
    const buffers = top.params.flatMap((p, k) => (p.kind === "buffer" ? [args[k]] : []));
    run.outputs.forEach((o, k) => {
      const actual = k < buffers.length ? buffers[k] : rets[k - buffers.length];
      const t = D.types.dtypes[D.type(o.nodes[0])];
      for (let i = 0; i < o.nodes.length; i++) {
        const want = typeof actual === "object" ? (actual as ArrayLike<unknown>)[i] : actual;
        const got = boundary(vals.get(o.nodes[i]) as Scalar, t);
        assert.ok(
          same(got, want),
          `${c.name}: ${o.name}[${i}] is ${String(got)} symbolically, ${String(want)} on the CPU`,
        );
      }
    });
    checked++;
  }
  assert.ok(checked >= 35, `${checked} corpus kernels checked`);
});

/** Inputs for the CPU side of the self-check: random, then with special values mixed in. */
function selfCheckArgs(top: Func, r: () => number, special: boolean): unknown[] {
  const args = randomArgs(top, r) as unknown[];
  if (!special) return args;
  const floats = [Number.NaN, -0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  top.params.forEach((p, k) => {
    if (p.kind !== "buffer") return;
    const t = top.buffers[p.name].type;
    const a = args[k] as { [i: number]: number | bigint; length: number };
    for (let i = 0; i < a.length; i++) {
      if (t.kind === "float" && r() < 0.5) a[i] = floats[Math.floor(r() * floats.length)];
      else if (t.kind === "int" && r() < 0.3) {
        const [lo, hi] = rawRange(t);
        const v = [lo, hi, 0n, t.signed ? -1n : 1n][Math.floor(r() * 4)];
        a[i] = typeof a[i] === "bigint" ? v : Number(v);
      }
    }
  });
  return args;
}

/** Whether the two modules give different outputs on the CPU for some of a few input sets. */
function cpuDiffers(a: Module, b: Module, r: () => number): boolean {
  const top = a.functions[0];
  const run = (m: Module, args: unknown[]) => {
    const out = compileCpu(m)(...cloneArgs(args));
    return (top.results.length === 1 ? [out] : out) as ArrayLike<unknown>[];
  };
  for (let trial = 0; trial < 6; trial++) {
    const args = selfCheckArgs(top, r, trial % 2 === 1);
    const [x, y] = [run(a, args), run(b, args)];
    for (let k = 0; k < x.length; k++)
      for (let i = 0; i < LEN; i++) if (!same(cell(x[k], i), cell(y[k], i))) return true;
  }
  return false;
}

test("the verifier never proves a one-token mutant equivalent when the CPU results differ (300+ pairs)", (t) => {
  const r = rng(17);
  const counts = { pairs: 0, equivalent: 0, "not-equivalent": 0, unknown: 0, missed: 0 };
  while (counts.pairs < 600) {
    const orig = randomModule(r, 2, 3);
    const mutant = mutateToken(r, orig);
    if (!mutant) continue;
    counts.pairs++;
    const [a, b] = r() < 0.5 ? [orig, mutant] : [mutant, orig];
    const v = verifyModules(a, b);
    counts[v.status]++;
    if (v.status === "not-equivalent") assertConfirmed(a, b, v);
    else if (cpuDiffers(a, b, r)) {
      const show = (m: Module) =>
        JSON.stringify(m.functions[0].body, (_, x) => (typeof x === "bigint" ? `${x}n` : x));
      assert.notEqual(
        v.status,
        "equivalent",
        `proven equivalent, but the CPU differs:\n${show(a)}\n${show(b)}`,
      );
      counts.missed++;
    }
  }
  t.diagnostic(JSON.stringify(counts));
  assert.ok(counts["not-equivalent"] > counts.pairs / 2, JSON.stringify(counts));
});
