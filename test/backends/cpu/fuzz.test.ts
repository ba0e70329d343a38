// Differential test of the CPU backend's expression code against the reference semantics: random
// typed expression trees (built the way the frontend builds them: Allo's result types, explicit
// operand casts) over every kind of dtype (1..512-bit ints, bool, index, fixed point, float16/32/64),
// run as `C[i] = cast(expr)` on inputs that include each type's extremes, 0, -1, NaN and infinities.
// Every output must equal the evaluator of reference.ts bit for bit.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { cast } from "../../../src/ir/build.ts";
import type { LoadExpr } from "../../../src/ir/nodes.ts";
import type { Scalar } from "../../../src/semantics/scalar.ts";
import { typeName } from "../../../src/types/dtype.ts";
import { rng } from "../../support/random.ts";
import { inputValues, randomExpressionKernel, toArray } from "./gen.ts";
import { boundaryValue, evaluate, rawOf } from "./reference.ts";

const N = 24;
const same = (a: unknown, b: unknown) => (typeof a === "number" ? Object.is(a, b) : a === b);

function runCase(seed: number): void {
  const r = rng(seed);
  const { module: m, inputs, out, expr: e } = randomExpressionKernel(r, "fuzz", N);
  const kernel = compileCpu(m);
  const vals = inputs.map((b) => inputValues(b.type, r, N));
  const args = [...inputs.map((b, k) => toArray(vals[k], b.type)), toArray(Array(N).fill(0), out.type)];
  kernel(...args);
  const got = args[3] as ArrayLike<unknown>;
  for (let i = 0; i < N; i++) {
    const load = (l: LoadExpr): Scalar => {
      const k = inputs.findIndex((b) => b.name === l.buffer);
      return rawOf(vals[k][i], inputs[k].type);
    };
    const want = boundaryValue(evaluate(cast(e, out.type), { load, iv: () => BigInt(i) }), out.type);
    if (!same(got[i], want)) {
      const types = inputs.map((b) => `${b.name}: ${typeName(b.type)}`).join(", ");
      assert.fail(
        `seed ${seed}, element ${i}: got ${String(got[i])}, expected ${String(want)}\n` +
          `inputs ${types} = ${inputs.map((_, k) => String(vals[k][i])).join(", ")}; C: ${typeName(out.type)}\n` +
          `${JSON.stringify(e, (_, v) => (typeof v === "bigint" ? `${v}n` : v))}\n${kernel.source}`,
      );
    }
  }
}

test("random typed expressions compute exactly what the reference semantics say", () => {
  for (let seed = 1; seed <= 600; seed++) runCase(seed);
});
