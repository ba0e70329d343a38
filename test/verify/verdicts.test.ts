// The three verdicts at their edges: integer wrap is proven exactly (a sum kept in 32 bits and
// truncated once equals one wrapped at every step; a 17-bit sum stored in 32 bits does not equal a
// 16-bit one); equal values outside the normalizations and data-dependent control flow or indices
// are "unknown", never a guess; float reassociation is a real difference.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AlloError, customize } from "../../src/index.ts";
import { constOf } from "../../src/ir/build.ts";
import type { Module } from "../../src/ir/nodes.ts";
import { BOOL } from "../../src/types/dtype.ts";
import { verify, verifyModules } from "../../src/verify/index.ts";
import * as k from "./kernels.ts";
import { assertConfirmed } from "./support/confirm.ts";

const ir = (f: Function) => customize(f).ir;
const verdict = (a: Function, b: Function) => verifyModules(ir(a), ir(b));
/** The kernel and the kernel with its loop split: different IR, so the verifier has to run both. */
const splitPair = (f: Function) => {
  const s = customize(f);
  s.split("i", 4);
  return verifyModules(s.original, s.ir);
};

test("an int32 register truncated once equals an int16 sum wrapped at every step", () => {
  const r = verdict(k.mm, k.mmWide);
  assert.equal(r.status, "equivalent", r.reason);
});

test("a 17-bit sum stored in 32 bits differs from the 16-bit wrapped sum (found with full-range inputs)", () => {
  const a = ir(k.addWide);
  const b = ir(k.addWrapped);
  const r = verifyModules(a, b);
  assertConfirmed(a, b, r);
  assert.equal(r.counterexample!.a, "int32 int32((int17(A[0]) + int17(B[0])))");
  assert.equal(r.counterexample!.b, "int32 int32((A[0] + B[0]))");
});

test("reassociated float sums round differently: not equivalent, with inputs", () => {
  const a = ir(k.gemm);
  const b = ir(k.gemmPairwise);
  assertConfirmed(a, b, verifyModules(a, b));
});

test("reassociated integer sums are equal but not provably so here: unknown with both values", () => {
  const r = verdict(k.sum3, k.sum3Right);
  assert.equal(r.status, "unknown");
  assert.equal(r.equivalent, false);
  assert.equal(
    r.reason,
    "D[0] is not proven equal: the first module computes int32 (C[0] + (A[0] + B[0])), the second computes " +
      "int32 (A[0] + (B[0] + C[0])); no difference on 32 random inputs (the exact normalizations do not cover this rewrite)",
  );
});

test("a select on data stays symbolic and is proven; a max that computes the same is unknown", () => {
  const r = splitPair(k.relu);
  assert.equal(r.status, "equivalent", r.reason);
  assert.ok(r.stats.symbolicOps > 0);
  assert.equal(verdict(k.relu, k.reluMax).status, "unknown");
});

test("an if on input data is not statically interpretable: unknown with its location", () => {
  const r = splitPair(k.reluIf);
  assert.equal(r.status, "unknown");
  assert.match(
    r.reason!,
    /^first module: control flow depends on input data at .*kernels\.ts:\d+:\d+ \(reluIf: if\)$/,
  );
});

test("an index read from input data is not statically interpretable: unknown", () => {
  const r = splitPair(k.gather);
  assert.equal(r.status, "unknown");
  assert.match(
    r.reason!,
    /^first module: an index or loop bound depends on input data at .*\(gather: store to B\)$/,
  );
});

test("a reshaped parameter keeps its row-major storage, so the interfaces still match", () => {
  const s = customize(k.gemm);
  s.reshape("A", [2, 4, 8]);
  const r = verifyModules(s.ir, s.original);
  assert.equal(r.status, "equivalent", r.reason);
});

test("annotation-only steps are proven without execution, even when control flow depends on data", () => {
  const s = customize(k.reluIf, { verifyEachStep: true });
  s.pipeline("i");
  s.unroll("i", 2);
  s.partition("A", { type: "cyclic", factor: 2 });
  const r = s.verify();
  assert.equal(r.status, "equivalent", r.reason);
  assert.equal(r.stats.symbolicOps, 0);
  assert.equal(s.verify().equivalent, true);
});

test("verify() refuses arguments that are neither schedules nor modules", () => {
  assert.throws(
    () => verify(customize(k.gemm), 3 as never),
    (e: Error) =>
      e instanceof AlloError && e.code === "AL6001" && /second argument is neither/.test(e.message),
  );
});

test("a while loop that never ends runs out of the step budget (unknown) instead of hanging", () => {
  const g = customize(k.gemm).ir;
  const f = g.functions[0];
  const forever: Module = {
    ...g,
    functions: [{ ...f, body: [{ kind: "while", cond: constOf(BOOL, 1n), body: [] }, ...f.body] }],
  };
  const r = verifyModules(forever, g);
  assert.equal(r.status, "unknown");
  assert.match(r.reason!, /^AL6003 step budget ran out: .*symbolic run of the first module/);
});
