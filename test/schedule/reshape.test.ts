// reshape: rewritten indices (goldens), unchanged results for parameters, locals and results, misuse.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { caller, gemm, mm, stencil, twoStage } from "./kernels.ts";
import { caught, scheduled } from "./support.ts";

test("reshape splits a dimension (Allo's (10, 10) -> (2, 5, 2, 5) style)", () => {
  const s = scheduled("reshape/split_dims", gemm, (s) => s.reshape("A", [2, 4, 2, 3]));
  assert.deepEqual(s.ir.functions[0].buffers.A.shape, [2, 4, 2, 3]);
});

test("reshape flattens, and regroups dimensions that do not line up", () => {
  scheduled("reshape/flatten", mm, (s) => s.reshape("B", [80]));
  scheduled("reshape/regroup", stencil, (s) => s.reshape("A", [4, 30]));
});

test("reshape of a returned buffer and of a local", () => {
  scheduled("reshape/result_local", twoStage, (s) => {
    s.reshape("B", [36]);
    s.reshape("T", [3, 2, 6]);
  });
});

test("reshape to the same shape is a no-op and a reshaped buffer can be partitioned", () => {
  const s = customize(gemm);
  s.reshape("C", [8, 10]);
  assert.equal(s.steps[0].changed, false);
  s.reshape("C", [80]).partition("C", { type: "cyclic", dim: 1, factor: 4 });
});

test("reshape errors: element count, bad shapes, partitioned buffers, call interfaces", () => {
  const count = caught(() => customize(gemm).reshape("A", [7, 7]));
  assert.equal(count.code, "AL3013");
  assert.match(count.message, /'A' has shape \[8, 6\] \(48 elements\); the new shape \[7, 7\] has 49/);
  assert.equal(caught(() => customize(gemm).reshape("A", [])).code, "AL3013");
  assert.equal(caught(() => customize(gemm).reshape("A", [48.5])).code, "AL3013");
  assert.equal(caught(() => customize(gemm).partition("A").reshape("A", [48])).code, "AL3013");
  const call = caught(() => customize(caller).reshape("Y", [20]));
  assert.equal(call.code, "AL3013");
  assert.match(call.message, /'Y' is passed to or returned from 'scale'/);
});

test("reshape refuses a callee's parameter (its callers' buffers would no longer fit)", () => {
  const e = caught(() => customize(caller).reshape("scale:Y", [20]));
  assert.equal(e.code, "AL3013");
  assert.match(e.message, /'Y' is a parameter of 'scale', which is called by other functions/);
});
