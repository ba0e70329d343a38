// Soundness of the symbolic executor against an independent implementation: random well-typed
// modules run symbolically, their output nodes are evaluated on random inputs with the reference
// semantics, and every value must equal what the CPU backend computes. This covers the Dag's
// normalizations, the compile-time conversion push-down and the native index arithmetic together.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../src/backends/cpu/index.ts";
import type { Scalar } from "../../src/semantics/scalar.ts";
import { Dag } from "../../src/verify/dag/dag.ts";
import { evaluate, reachable } from "../../src/verify/dag/eval.ts";
import { runModule } from "../../src/verify/exec/run.ts";
import { randomArgs } from "../backends/mlir/inputs.ts";
import { rng } from "../support/random.ts";
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
    const run = runModule(D, mod, { onTick: () => {} });
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
