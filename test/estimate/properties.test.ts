// Monotonicity of the model over random shapes and schedules: pipelining a loop without a recurrence
// never makes its nest slower, and partitioning an array into more banks (each factor a multiple of the
// last) never raises the II its ports allow.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize, type Estimate } from "allo-ts";
import { randInt, rng } from "../support/random.ts";

const kernel = (m: number, n: number) => `
import { type float32, grid, zeros } from "allo-ts";
export function ew(A: float32<[${m}, ${n}]>): float32<[${m}, ${n}]> {
  const B: float32<[${m}, ${n}]> = zeros();
  for (const [i, j] of grid(${m}, ${n})) B[i][j] = A[i][j] * 2.0 + A[i][j];
  return B;
}`;

/** The row of the i/j nest: the sequential i row or the flattened i*j row. */
const nest = (e: Estimate) => {
  const r = e.loops.find((l) => l.label.startsWith("l_S_i_j_0_i"));
  assert.ok(r);
  return r;
};

test("adding pipeline (on i or on j) never increases the latency of a nest without a recurrence", () => {
  const r = rng(14);
  for (let t = 0; t < 40; t++) {
    const m = randInt(r, 1, 70);
    const n = randInt(r, 1, 40);
    const unroll = [1, 2, 4][randInt(r, 0, 2)];
    const banks = [1, 2, 4, 8][randInt(r, 0, 3)];
    const make = () => {
      const s = customize(kernel(m, n), { name: "ew" });
      if (unroll > 1 && unroll < n) s.unroll("j", unroll);
      if (banks > 1 && banks < n) {
        s.partition("A", { type: "cyclic", dim: 2, factor: banks });
        s.partition("B", { type: "cyclic", dim: 2, factor: banks });
      }
      return s;
    };
    const before = nest(make().estimate()).latency;
    for (const loop of ["i", "j"]) {
      const s = make();
      s.pipeline(loop);
      const after = nest(s.estimate()).latency;
      assert.ok(
        after <= before,
        `${m}x${n} unroll ${unroll} banks ${banks}, pipeline ${loop}: ${after} > ${before}`,
      );
    }
  }
});

test("more banks never raise ResMII: II of a pipelined row over cyclic factors 1, 2, 4, 8, 16, 32", () => {
  const r = rng(7);
  for (let t = 0; t < 12; t++) {
    const m = randInt(r, 2, 40);
    const n = 32;
    const unroll = [4, 8, 16][randInt(r, 0, 2)];
    let last = Number.POSITIVE_INFINITY;
    const seen = new Set<number>();
    for (const f of [1, 2, 4, 8, 16, 32]) {
      const s = customize(kernel(m, n), { name: "ew" });
      s.unroll("j", unroll);
      s.pipeline("j");
      if (f > 1) s.partition("A", { type: "cyclic", dim: 2, factor: f });
      if (f > 1) s.partition("B", { type: "cyclic", dim: 2, factor: f });
      // The kernel alone, whose interface arrays keep the given banks (no automatic partitioning).
      const ii = nest(s.estimate({ wrapIo: false })).ii ?? 0;
      seen.add(ii);
      assert.ok(ii <= last, `${m}x${n} unroll ${unroll}: factor ${f} gives II ${ii} > ${last}`);
      last = ii;
    }
    assert.ok(seen.size > 1, "the banks changed nothing: the test would not see a regression");
  }
});
