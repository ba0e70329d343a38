// Sliding windows on the CPU backend (src/backends/cpu/slide.ts): a loop reading a row at several
// offsets of its iv keeps them in shifting locals, one new load per iteration, and computes exactly
// what plain loads do; a row the loop also writes, or a loop whose bounds vary, keeps plain loads.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../../src/index.ts";
import { loopBody } from "./source.ts";

const f = Math.fround;

const STENCIL = `import { type float32, range } from "allo-ts";
export function k(A: float32<[12, 40]>, B: float32<[12, 40]>): void {
  for (const t of range(3)) {
    for (const i of range(1, 11)) for (const j of range(2, 39))
      B[i][j] = 0.25 * (A[i][j - 2] + A[i][j] + A[i][j + 1] + A[i - 1][j] + A[i + 1][j - 1] + A[i + 1][j]);
    for (const i of range(1, 11)) for (const j of range(2, 39)) A[i][j] = B[i][j] * 0.5 + B[i][j - 1];
  }
}`;

/** STENCIL in plain TypeScript, float32 after every operation in the kernel's order. */
function stencil(A: Float32Array, B: Float32Array): void {
  const at = (X: Float32Array, i: number, j: number) => X[i * 40 + j];
  for (let t = 0; t < 3; t++) {
    for (let i = 1; i < 11; i++)
      for (let j = 2; j < 39; j++) {
        let s = f(at(A, i, j - 2) + at(A, i, j));
        s = f(s + at(A, i, j + 1));
        s = f(s + at(A, i - 1, j));
        s = f(s + at(A, i + 1, j - 1));
        s = f(s + at(A, i + 1, j));
        B[i * 40 + j] = f(0.25 * s);
      }
    for (let i = 1; i < 11; i++)
      for (let j = 2; j < 39; j++) A[i * 40 + j] = f(f(at(B, i, j) * 0.5) + at(B, i, j - 1));
  }
}

const operands = () => [
  Float32Array.from({ length: 480 }, (_, k) => ((k * 37) % 101) / 7 - 6),
  Float32Array.from({ length: 480 }, (_, k) => ((k * 11) % 13) / 3),
];

test("a stencil's rows slide through locals (row i at j-2..j+1, row i+1 at j-1..j) and the results stay exact", () => {
  const run = customize(STENCIL, { name: "k" }).build();
  // The rows B's nest leaves over from its jam by four (jam-rows.ts), 9 and 10, slide a window of 4 (row i
  // of A) and one of 2 (row i + 1); their loop reads only the windows' new values and row i - 1.
  const rest = loopBody(run.source, /for \(; v_i < e\d+; v_i \+= 1\)/);
  assert.equal(rest.filter((l) => /^\s*let w\d+ = /.test(l)).length, 3 + 1);
  const inner = loopBody(rest.join("\n"), /for \(let v_j = 2; v_j < 39; v_j\+\+\)/);
  assert.equal(inner.join("\n").match(/b_A\[/g)?.length, 3);
  assert.match(run.source, /w\d+ = w\d+;\n\s*w\d+ = w\d+;\n\s*w\d+ = w\d+;\n/, "the 4-wide window shifts");
  // A's nest reads row i of B at j - 1 and j: a window of 2, one value read before the loop.
  const second = loopBody(run.source, /for \(let v_i_1 = 1; v_i_1 < 11; v_i_1\+\+\)/);
  assert.equal(second.filter((l) => /^\s*let w\d+ = /.test(l)).length, 1);
  const [A, B] = operands();
  const [a, b] = operands();
  run(A, B);
  stencil(a, b);
  assert.deepEqual([A, B], [a, b]);
});

test("a row the loop writes, and a loop with varying bounds, keep plain loads", () => {
  const src = `import { type int32, range } from "allo-ts";
export function k(A: int32<[32]>, T: int32<[8, 8]>): void {
  for (const j of range(1, 31)) A[j] = A[j - 1] + A[j + 1];
  for (const i of range(1, 8)) for (const j of range(1, i)) T[i][j] = T[i - 1][j - 1] + T[i - 1][j];
}`;
  const run = customize(src, { name: "k" }).build();
  assert.doesNotMatch(run.source, /let w\d+/);
  const A = Int32Array.from({ length: 32 }, (_, k) => k * 3 - 40);
  const T = Int32Array.from({ length: 64 }, (_, k) => k % 5);
  const [a, t] = [A.slice(), T.slice()];
  run(A, T);
  for (let j = 1; j < 31; j++) a[j] = (a[j - 1] + a[j + 1]) | 0;
  for (let i = 1; i < 8; i++)
    for (let j = 1; j < i; j++) t[i * 8 + j] = (t[(i - 1) * 8 + j - 1] + t[(i - 1) * 8 + j]) | 0;
  assert.deepEqual([A, T], [a, t]);
});
