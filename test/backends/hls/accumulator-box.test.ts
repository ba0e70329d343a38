// pairwiseDisjoint sweeps along the first index instead of comparing every pair of PE footprints: it
// must say exactly what the pairwise comparison says, for grids of tiles and for random boxes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { pairwiseDisjoint } from "../../../src/backends/hls/accumulator-box.ts";
import type { Range } from "../../../src/ir/analysis/range.ts";

const everyPair = (prints: readonly (readonly Range[])[]): boolean =>
  prints.every((a, i) =>
    prints.slice(i + 1).every((b) => a.some((r, d) => r[1] < b[d][0] || b[d][1] < r[0])),
  );

/** A deterministic generator (the test must fail the same way every run). */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

test("a grid of 2x2 tiles is disjoint; one overlapping tile anywhere is found", () => {
  const grid: Range[][] = [];
  for (let p = 0; p < 64; p++)
    for (let q = 0; q < 64; q++)
      grid.push([
        [BigInt(2 * p), BigInt(2 * p + 1)],
        [BigInt(2 * q), BigInt(2 * q + 1)],
      ]);
  assert.equal(pairwiseDisjoint(grid), true);
  const shifted = grid.map((b, k) => (k === 2_000 ? [b[0], [b[1][0] + 1n, b[1][1] + 1n] as Range] : b));
  assert.equal(pairwiseDisjoint(shifted), false);
});

test("random boxes in one, two and three dimensions: the sweep agrees with every pair", () => {
  const next = random(7);
  const int = (n: number) => BigInt(Math.floor(next() * n));
  for (let round = 0; round < 3_000; round++) {
    const dims = 1 + (round % 3);
    const n = 1 + Number(int(6));
    const boxes = Array.from({ length: n }, () =>
      Array.from({ length: dims }, (): Range => {
        const lo = int(12);
        return [lo, lo + int(3)];
      }),
    );
    assert.equal(
      pairwiseDisjoint(boxes),
      everyPair(boxes),
      JSON.stringify(boxes, (_, v) => (typeof v === "bigint" ? Number(v) : v)),
    );
  }
  assert.equal(pairwiseDisjoint([[], []]), false, "two writers of one scalar meet");
  assert.equal(pairwiseDisjoint([[]]), true);
});
