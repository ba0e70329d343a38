// A spatial region nested inside a PE unit, with a relay stream the unit allocates: the outer region
// must not check (or even name) the inner region's streams, and the design must still compute the
// plain kernel's result.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../../src/index.ts";
import { bmm } from "../../schedule/fuzz/kernels.ts";
import { fillInt, rng } from "../../support/random.ts";

test("relay inside an unfolded PE of an unfolded band runs and matches the plain kernel", () => {
  const s = customize(bmm);
  s.unfold("S_b_i_j_k_0", { axis: [1], factor: [3] });
  s.bufferAt("bmm:A", "S_b_i_j_k_0_2:j");
  s.unfold("S_b_i_j_k_0_2", { axis: [0, 1] });
  s.relay("A_buf", "S_b_i_j_k_0_2", { axis: 0 });
  const r = rng(5);
  const A = fillInt(new Int8Array(24), r, -128, 127);
  const B = fillInt(new Int8Array(24), r, -128, 127);
  assert.deepEqual(s.build()(A, B), customize(bmm).build()(A, B));
});
