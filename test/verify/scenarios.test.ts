// Allo's verifier scenarios (tests/test_verify.py, tutorial dive_05) as TypeScript kernels: reorder,
// buffer_at, grid vs nested ranges, row- vs column-major loop order, x * 2 vs x << 1, range loops,
// and non-equivalent pairs, which must be rejected with a counterexample or answered "unknown".
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { verify, verifyModules } from "../../src/verify/index.ts";
import * as k from "./kernels.ts";
import { assertConfirmed } from "./support/confirm.ts";

const ir = (f: Function) => customize(f).ir;
const equivalent = (a: Function, b: Function) => {
  const r = verifyModules(ir(a), ir(b));
  assert.equal(r.status, "equivalent", r.reason);
  assert.equal(r.equivalent, true);
};

test("reorder of k and j keeps every element's sum: proven against the unscheduled kernel", () => {
  const s = customize(k.gemm);
  s.reorder("k", "j");
  const r = verify(s, customize(k.gemm));
  assert.equal(r.status, "equivalent", r.reason);
  equivalent(k.gemm, k.gemmIKJ);
});

test("buffer_at after reorder (Allo's row-wise GEMM) is equivalent to the plain GEMM", () => {
  const s = customize(k.gemm);
  s.reorder("k", "j");
  s.bufferAt("C", "i");
  s.pipeline("j");
  assert.equal(verifyModules(s.ir, s.original).status, "equivalent");
});

test("a grid and three nested ranges are the same loop nest", () => equivalent(k.gemm, k.gemmNested));

test("row-major and column-major loop orders copy the same elements", () =>
  equivalent(k.rowMajor, k.columnMajor));

test("x * 2 and x << 1 are the same on int32 (strength reduction)", () => equivalent(k.mulTwo, k.shiftLeft));

test("range loops with steps write the same elements as one loop with a branch", () => {
  equivalent(k.rangeFor, k.rangeFor);
  equivalent(k.rangeFor, k.rangeForMerged);
});

test("the tutorial's overwrite-instead-of-accumulate GEMM is rejected with a confirmed counterexample", () => {
  const a = ir(k.gemm);
  const b = ir(k.gemmOverwrite);
  const r = verifyModules(a, b);
  assert.equal(r.equivalent, false);
  assertConfirmed(a, b, r);
});

test("a non-equivalent pair with the same signature is rejected; one with another signature is unknown", () => {
  const a = ir(k.bias);
  const b = ir(k.biasWrong);
  const r = verifyModules(a, b);
  assertConfirmed(a, b, r);
  assert.match(r.counterexample!.a, /D\[0\]\[0\]|C\[0\]\[0\]/);
  const other = verifyModules(ir(k.gemm), ir(k.bias));
  assert.equal(other.status, "unknown");
  assert.equal(other.equivalent, false);
  assert.match(
    other.reason!,
    /signatures differ: parameter 2 is 'B: float32\[8, 8\]' in the first module and 'b: float32\[8\]'/,
  );
});

test("composition (Allo's compose scenarios): kernels calling kernels with returned buffers", () => {
  equivalent(k.top, k.topFlat);
  equivalent(k.gemmCall, k.gemm);
  const s = customize(k.top);
  s.reorder("gemm:k", "gemm:j");
  s.bufferAt("gemm:C", "gemm:i");
  assert.equal(verifyModules(s.ir, s.original).status, "equivalent");
  const a = ir(k.top);
  const b = ir(k.topWrong);
  assertConfirmed(a, b, verifyModules(a, b));
  assert.equal(verifyModules(ir(k.top), ir(k.gemm)).status, "unknown");
});
