// The MLIR layout maps/attributes and the HLS array_partition pragmas read their layouts from the one
// layout module: for random shapes and partition sequences both spell exactly layoutOf's elements
// (extent-1 dimensions and factor-1 partitions stay unpartitioned, block factors are normalised).
import assert from "node:assert/strict";
import { test } from "node:test";
import { partitionPragmas } from "../../src/backends/hls/pragmas.ts";
import { layoutMap, layoutText as mlirLayoutText } from "../../src/backends/mlir/types.ts";
import { isUnpartitioned, layoutOf, layoutText } from "../../src/ir/analysis/layout.ts";
import type { BufferDecl, Partition, PartitionType } from "../../src/ir/nodes.ts";

const TYPES: readonly PartitionType[] = ["complete", "block", "cyclic"];

test("MLIR and HLS spell the layout module's layouts", () => {
  let seed = 7;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % k;
  };
  for (let trial = 0; trial < 400; trial++) {
    const shape = Array.from({ length: 1 + rand(3) }, () => 1 + rand(12));
    const partitions: Partition[] = Array.from({ length: rand(3) }, () => ({
      type: TYPES[rand(3)],
      dim: rand(shape.length + 1),
      factor: 1 + rand(14),
    }));
    const b: BufferDecl = {
      name: "A",
      type: { kind: "int", bits: 32, signed: true },
      shape,
      role: "param",
      partitions,
    };
    const l = layoutOf(shape, partitions);
    const where = `${JSON.stringify(shape)} ${JSON.stringify(partitions)}`;
    assert.equal(mlirLayoutText(b), isUnpartitioned(l) ? undefined : layoutText(l), where);
    assert.equal(layoutMap(b) === undefined, isUnpartitioned(l), where);
    const expected = l.flatMap((d, k) => {
      if (d.kind === "none") return [];
      const factor = d.kind === "complete" ? "" : ` factor=${d.factor}`;
      return [`array_partition variable=A ${d.kind} dim=${k + 1}${factor}`];
    });
    assert.deepEqual(partitionPragmas(b, "A"), expected, where);
  }
});

test("an extent-1 dimension is never partitioned, in MLIR as in HLS", () => {
  const b: BufferDecl = {
    name: "A",
    type: { kind: "int", bits: 32, signed: true },
    shape: [1, 4],
    role: "param",
    partitions: [{ type: "complete", dim: 0, factor: 0 }],
  };
  assert.equal(mlirLayoutText(b), "[none, complete]");
  assert.equal(layoutMap(b), "affine_map<(d0, d1) -> (0, d1, d0, 0)>");
  assert.deepEqual(partitionPragmas(b, "A"), ["array_partition variable=A complete dim=2"]);
});
