// partition: layouts in the IR (goldens), unchanged results, dim conventions, and misuse.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { caller, gemm, mm, stencil } from "./kernels.ts";
import { caught, scheduled } from "./support.ts";

/** A buffer's partitions without their provenance (which schedule asked, where). */
const parts = (s: ReturnType<typeof customize>, fn: string, buf: string) =>
  s.ir.functions
    .find((f) => f.name === fn)!
    .buffers[buf].partitions.map(({ type, dim, factor }) => ({ type, dim, factor }));

test("complete, block and cyclic partitions, by dimension and of all dimensions", () => {
  const s = scheduled("partition/kinds", gemm, (s) => {
    s.partition("A", { type: "block", dim: 1, factor: 2 });
    s.partition("A", { type: "cyclic", dim: 2, factor: 3 });
    s.partition("B");
    s.partition("C", { dim: 2 });
  });
  assert.deepEqual(parts(s, "gemm", "A"), [
    { type: "block", dim: 1, factor: 2 },
    { type: "cyclic", dim: 2, factor: 3 },
  ]);
  assert.deepEqual(parts(s, "gemm", "B"), [{ type: "complete", dim: 0, factor: 0 }]);
});

test("a dim list names 0-based axes (the seed's partition(C, dim=[0, 1]))", () => {
  const s = scheduled("partition/dim_list", mm, (s) => {
    s.partition("A", { dim: 0 });
    s.partition("B", { dim: 1 });
    s.partition("C", { dim: [0, 1] });
  });
  assert.deepEqual(
    parts(s, "mm", "C").map((p) => p.dim),
    [1, 2],
  );
});

test("partitions reach buffers of other functions by qualified name", () => {
  const s = scheduled("partition/callee", caller, (s) =>
    s.partition("scale:X", { type: "cyclic", dim: 2, factor: 2 }),
  );
  assert.equal(parts(s, "scale", "X").length, 1);
  assert.equal(parts(s, "caller", "X").length, 0);
});

test("a repeated complete partition of every dimension is a no-op", () => {
  const s = customize(stencil);
  s.partition("A").partition("A");
  assert.deepEqual(
    s.steps.map((x) => x.changed),
    [true, false],
  );
});

test("partitioning a dimension twice, or mixing dim 0 with a dimension, is AL3401", () => {
  const twice = caught(() =>
    customize(gemm).partition("A", { dim: 1 }).partition("A", { type: "cyclic", dim: 1, factor: 2 }),
  );
  assert.equal(twice.code, "AL3401");
  assert.match(twice.message, /dimension 1 of 'A' is already partitioned \(a complete partition of dim 1\)/);
  const mixed = caught(() => customize(gemm).partition("A", { dim: 2 }).partition("A"));
  assert.equal(mixed.code, "AL3401");
  assert.match(mixed.message, /dim 0 \(all dimensions\) cannot be mixed/);
  const mixedBack = caught(() => customize(gemm).partition("A").partition("A", { dim: 2 }));
  assert.equal(mixedBack.code, "AL3401");
  const blockAll = caught(() =>
    customize(gemm).partition("A", { type: "block", factor: 2 }).partition("A", { type: "block", factor: 2 }),
  );
  assert.equal(blockAll.code, "AL3401");
});

test("dims out of range, bad types and bad factors are rejected", () => {
  const out = caught(() => customize(gemm).partition("A", { dim: 3 }));
  assert.equal(out.code, "AL3006");
  assert.match(
    out.message,
    /dim 3 is out of range for 'A' of shape \[8, 6\]: use 0 \(all dimensions\) or 1..2/,
  );
  assert.equal(caught(() => customize(gemm).partition("A", { dim: [2] })).code, "AL3006");
  assert.equal(caught(() => customize(gemm).partition("A", { dim: [0, 0] })).code, "AL3006");
  assert.equal(caught(() => customize(gemm).partition("A", { dim: -1 })).code, "AL3006");
  const type = caught(() => customize(gemm).partition("A", { type: "banked" as "block" }));
  assert.equal(type.code, "AL3019");
  assert.match(
    type.message,
    /option 'type' must be one of "complete", "block", "cyclic"; got the string "banked"/,
  );
  assert.equal(caught(() => customize(gemm).partition("A", { type: "cyclic", dim: 1 })).code, "AL3404");
  assert.equal(
    caught(() => customize(gemm).partition("A", { type: "block", dim: 1, factor: 0 })).code,
    "AL3404",
  );
  assert.equal(caught(() => customize(gemm).partition("Q")).code, "AL3003");
});
