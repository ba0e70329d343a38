// The layout errors' full text (goldens): AL3401 (one schedule partitions a dimension twice), AL3402
// (incompatible requirements across a call: both partition sites, both layouts, the call bindings, the
// join and the fix) and AL3403 (a stream bound to a partitioned buffer, checked on hand-built IR since
// no primitive binds a stream to a callee parameter yet).
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import type { BufferDecl, Module } from "../../src/ir/nodes.ts";
import { withLayouts } from "../../src/schedule/layouts.ts";
import { caught } from "../schedule/support.ts";
import { assertGolden } from "../support/golden.ts";
import { ffn, linear } from "./fixtures/ffn.ts";
import { matmul, top2 } from "./fixtures/seed.ts";

test("AL3401: one schedule partitions the same dimension twice", () => {
  const e = caught(() =>
    customize(matmul).partition("C", { dim: 1 }).partition("C", { type: "cyclic", dim: 1, factor: 2 }),
  );
  assert.equal(e.code, "AL3401");
  assertGolden("diagnostics/layout_partition_twice.txt", e.message);
});

test("AL3402: the seed's rows vs columns across two instances, at the compose that completes it", () => {
  const s1 = customize(matmul).partition("C", { type: "complete", dim: 1 });
  const s2 = customize(matmul).partition("A", { type: "complete", dim: 2 });
  const sTop = customize(top2).compose(s1, { id: "mm1" });
  const e = caught(() => sTop.compose(s2, { id: "mm2" }));
  assert.equal(e.code, "AL3402");
  assertGolden("diagnostics/layout_incompatible.txt", e.message);
});

test("AL3402 through a returned buffer: the fix names the caller's call result", () => {
  const sF = customize(ffn).compose(
    customize(linear).partition("outp", { type: "block", dim: 2, factor: 2 }),
  );
  const e = caught(() => sF.partition("add1", { type: "cyclic", dim: 2, factor: 2 }));
  assert.equal(e.code, "AL3402");
  assertGolden("diagnostics/layout_incompatible_return.txt", e.message);
});

test("AL3403: a stream in a partitioned class", () => {
  const m = customize(top2).partition("matmul_mm1:C", { type: "cyclic", dim: 1, factor: 2 }).ir;
  const top = m.functions.find((f) => f.name === "top2")!;
  const Y: BufferDecl = { ...top.buffers.Y, stream: { depth: 2 } };
  const streamed: Module = {
    ...m,
    functions: m.functions.map((f) => (f === top ? { ...f, buffers: { ...f.buffers, Y } } : f)),
  };
  const e = caught(() => withLayouts(streamed));
  assert.equal(e.code, "AL3403");
  assertGolden("diagnostics/layout_stream.txt", e.message);
});
