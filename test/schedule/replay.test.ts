// Replay: steps as function-qualified data, re-applied inside another function with names rewritten
// (callees through the call tree), all or nothing, and refused with AL3021 when the data is not steps.
// (Every golden schedule also round-trips through JSON in support.ts's assertReplays.)
import assert from "node:assert/strict";
import { test } from "node:test";
import { printMlir } from "../../src/backends/mlir/print.ts";
import { customize } from "../../src/index.ts";
import type { Module } from "../../src/ir/nodes.ts";
import { twoMatmuls } from "./fixtures/copies.ts";
import { gemm } from "./kernels.ts";
import { assertSameRun, caught } from "./support.ts";

/** The MLIR of some functions of a module with names replaced, to compare two copies. */
function text(m: Module, funcs: readonly string[], names: Readonly<Record<string, string>> = {}): string {
  const functions = m.functions.filter((f) => funcs.includes(f.name));
  let out = printMlir({ functions, top: funcs[0] });
  for (const [from, to] of Object.entries(names)) out = out.replaceAll(`@${from}`, `@${to}`);
  return out;
}

test("steps record references qualified by function", () => {
  const s = customize(gemm);
  const [, inner] = s.split("i", 4);
  s.pipeline(inner, { ii: 2, rewind: false });
  s.partition("C", { dim: 2 });
  assert.deepEqual(
    s.steps.map((x) => ({ prim: x.prim, args: x.args })),
    [
      { prim: "split", args: [{ loop: { func: "gemm", name: "i" } }, 4] },
      { prim: "pipeline", args: [{ loop: { func: "gemm", name: "i.inner" } }, { ii: 2 }] },
      { prim: "partition", args: [{ buffer: { func: "gemm", name: "C" } }, { dim: 2 }] },
    ],
  );
});

test("steps on one matmul copy replay into the other; the results and the proof are unchanged", () => {
  const s = customize(twoMatmuls);
  const [, ji] = s.split("mmA:j", 2);
  s.reorder("mmA:k", ji);
  s.pipeline("mmA:k");
  s.partition("mmA:T", { type: "cyclic", dim: 2, factor: 2 });
  s.unroll("biasA:j", 5);
  s.bufferAt("mmA:T", "mmA:i");
  const recorded = s.steps.length;
  s.replay(JSON.parse(JSON.stringify(s.steps)), { into: "mmB" });
  assert.equal(s.steps.length, 2 * recorded);
  assert.match(s.trace(), /s\.split\("mmB:j", 2\);\n/);
  assert.match(s.trace(), /s\.unroll\("biasB:j", 5\);\n/);
  const copyB = text(s.ir, ["mmB", "biasB"], { mmB: "mmA", biasB: "biasA" });
  assert.notEqual(copyB, text(s.original, ["mmB", "biasB"], { mmB: "mmA", biasB: "biasA" }));
  assert.equal(copyB, text(s.ir, ["mmA", "biasA"]));
  assertSameRun(s.original, s.ir, "replayed into mmB", [1, 2, 3]);
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);
});

test("a replay that fails part way leaves the schedule as it was", () => {
  const s = customize(twoMatmuls);
  s.split("mmA:i", 2);
  s.reorder("mmA:k", "mmA:j");
  const before = s.ir;
  const steps = [...s.steps, { ...s.steps[0], args: [{ loop: { func: "mmA", name: "nope" } }, 2] }];
  const e = caught(() => s.replay(steps, { into: "mmB" }));
  assert.equal(e.code, "AL3001");
  assert.match(e.message, /no loop 'mmB:nope'/);
  assert.equal(s.ir, before);
  assert.equal(s.steps.length, 2);
  assert.equal(s.trace().split("\n").length, 3);
});

test("replay refuses what is not step data (AL3021) and unknown targets (AL3012)", () => {
  const s = customize(twoMatmuls);
  const bad = (steps: unknown, into?: string) =>
    caught(() => s.replay(steps as never, into === undefined ? {} : { into }));
  assert.equal(bad(null).code, "AL3021");
  assert.equal(caught(() => s.replay([], null as never)).code, "AL3019");
  assert.equal(caught(() => s.replay([], { into: 3 } as never)).code, "AL3019");
  assert.equal(caught(() => s.replay([], { to: "mmB" } as never)).code, "AL3020");
  assert.equal(bad([{ prim: "tile", args: [] }]).code, "AL3021");
  assert.equal(bad([{ prim: "split" }]).code, "AL3021");
  const ref = bad([{ prim: "split", args: ["i", 4] }]);
  assert.equal(ref.code, "AL3021");
  assert.match(ref.message, /^test\/schedule\/replay\.test\.ts:\d+:\d+ - error AL3021/);
  assert.match(
    ref.message,
    /step 1 \(split\), argument 1 must be \{ loop: \{ func, name \} \}; got the string "i"/,
  );
  const into = bad([{ prim: "split", args: [{ loop: { func: "mmA", name: "i" } }, 2] }], "mmC");
  assert.equal(into.code, "AL3012");
  const roots = bad(
    [
      { prim: "split", args: [{ loop: { func: "mmA", name: "i" } }, 2] },
      { prim: "split", args: [{ loop: { func: "mmB", name: "i" } }, 2] },
    ],
    "mmB",
  );
  assert.equal(roots.code, "AL3021");
  assert.match(roots.message, /pass \{ from \}/);
  assert.equal(s.steps.length, 0);
});
