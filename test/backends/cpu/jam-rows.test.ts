// Unroll-and-jam of stencil rows on the CPU backend (src/backends/cpu/jam-rows.ts): four rows share one
// j loop and the sliding windows of the rows they all read, their float steps interleaved, with results
// bit for bit those of the plain nest; nests whose rows could see each other (a store to a read array,
// stores of two rows) or whose accesses may leave the buffer keep one row per j loop.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AlloError } from "../../../src/diagnostics/error.ts";
import { customize } from "../../../src/index.ts";
import { loopBody } from "./source.ts";

const f = Math.fround;

// 7 rows (one group of four and a remainder of three), reads reaching every edge of the 9 x 12 arrays.
const JACOBI = `import { type float32, range } from "allo-ts";
export function k(A: float32<[9, 12]>, B: float32<[9, 12]>): void {
  for (const _t of range(2)) {
    for (const i of range(1, 8)) for (const j of range(1, 11)) B[i][j] = 0.2 * (A[i][j] + A[i][j - 1] + A[i][1 + j] + A[1 + i][j] + A[i - 1][j]);
    for (const i of range(1, 8)) for (const j of range(1, 11)) A[i][j] = 0.2 * (B[i][j] + B[i][j - 1] + B[i][1 + j] + B[1 + i][j] + B[i - 1][j]);
  }
}`;

function jacobi(A: Float32Array, B: Float32Array): void {
  const sweep = (X: Float32Array, Y: Float32Array) => {
    for (let i = 1; i < 8; i++)
      for (let j = 1; j < 11; j++) {
        const at = (r: number, c: number) => X[r * 12 + c];
        const s = f(f(f(f(at(i, j) + at(i, j - 1)) + at(i, j + 1)) + at(i + 1, j)) + at(i - 1, j));
        Y[i * 12 + j] = f(f(0.2) * s);
      }
  };
  for (let t = 0; t < 2; t++) {
    sweep(A, B);
    sweep(B, A);
  }
}

const grids = () => [
  Float32Array.from({ length: 108 }, (_, k) => ((k * 37) % 101) / 7 - 6),
  Float32Array.from({ length: 108 }, (_, k) => ((k * 11) % 13) / 3),
];

test("a 5-point stencil runs four rows per j loop, loading six elements for four points, and stays exact", () => {
  const run = customize(JACOBI, { name: "k" }).build();
  assert.match(run.source, /v_i \+ 3 < e\d+; v_i \+= 4\)/, "rows jammed by four");
  const jammed = loopBody(run.source, /for \(let v_j = 1; v_j < 11; v_j\+\+\)/);
  // Rows i .. i + 3 slide (one new element each); rows i - 1 and i + 4 are read once.
  assert.equal(jammed.join("\n").match(/b_A\[/g)?.length, 6);
  assert.equal(jammed.filter((l) => /^\s*b_B\[/.test(l)).length, 4);
  // Each copy's first sum comes before any copy's second: the four chains interleave.
  const firsts = jammed.findIndex((l) => /const q\d+ = Math\.fround\(\(q\d+ \+/.test(l));
  assert.equal(
    jammed.slice(0, firsts).filter((l) => /const q\d+ = Math\.fround\(\(w\d+ \+ w\d+\)\)/.test(l)).length,
    4,
  );
  const [A, B] = grids();
  const [a, b] = grids();
  run(A, B);
  jacobi(a, b);
  assert.deepEqual([A, B], [a, b]);
});

test("under maxSteps the jammed rows count every iteration: the exact count runs, one less is AL5011", () => {
  const s = customize(JACOBI, { name: "k" });
  const steps = 2 + 2 * 2 * (7 + 7 * 10);
  const [A, B] = grids();
  const [a, b] = grids();
  s.build({ maxSteps: steps })(A, B);
  jacobi(a, b);
  assert.deepEqual([A, B], [a, b]);
  assert.throws(
    () => s.build({ maxSteps: steps - 1 })(...grids()),
    (e: unknown) => e instanceof AlloError && e.code === "AL5011",
  );
});

test("an inner loop that runs zero times on some outer iterations is jammed and stays exact", () => {
  const src = `import { type float32, range } from "allo-ts";
export function k(A: float32<[9, 12]>, B: float32<[9, 12]>): void {
  for (const t of range(4)) for (const i of range(1, 8)) for (const j of range(t + 8, 11)) B[i][j] = A[i - 1][j] + A[i + 1][j];
}`;
  const run = customize(src, { name: "k" }).build();
  assert.match(run.source, /v_i \+= 4\)/);
  const [A, B] = grids();
  const [a, b] = grids();
  run(A, B);
  for (let t = 0; t < 4; t++)
    for (let i = 1; i < 8; i++)
      for (let j = t + 8; j < 11; j++) b[i * 12 + j] = f(a[(i - 1) * 12 + j] + a[(i + 1) * 12 + j]);
  assert.deepEqual([A, B], [a, b]);
});

test("rows that could see each other keep one row per j loop: a store to the read array, stores of two rows", () => {
  // Row i reads row i - 1 at j + 1, which the row before wrote in full first (not at j + 1 yet if jammed).
  const inPlace = `import { type float32, range } from "allo-ts";
export function k(A: float32<[9, 12]>): void {
  for (const i of range(1, 9)) for (const j of range(0, 11)) A[i][j] = A[i - 1][j + 1] + A[i][j + 1];
}`;
  // Row i's second store lands where row i + 1's first store lands a step later.
  const twoRows = `import { type float32, range } from "allo-ts";
export function k(A: float32<[9, 12]>, B: float32<[9, 12]>): void {
  for (const i of range(0, 8)) for (const j of range(0, 11)) {
    B[i][j + 1] = A[i][j] + A[i + 1][j];
    B[i + 1][j] = A[i + 1][j] * 0.5;
  }
}`;
  const one = customize(inPlace, { name: "k" }).build();
  const two = customize(twoRows, { name: "k" }).build();
  for (const run of [one, two]) assert.doesNotMatch(run.source, /v_i \+= 4/);
  const [A, B] = grids();
  const [a, b] = grids();
  one(A);
  for (let i = 1; i < 9; i++)
    for (let j = 0; j < 11; j++) a[i * 12 + j] = f(a[(i - 1) * 12 + j + 1] + a[i * 12 + j + 1]);
  two(A, B);
  for (let i = 0; i < 8; i++)
    for (let j = 0; j < 11; j++) {
      b[i * 12 + j + 1] = f(a[i * 12 + j] + a[(i + 1) * 12 + j]);
      b[(i + 1) * 12 + j] = f(a[(i + 1) * 12 + j] * 0.5);
    }
  assert.deepEqual([A, B], [a, b]);
});

test("a read past the last row keeps one row per j loop and fails where the plain nest fails", () => {
  const src = `import { type float32, range } from "allo-ts";
export function k(A: float32<[9, 12]>, B: float32<[9, 12]>): void {
  for (const i of range(0, 9)) for (const j of range(0, 12)) B[i][j] = A[i][j] + A[i + 1][j];
}`;
  const run = customize(src, { name: "k" }).build();
  assert.doesNotMatch(run.source, /v_i \+= 4/);
  const [A, B] = grids();
  const [a, b] = grids();
  assert.throws(
    () => run(A, B),
    (e: unknown) => e instanceof AlloError && e.code === "AL5010",
  );
  for (let i = 0; i < 8; i++)
    for (let j = 0; j < 12; j++) b[i * 12 + j] = f(a[i * 12 + j] + a[(i + 1) * 12 + j]);
  assert.deepEqual([A, B], [a, b], "rows 0..7 written, row 8 not");
});

test("a bit position checked at run time keeps one row per j loop and fails where the plain nest fails", () => {
  // Position i * 5 leaves the 33-bit sum at row 7: rows 1..6 are written in full first.
  const src = `import { bit, int32, range } from "allo-ts";
export function k(A: int32<[10, 12]>, B: int32<[10, 12]>): void {
  for (const i of range(1, 9)) for (const j of range(0, 12)) B[i][j] = int32(bit(A[i - 1][j] + A[i + 1][j], i * 5));
}`;
  const run = customize(src, { name: "k" }).build();
  assert.doesNotMatch(run.source, /v_i \+= 4/);
  const A = Int32Array.from({ length: 120 }, (_, k) => (k * 7919) % 65536);
  const B = new Int32Array(120);
  const b = new Int32Array(120);
  assert.throws(
    () => run(A, B),
    (e: unknown) => e instanceof AlloError && e.code === "AL5015",
  );
  for (let i = 1; i < 7; i++)
    for (let j = 0; j < 12; j++)
      b[i * 12 + j] = Math.floor((A[(i - 1) * 12 + j] + A[(i + 1) * 12 + j]) / 2 ** (i * 5)) & 1;
  assert.deepEqual(B, b);
});

test("copies of two stores interleave, copies with a branch run one after another, and both stay exact", () => {
  const src = `import { type float32, range } from "allo-ts";
export function k(A: float32<[9, 12]>, B: float32<[9, 12]>, C: float32<[9, 12]>): void {
  for (const i of range(1, 8)) for (const j of range(0, 12)) {
    B[i][j] = A[i - 1][j] * 0.5 + A[i + 1][j];
    C[i][j] = A[i][j] - A[i + 1][j];
  }
  for (const i of range(1, 8)) for (const j of range(0, 12)) {
    if (A[i][j] > 0) C[i][j] = A[i - 1][j] + A[i + 1][j];
  }
}`;
  const run = customize(src, { name: "k" }).build();
  const [two, branch] = [
    /for \(let v_j = 0; v_j < 12; v_j\+\+\)/,
    /for \(let v_j_1 = 0; v_j_1 < 12; v_j_1\+\+\)/,
  ];
  assert.equal(loopBody(run.source, two).filter((l) => /^\s*b_[BC]\[/.test(l)).length, 8);
  // Rows i .. i + 3, each read by two copies at one offset, are read once into a local (a window of one).
  assert.equal(loopBody(run.source, two).filter((l) => /^\s*w\d+ = b_A\[/.test(l)).length, 4);
  assert.equal(loopBody(run.source, branch).filter((l) => /^\s*if \(/.test(l)).length, 4);
  assert.doesNotMatch(loopBody(run.source, branch).join("\n"), /const q/);
  const [A, B] = grids();
  const C = new Float32Array(108);
  const [a, b, c] = [A.slice(), B.slice(), C.slice()];
  run(A, B, C);
  const at = (X: Float32Array, i: number, j: number) => X[i * 12 + j];
  for (let i = 1; i < 8; i++)
    for (let j = 0; j < 12; j++) {
      b[i * 12 + j] = f(f(at(a, i - 1, j) * 0.5) + at(a, i + 1, j));
      c[i * 12 + j] = f(at(a, i, j) - at(a, i + 1, j));
    }
  for (let i = 1; i < 8; i++)
    for (let j = 0; j < 12; j++) if (at(a, i, j) > 0) c[i * 12 + j] = f(at(a, i - 1, j) + at(a, i + 1, j));
  assert.deepEqual([A, B, C], [a, b, c]);
});
