// unfold: PE grids with constant indices, tiling factors, inner-axis unfolding, the grid record that
// relay reads, fresh loop variables per copy; goldens and bit-exact runs against the plain kernel.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { SpatialStmt } from "../../../src/ir/nodes.ts";
import { scheduled } from "../support.ts";
import { fmm, M, matmul, matmul2, N } from "./kernels.ts";

const region = (s: { ir: { functions: readonly { body: readonly { kind: string }[] }[] } }) =>
  s.ir.functions[0].body.find((x) => x.kind === "spatial") as SpatialStmt;

test("unfold of both band axes gives one PE per (i, j) with constant indices", () => {
  const s = scheduled("spatial/unfold_ij", matmul2, (s) => {
    const pe = s.unfold("PE", { axis: [0, 1], factor: [2, 2] });
    assert.deepEqual([pe.name, ...pe.extents], ["PE", 2, 2]);
  });
  const r = region(s);
  assert.deepEqual(
    r.units.map((u) => [u.name, ...(u.coords ?? [])]),
    [
      ["PE_0_0", 0, 0],
      ["PE_0_1", 0, 1],
      ["PE_1_0", 1, 0],
      ["PE_1_1", 1, 1],
    ],
  );
  assert.deepEqual(r.grid, { band: "PE", loops: ["i", "j", "k"], axes: [0, 1], extents: [2, 2] });
});

test("unfold of the seed's size runs bit-exact (int16 sums wrap)", () => {
  scheduled("spatial/unfold_seed", matmul, (s) => s.unfold("PE", { axis: [0, 1], factor: [M, N] }));
});

test("unfold of an inner axis alone interchanges it outward (the seed's spatial j)", () => {
  const s = scheduled("spatial/unfold_j", matmul, (s) => s.unfold("PE", { axis: 1, factor: M }));
  assert.deepEqual(
    region(s).units.map((u) => u.name),
    ["PE_0", "PE_1", "PE_2", "PE_3"],
  );
});

test("a factor below the trip count tiles: each PE runs a contiguous block", () => {
  const s = scheduled("spatial/unfold_tiled", fmm, (s) => s.unfold("PE", { axis: [0, 1], factor: [3, 1] }));
  assert.equal(region(s).units.length, 3);
});

test("each PE copy gets fresh loop variables and suffixed inner band names", () => {
  const s = scheduled("spatial/unfold_names", matmul2, (s) => s.unfold("PE", { axis: [0, 1] }));
  const ks = region(s).units.map((u) => {
    const k = u.body[0] as { iv: string; attrs: { opName?: string } };
    return [k.iv, k.attrs.opName];
  });
  assert.deepEqual(ks, [
    ["k_0_0", "S_k_0_0_0"],
    ["k_0_1", "S_k_0_0_1"],
    ["k_1_0", "S_k_0_1_0"],
    ["k_1_1", "S_k_0_1_1"],
  ]);
});
