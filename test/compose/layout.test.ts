// The layout lattice of src/ir/analysis/layout.ts: normalisation, the order and join tables of the
// contract, and a brute-force check that the closed forms agree with bank refinement (order) and that
// the join is the least upper bound among all normalised elements, exhaustively on small extents and
// at random on larger ones.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  bankOf,
  type DimLayout,
  dimJoin,
  dimLeq,
  layoutJoin,
  layoutLeq,
  layoutOf,
  layoutText,
  normalizeDim,
} from "../../src/ir/analysis/layout.ts";

const text = (d: DimLayout): string => layoutText([d]).slice(1, -1);
const cyc = (f: number, n: number) => normalizeDim("cyclic", f, n);
const blk = (f: number, n: number) => normalizeDim("block", f, n);
const none: DimLayout = { kind: "none" };
const complete: DimLayout = { kind: "complete" };

/** Every normalised element of extent n, one per spelling. */
function elements(n: number): DimLayout[] {
  const all = [none, normalizeDim("complete", 0, n)];
  for (let f = 2; f < n; f++) all.push(cyc(f, n), blk(f, n));
  return [...new Map(all.map((d) => [text(d), d])).values()];
}

/** Refinement by bank maps: a ⊑ b iff b's bank of an index determines a's bank. */
function refines(a: DimLayout, b: DimLayout, n: number): boolean {
  const seen = new Map<number, number>();
  for (let x = 0; x < n; x++) {
    const kb = bankOf(b, n, x);
    const ka = bankOf(a, n, x);
    if (seen.has(kb) && seen.get(kb) !== ka) return false;
    seen.set(kb, ka);
  }
  return true;
}

/** Checks order and join against refinement for a pair of elements of extent n. */
function checkPair(a: DimLayout, b: DimLayout, n: number, family: readonly DimLayout[]): void {
  const where = `n=${n}: ${text(a)}, ${text(b)}`;
  assert.equal(dimLeq(a, b, n), refines(a, b, n), `order ${where}`);
  const j = dimJoin(a, b, n);
  assert.ok(
    family.some((d) => text(d) === text(j)),
    `join ${text(j)} is normalised (${where})`,
  );
  assert.ok(refines(a, j, n) && refines(b, j, n), `join is an upper bound (${where})`);
  for (const u of family) {
    if (refines(a, u, n) && refines(b, u, n)) assert.ok(refines(j, u, n), `join below ${text(u)} (${where})`);
  }
  assert.equal(text(dimJoin(b, a, n)), text(j), `join commutes (${where})`);
}

test("normalisation: factor 1 is none, factor >= n is complete, block by bank size, extent 1", () => {
  assert.equal(text(cyc(1, 8)), "none");
  assert.equal(text(blk(1, 8)), "none");
  assert.equal(text(cyc(0, 8)), "none");
  assert.equal(text(cyc(8, 8)), "complete");
  assert.equal(text(blk(9, 8)), "complete");
  assert.equal(text(normalizeDim("complete", 0, 8)), "complete");
  assert.equal(text(normalizeDim("complete", 0, 1)), "none");
  assert.equal(text(cyc(4, 1)), "none");
  assert.equal(text(cyc(4, 10)), "cyclic(4)");
  assert.equal(text(blk(6, 10)), "block(5)"); // bank size ceil(10/6) = 2: 5 banks
  assert.equal(text(blk(4, 10)), "block(4)"); // bank size 3
  assert.equal(text(blk(7, 16)), "block(6)"); // bank size 3
  for (let n = 1; n <= 40; n++) {
    for (let f = 1; f <= n + 1; f++) {
      const d = blk(f, n);
      if (d.kind !== "block") continue;
      assert.equal(Math.ceil(n / d.factor), Math.ceil(n / f), `block keeps its bank size, n=${n} f=${f}`);
      assert.equal(text(blk(d.factor, n)), text(d), `block normalisation is idempotent, n=${n} f=${f}`);
    }
  }
});

test("order: the contract's table", () => {
  const n = 16;
  for (const d of elements(n)) {
    assert.ok(dimLeq(none, d, n) && dimLeq(d, complete, n), text(d));
    assert.ok(dimLeq(d, d, n), `reflexive ${text(d)}`);
  }
  assert.ok(dimLeq(cyc(2, n), cyc(4, n), n));
  assert.ok(!dimLeq(cyc(4, n), cyc(2, n), n));
  assert.ok(!dimLeq(cyc(2, n), cyc(3, n), n));
  assert.ok(dimLeq(blk(2, n), blk(4, n), n)); // sizes 8 and 4
  assert.ok(!dimLeq(blk(3, n), blk(4, n), n) && !dimLeq(blk(4, n), blk(3, n), n)); // sizes 6 and 4
  assert.ok(!dimLeq(cyc(2, n), blk(2, n), n) && !dimLeq(blk(2, n), cyc(2, n), n));
  assert.ok(!dimLeq(complete, cyc(8, n), n) && !dimLeq(cyc(2, n), none, n));
});

test("join: the contract's examples (n = 16)", () => {
  const n = 16;
  const j = (a: DimLayout, b: DimLayout) => text(dimJoin(a, b, n));
  assert.equal(j(cyc(2, n), cyc(3, n)), "cyclic(6)");
  assert.equal(j(cyc(4, n), cyc(2, n)), "cyclic(4)");
  assert.equal(j(blk(3, n), blk(4, n)), "block(8)");
  assert.equal(j(blk(2, n), blk(4, n)), "block(4)");
  assert.equal(j(cyc(2, n), blk(2, n)), "complete");
  assert.equal(j(cyc(8, n), cyc(3, n)), "complete");
  assert.equal(j(none, blk(7, n)), "block(6)");
  assert.equal(j(cyc(2, n), none), "cyclic(2)");
  assert.equal(j(complete, none), "complete");
});

test("arrays: layoutOf folds partitions, dim 0 sets every dimension, product order and join", () => {
  const shape = [16, 8];
  const l = layoutOf(shape, [
    { type: "cyclic", dim: 0, factor: 2 },
    { type: "block", dim: 2, factor: 4 },
  ]);
  assert.equal(layoutText(l), "[cyclic(2), block(4)]");
  assert.equal(layoutText(layoutOf(shape, [])), "[none, none]");
  assert.equal(layoutText(layoutOf([4, 1], [{ type: "complete", dim: 0, factor: 0 }])), "[complete, none]");
  const r = layoutOf(shape, [{ type: "cyclic", dim: 1, factor: 4 }]);
  assert.ok(!layoutLeq(l, r, shape) && !layoutLeq(r, l, shape));
  const joined = layoutJoin(l, r, shape);
  assert.equal(layoutText(joined), "[cyclic(4), block(4)]");
  assert.ok(layoutLeq(l, joined, shape) && layoutLeq(r, joined, shape));
});

test("closed forms equal bank refinement, and join is the least upper bound (every pair, n <= 24)", () => {
  for (let n = 1; n <= 24; n++) {
    const family = elements(n);
    for (const a of family) for (const b of family) checkPair(a, b, n, family);
    // Distinct spellings are distinct bank partitions: normal forms are unique.
    for (const a of family)
      for (const b of family)
        if (text(a) !== text(b))
          assert.ok(!(refines(a, b, n) && refines(b, a, n)), `${text(a)} = ${text(b)}`);
  }
});

test("closed forms equal bank refinement on random pairs of larger extents", () => {
  let seed = 12345;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % k;
  };
  for (let trial = 0; trial < 300; trial++) {
    const n = 25 + rand(40);
    const family = elements(n);
    checkPair(family[rand(family.length)], family[rand(family.length)], n, family);
  }
});
