// fuse: IR goldens, bit-exact runs, names and handles, and misuse.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { gemm, mm, stencil, tri } from "./kernels.ts";
import { caught, scheduled } from "./support.ts";

test("fuse of two loops names the result i_j_fused and keeps the band name", () => {
  const s = scheduled("fuse/gemm_ij", gemm, (s) => {
    const f = s.fuse("i", "j");
    assert.equal(f.name, "i_j_fused");
  });
  assert.deepEqual(Object.keys(s.getLoops().S_i_j_k_0), ["i_j_fused", "k"]);
});

test("fuse of a whole band and of loops with lower bounds", () => {
  scheduled("fuse/gemm_ijk", gemm, (s) => s.fuse("i", "j", "k"));
  scheduled("fuse/stencil_ij", stencil, (s) => s.fuse("i", "j"));
});

test("fuse undoes a divisible split and composes with reorder and pipeline", () => {
  scheduled("fuse/mm_split_fuse", mm, (s) => {
    const [ko, ki] = s.split("k", 5);
    const k = s.fuse(ko, ki);
    s.reorder(k, "j");
    s.pipeline("j");
  });
});

test("fuse of the outer loops of a triangular nest keeps its dynamic inner loop", () => {
  scheduled("fuse/tri_split", tri, (s) => {
    const [io, ii] = s.split("i", 2);
    s.fuse(io, ii);
  });
});

test("fuse needs consecutive perfectly nested loops, outer to inner", () => {
  for (const loops of [
    ["i", "k"],
    ["j", "i"],
  ]) {
    const e = caught(() => customize(gemm).fuse(...loops));
    assert.equal(e.code, "AL3004");
    assert.match(e.message, /not consecutive perfectly nested loops/);
  }
  assert.equal(caught(() => customize(gemm).fuse("i")).code, "AL3004");
});

test("fuse needs constant inner trip counts", () => {
  const e = caught(() => customize(tri).fuse("i", "j"));
  assert.equal(e.code, "AL3011");
  assert.match(e.message, /loop 'j' needs a constant trip count .*\(its bounds depend on loop 'i'\)/);
});

test("handles of fused loops are stale", () => {
  const s = customize(gemm);
  const [io, ii] = s.split("i", 4);
  s.fuse(io, ii);
  const stale = caught(() => s.split(ii, 2));
  assert.equal(stale.code, "AL3001");
  assert.match(
    stale.message,
    /the loop handle 'i.inner' of gemm no longer names a loop .* loops now: i.outer_i.inner_fused, j, k/,
  );
});
