// split: IR goldens, bit-exact runs against the unscheduled kernel, handles, attributes and misuse.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { findLoop } from "../../src/schedule/primitives/util/loops.ts";
import { gemm, mm, stencil, tri } from "./kernels.ts";
import { caught, scheduled } from "./support.ts";

test("split of a divisible loop keeps constant bounds and the band name on the outer loop", () => {
  const s = scheduled("split/gemm_i4", gemm, (s) => s.split("i", 4));
  const head = s.ir.functions[0].body.find((x) => x.kind === "for")!;
  assert.equal(head.kind === "for" && head.name, "i.outer");
  assert.equal(head.kind === "for" && head.attrs.opName, "S_i_j_k_0");
});

test("split of a non-divisible loop bounds the last tile with a min", () => {
  scheduled("split/gemm_j4", gemm, (s) => s.split("j", 4));
  scheduled("split/stencil_j3", stencil, (s) => s.split("j", 3));
});

test("split of loops with a lower bound, a step and triangular bounds", () => {
  scheduled("split/tri_i3", tri, (s) => s.split("i", 3));
  scheduled("split/tri_j2", tri, (s) => s.split("j", 2));
});

test("split returns outer and inner handles usable in later steps", () => {
  scheduled("split/mm_handles", mm, (s) => {
    const [outer, inner] = s.split("k", 8);
    assert.equal(outer.name, "k.outer");
    assert.equal(inner.name, "k.inner");
    const again = s.split(inner, 2);
    assert.equal(again.outer.name, "k.inner.outer");
    s.pipeline(again.inner);
  });
});

test("split by 1 and by more than the trip count are exact", () => {
  scheduled("split/gemm_by1", gemm, (s) => s.split("k", 1));
  scheduled("split/gemm_by100", gemm, (s) => s.split("i", 100));
});

test("split moves pipeline and unroll to the inner loop", () => {
  const s = customize(gemm);
  s.pipeline("k", { ii: 2 }).unroll("k", 2);
  const { inner, outer } = s.split("k", 3);
  const loops = s.getLoops().S_i_j_k_0;
  assert.equal(loops["k.inner"].iv, inner.iv);
  const find = (iv: string) => findLoop(s.ir.functions[0], iv)!.loop;
  assert.deepEqual(find(inner.iv).attrs, { pipelineII: 2, unroll: 2 });
  assert.deepEqual(find(outer.iv).attrs, {});
});

test("split rejects factors below 1 and fractional factors", () => {
  for (const f of [0, -2, 2.5]) {
    const e = caught(() => customize(gemm).split("i", f));
    assert.equal(e.code, "AL3005");
    assert.match(e.message, /split: the factor of loop 'i' must be a positive integer/);
  }
});
