// reuseAt: line and window buffers for sliding-window reads (blur along x, y, both; 3-D; a chained
// line + window buffer for a 3x3 convolution); IR goldens and bit-exact runs against the plain kernel.
import assert from "node:assert/strict";
import { test } from "node:test";
import { verifyModules } from "../../../src/verify/index.ts";
import { scheduled } from "../support.ts";
import { blur3d, blurX, blurXY, blurY, conv } from "./kernels.ts";

test("reuseAt along x keeps a 3-element window (Allo's blur_x)", () => {
  const s = scheduled("memory/reuse_at_blur_x", blurX, (s) => {
    const rb = s.reuseAt("A", "x");
    assert.equal(rb.buffer, "S_y_x_0_reuse_1");
  });
  assert.deepEqual(s.ir.functions[0].buffers.S_y_x_0_reuse_1.shape, [3]);
});

test("reuseAt along y keeps three rows: a line buffer", () => {
  const s = scheduled("memory/reuse_at_blur_y", blurY, (s) => s.reuseAt("A", "y"));
  assert.deepEqual(s.ir.functions[0].buffers.S_y_x_0_reuse_0.shape, [3, 10]);
});

test("reuseAt chains: the line buffer reused along x gives a window buffer", () => {
  const s = scheduled("memory/reuse_at_blur_xy", blurXY, (s) => {
    const lb = s.reuseAt("A", "y");
    s.reuseAt(lb, "x");
  });
  const { buffers } = s.ir.functions[0];
  assert.deepEqual(buffers.S_y_x_0_reuse_0.shape, [3, 10]);
  assert.deepEqual(buffers.S_y_x_0_reuse_1.shape, [3, 3]);
});

test("reuseAt on a 3-D array keeps the inner channel dimension whole", () => {
  const s = scheduled("memory/reuse_at_blur3d", blur3d, (s) => s.reuseAt("A", "x"));
  assert.deepEqual(s.ir.functions[0].buffers.S_y_x_c_0_reuse_1.shape, [3, 2]);
});

test("line and window buffers for a float 3x3 convolution, partitioned like Allo's test", () => {
  const s = scheduled("memory/reuse_at_conv", conv, (s) => {
    const lb = s.reuseAt("A", "y");
    const wb = s.reuseAt(lb, "x");
    s.partition(lb, { dim: 1 });
    s.partition(wb);
  });
  const { buffers } = s.ir.functions[0];
  assert.deepEqual(buffers.S_y_x_0_reuse_0.shape, [3, 10]);
  assert.deepEqual(buffers.S_y_x_0_reuse_1.shape, [3, 3]);
  assert.equal(verifyModules(s.original, s.ir).status, "equivalent");
});
