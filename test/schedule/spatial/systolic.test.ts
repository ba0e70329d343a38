// The seed's systolic array and its three dataflows, int8 x int8 -> int16 at 4 x 4 x 8 (sums wrap),
// run as Kahn networks on the CPU backend and compared bit for bit with the plain matmul; FIFO depths
// down to 1; IR goldens of the designs at 2 x 2 x 3.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Schedule } from "../../../src/index.ts";
import type { SpatialStmt } from "../../../src/ir/nodes.ts";
import { verifyModules } from "../../../src/verify/index.ts";
import { scheduled } from "../support.ts";
import { fmm, K, M, matmul, matmul2, N } from "./kernels.ts";
import { runsLikePlain, spatialIJ, spatialJ, spatialKJ } from "./support.ts";

const seed = { M, N, K };
const small = { M: 2, N: 2, K: 3 };
const region = (s: Schedule) => s.ir.functions[0].body.find((x) => x.kind === "spatial") as SpatialStmt;
const streams = (s: Schedule) =>
  Object.values(s.ir.functions[0].buffers)
    .filter((b) => b.stream)
    .map((b) => `${b.name} [${b.shape.join(", ")}] depth ${b.stream?.depth}`);

test("spatial i, j (output-stationary): A along rows, B along columns", () => {
  const s = runsLikePlain(matmul, (s) => spatialIJ(s, seed), "spatial i, j");
  assert.deepEqual(streams(s), ["A_fifo [4, 4] depth 5", "B_fifo [4, 4] depth 5"]);
  assert.deepEqual(
    region(s)
      .units.slice(0, 3)
      .map((u) => u.name),
    ["A_load", "B_load", "PE_0_0"],
  );
  assert.equal(s.ir.functions[0].attrs.dataflow, true);
});

test("spatial k, j (weight-stationary): partial sums of C flow along k", () => {
  const s = runsLikePlain(matmul, (s) => spatialKJ(s, seed), "spatial k, j");
  assert.deepEqual(streams(s), ["A_fifo [8, 4] depth 4", "C_fifo [9, 4] depth 4"]);
  assert.deepEqual(
    region(s)
      .units.slice(0, 2)
      .map((u) => u.name),
    ["A_load", "C_io"],
  );
});

test("spatial j (1-D): A forwarded through every PE, B fed to each PE", () => {
  const s = runsLikePlain(matmul, (s) => spatialJ(s, seed), "spatial j");
  assert.deepEqual(streams(s), ["A_fifo [4] depth 8", "B_fifo [4] depth 8"]);
});

test("every dataflow is exact with FIFOs of depth 1 and 2", () => {
  for (const depth of [1, 2]) {
    runsLikePlain(matmul, (s) => spatialIJ(s, seed, depth), `spatial i, j depth ${depth}`);
    runsLikePlain(matmul, (s) => spatialKJ(s, seed, depth), `spatial k, j depth ${depth}`);
    runsLikePlain(matmul, (s) => spatialJ(s, seed, depth), `spatial j depth ${depth}`);
  }
});

test("spatial j with two PEs, each handling two columns", () => {
  runsLikePlain(matmul, (s) => spatialJ(s, seed, 1, 2), "spatial j, factor 2");
});

test("a float32 output-stationary array on a rectangular 3 x 5 grid", () => {
  runsLikePlain(fmm, (s) => spatialIJ(s, { M: 3, N: 5, K: 4 }), "float spatial i, j");
});

const proven = (s: Schedule) => assert.equal(verifyModules(s.original, s.ir).status, "equivalent");

test("IR of the output-stationary design at 2 x 2 x 3, proven equivalent by the verifier", () => {
  proven(scheduled("spatial/systolic_ij", matmul2, (s) => spatialIJ(s, small)));
});

test("IR of the weight-stationary design at 2 x 2 x 3, proven equivalent by the verifier", () => {
  proven(scheduled("spatial/systolic_kj", matmul2, (s) => spatialKJ(s, small)));
});

test("IR of the 1-D design at 2 x 2 x 3, proven equivalent by the verifier", () => {
  proven(scheduled("spatial/systolic_j", matmul2, (s) => spatialJ(s, small)));
});
