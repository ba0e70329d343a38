// reuseAt on a loop made by split (Allo's test_conv2D_lb_wb_schedule: the window index carries the
// outer loop, `4 * x.outer + x.inner + c`) and with stride 2 (test_conv2D_lb_wb_stride_2: the window
// moves two rows per iteration): each schedule runs bit-exactly like the plain kernel on the CPU, is
// proven equivalent, and its reads come from the reuse buffers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AlloError, customize, verify } from "../../../src/index.ts";
import type { Module } from "../../../src/ir/nodes.ts";
import { stmtExprs, visitStmts, walkExpr } from "../../../src/ir/walk.ts";
import { assertSameRun } from "../support.ts";
import { conv2D, conv2DStride2 } from "./kernels.ts";

/** The buffers the innermost statement (the accumulation) reads. */
function readsOfSum(m: Module): Set<string> {
  const out = new Set<string>();
  visitStmts(m.functions[0].body, (s) => {
    if (s.kind === "store" && s.buffer === "v")
      for (const e of stmtExprs(s)) walkExpr(e, (x) => x.kind === "load" && out.add(x.buffer));
  });
  return out;
}

test("line and window buffers after tiling x (Allo's test_conv2D_lb_wb_schedule)", () => {
  const s = customize(conv2D);
  s.split("x", 4);
  s.reorder("x.outer", "y", "x.inner");
  const lb = s.reuseAt("A", "y");
  const wb = s.reuseAt(lb, "x.inner");
  s.partition(lb, { dim: 2 });
  s.partition(wb);
  s.reshape("B", [8, 2, 4]);
  s.pipeline("y");
  const { buffers } = s.ir.functions[0];
  assert.deepEqual(buffers[lb.buffer].shape, [3, 10]);
  assert.deepEqual(buffers[wb.buffer].shape, [3, 3]);
  assert.deepEqual([...readsOfSum(s.ir)], ["v", wb.buffer]);
  assertSameRun(s.original, s.ir, "tiled line + window buffer", [1, 2, 3]);
  const r = verify(s.original, s.ir);
  assert.equal(r.status, "equivalent", r.reason);
});

test("line and window buffers with stride 2 (Allo's test_conv2D_lb_wb_stride_2)", () => {
  const s = customize(conv2DStride2);
  const lb = s.reuseAt("A", "y");
  const wb = s.reuseAt(lb, "x");
  const { buffers } = s.ir.functions[0];
  assert.deepEqual(buffers[lb.buffer].shape, [3, 10]);
  assert.deepEqual(buffers[wb.buffer].shape, [3, 3]);
  assert.deepEqual([...readsOfSum(s.ir)], ["v", wb.buffer]);
  assertSameRun(s.original, s.ir, "stride-2 line + window buffer", [1, 2, 3]);
  const r = verify(s.original, s.ir);
  assert.equal(r.status, "equivalent", r.reason);
});

test("reuseAt refuses reads at different strides or bases, and a stride past the window", () => {
  const refused = (body: string, loop: string, says: RegExp) => {
    const src = `import { int32, grid, reduction, zeros } from "allo-ts";\nexport function k(A: int32<[20, 20]>): int32<[4, 4]> {\n  const B: int32<[4, 4]> = zeros();\n  for (const [y, x] of grid(4, 4)) {\n    let v: int32 = 0;\n    for (const [r, c] of reduction(2, 2)) {\n      ${body}\n    }\n    B[y][x] = v;\n  }\n  return B;\n}`;
    const s = customize(src, { name: "k", file: "k.ts" });
    assert.throws(
      () => s.reuseAt("A", loop),
      (e: unknown) => e instanceof AlloError && e.code === "AL3015" && says.test(e.message),
    );
  };
  refused("v += A[y][x * 2 + c] + A[y][x * 3 + c];", "x", /different strides/);
  refused("v += A[y][x + c + y] + A[y][x + c];", "x", /different expressions of the loops around 'x'/);
  refused("v += A[y][x * 3 + c];", "x", /nothing to reuse/);
});
