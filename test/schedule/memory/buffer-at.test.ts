// bufferAt: Allo's row-wise GEMM shape, write buffers loaded from the original (exact for output
// parameters that accumulate), scalar registers, read buffers, 2-D tiles; goldens and bit-exact runs.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ForStmt, Stmt } from "../../../src/ir/nodes.ts";
import { verifyModules } from "../../../src/verify/index.ts";
import { scheduled } from "../support.ts";
import { bmm, gemm, mm } from "./kernels.ts";

const head = (body: readonly Stmt[]) => body.find((s): s is ForStmt => s.kind === "for")!;
const shape = (b: readonly Stmt[]) => b.map((s) => (s.kind === "for" ? s.name : s.kind));

test("reorder, bufferAt, pipeline gives Allo's row-wise GEMM i { j_init; k { j }; j_back }, proven equivalent", () => {
  const s = scheduled("memory/buffer_at_gemm", gemm, (s) => {
    s.reorder("k", "j");
    s.bufferAt("C", "i");
    s.pipeline("j");
  });
  const i = head(s.ir.functions[0].body);
  assert.deepEqual(shape(i.body), ["alloc", "j_init", "k", "j_back"]);
  const [, init, k, back] = i.body as [Stmt, ForStmt, ForStmt, ForStmt];
  assert.deepEqual(init.attrs, { buffer: true, pipelineII: 1 });
  assert.deepEqual(back.attrs, { buffer: true, pipelineII: 1 });
  assert.equal((k.body[0] as ForStmt).attrs.pipelineII, 1);
  assert.deepEqual(s.ir.functions[0].buffers.C_buf.shape, [10]);
  assert.equal(verifyModules(s.original, s.ir).status, "equivalent");
});

test("bufferAt of an accumulated output parameter continues from its initial value", () => {
  const s = scheduled("memory/buffer_at_mm_i", mm, (s) => {
    const h = s.bufferAt("C", "i");
    assert.equal(h.buffer, "C_buf");
  });
  assert.deepEqual(shape(head(s.ir.functions[0].body).body), ["alloc", "j_init", "j", "j_back"]);
});

test("bufferAt at the innermost non-reduction loop keeps a scalar register", () => {
  const s = scheduled("memory/buffer_at_mm_j", mm, (s) => s.bufferAt("C", "j"));
  assert.deepEqual(s.ir.functions[0].buffers.C_buf.shape, []);
  const j = head(head(s.ir.functions[0].body).body);
  assert.deepEqual(shape(j.body), ["alloc", "store", "k", "store"]);
});

test("bufferAt of read-only buffers copies what one iteration reads, with no write-back", () => {
  const s = scheduled("memory/buffer_at_mm_read", mm, (s) => {
    s.bufferAt("A", "j");
    s.bufferAt("B", "j");
  });
  const f = s.ir.functions[0];
  assert.deepEqual(f.buffers.A_buf.shape, [24]);
  assert.deepEqual(f.buffers.B_buf.shape, [24]);
  assert.deepEqual(shape(head(head(f.body).body).body), ["alloc", "k_init", "alloc", "k_init", "k"]);
});

test("bufferAt at an outer loop buffers a 2-D tile with nested init and write-back loops", () => {
  const s = scheduled("memory/buffer_at_bmm", bmm, (s) => s.bufferAt("C", "b"));
  const f = s.ir.functions[0];
  assert.deepEqual(f.buffers.C_buf.shape, [4, 3]);
  const b = head(f.body);
  const init = b.body[1] as ForStmt;
  assert.equal(init.name, "i_init");
  assert.equal((init.body[0] as ForStmt).name, "j_init");
  assert.deepEqual((init.body[0] as ForStmt).attrs, { pipelineII: 1 });
});

test("bufferAt composes with itself at different levels", () => {
  scheduled("memory/buffer_at_twice", gemm, (s) => {
    s.reorder("k", "j");
    s.bufferAt("C", "i");
    s.bufferAt("A", "k");
  });
});
