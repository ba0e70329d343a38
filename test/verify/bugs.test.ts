// Seeded bugs must be rejected with a counterexample that holds on the CPU backend: an off-by-one
// bound, swapped indices, overwrite instead of accumulate, a dropped guard in a non-divisible split,
// a wrong initial value, a FIFO read in the wrong order. A bug that makes every run fail (an
// out-of-bounds access, a deadlock) is rejected with the failure as the reason.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { idx } from "../../src/ir/build.ts";
import type { Module } from "../../src/ir/nodes.ts";
import { verifyModules } from "../../src/verify/index.ts";
import * as k from "./kernels.ts";
import { assertConfirmed } from "./support/confirm.ts";
import { rewriteUnit, setUpperBound } from "./support/mutate.ts";

const ir = (f: Function) => customize(f).ir;

function rejected(a: Module, b: Module, output?: string): void {
  const r = verifyModules(a, b);
  assert.equal(r.equivalent, false);
  assertConfirmed(a, b, r);
  if (output) assert.equal(r.counterexample!.output, output);
}

test("an off-by-one reduction bound", () => rejected(ir(k.gemm), ir(k.gemmOffByOne), "C[0][0]"));

test("swapped indices", () => rejected(ir(k.gemm), ir(k.gemmSwapped), "C[0][0]"));

test("overwrite instead of accumulate", () => rejected(ir(k.gemm), ir(k.gemmOverwrite), "C[0][0]"));

test("a wrong initial value, in a buffer and in a scalar register", () => {
  rejected(ir(k.gemm), ir(k.gemmInitOne), "C[0][0]");
  rejected(ir(k.mm), ir(k.mmWideZero), "C[0][0]");
});

test("a dropped guard in a non-divisible split writes past the loop's range", () => {
  const s = customize(k.partial);
  s.split("i", 4);
  assert.equal(verifyModules(s.ir, s.original).status, "equivalent");
  rejected(s.original, setUpperBound(s.ir, "i.inner", idx(4)), "B[6]");
});

test("a dropped guard that runs off the buffer fails on every input", () => {
  const s = customize(k.gemm);
  s.split("i", 3);
  const r = verifyModules(setUpperBound(s.ir, "i.inner", idx(3)), s.original);
  assert.equal(r.status, "not-equivalent");
  assert.equal(r.counterexample, undefined);
  assert.match(
    r.reason!,
    /first module fails on every input.*out-of-bounds access: index 8 of dimension 1 of 'C'/s,
  );
});

test("a PE that forwards its B value along its row instead of its A value", () => {
  const s = customize(k.mm);
  const bufA = s.bufferAt("A", "j");
  const bufB = s.bufferAt("B", "j");
  const pe = s.unfold("PE", { axis: [0, 1], factor: [4, 4] });
  s.relay(bufA, pe, { axis: 0, depth: 2 });
  s.relay(bufB, pe, { axis: 1, depth: 2 });
  assert.equal(verifyModules(s.ir, s.original).status, "equivalent");
  // The PEs stream their operands (A_buf is one register), so the wrong value reaches PE_1_3.
  const swapped = rewriteUnit(s.ir, "PE_1_2", (x) => {
    if (x.kind !== "streamPut" || x.stream !== "A_fifo" || x.value.kind !== "load") return undefined;
    return { ...x, value: { ...x.value, buffer: "B_buf" } };
  });
  rejected(s.original, swapped, "C[1][3]");
});
