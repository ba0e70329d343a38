// Verification hooks: verifyEachStep proves every step as it is applied (AL6002 with the verifier's
// reason and counterexample when it cannot), and s.verify() compares with the unscheduled kernel.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { gemm, mm, skew } from "./kernels.ts";
import { caught } from "./support.ts";

test("verifyEachStep accepts proven steps", () => {
  const s = customize(gemm, { verifyEachStep: true });
  s.split("j", 4).inner;
  s.reorder("k", "j.inner");
  s.pipeline("j.inner").partition("A", { dim: 2 });
  assert.equal(s.steps.length, 4);
  assert.equal(s.verify().status, "equivalent");
});

test("verifyEachStep rejects a reorder that breaks a dependence, and keeps the schedule as it was", () => {
  const s = customize(skew, { verifyEachStep: true });
  const e = caught(() => s.reorder("j", "i"));
  assert.equal(e.code, "AL6002");
  assert.match(
    e.message,
    /step 1, reorder\("j", "i"\), is not proven equivalent to the module before it \(not-equivalent/,
  );
  assert.match(e.message, /A\[\d\]\[\d\] differs: the transformed module computes/);
  assert.equal(s.steps.length, 0);
  assert.equal(s.ir, s.original);
});

test("s.verify() compares the schedule with the unscheduled kernel", () => {
  const s = customize(skew);
  s.reorder("j", "i");
  assert.equal(s.verify().status, "not-equivalent");
  const t = customize(mm);
  t.reorder("k", "j").split("i", 4);
  assert.equal(t.verify().equivalent, true);
});
