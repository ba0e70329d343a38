// Elements a loop accesses only at constant positions live in JS locals for the loop (promote.ts's
// constantElements): a sequential PE array's accumulators C[0][0] ... C[15][15] in its step loop. Only
// where nothing in the loop can fail; results stay exact.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../../src/index.ts";
import { spatialIJ } from "../../schedule/spatial/support.ts";
import { fillInt, rng } from "../../support/random.ts";
import { matmulSource } from "../../verify/support/systolic.ts";
import { loopBody } from "./source.ts";

test("a sequential PE array keeps its accumulators in locals and computes the plain matmul", () => {
  for (const [n, k] of [
    [4, 8],
    [16, 32],
  ]) {
    const plain = customize(matmulSource(n, n, k), { name: "matmul" });
    const s = customize(matmulSource(n, n, k), { name: "matmul" });
    spatialIJ(s, { M: n, N: n, K: k });
    const run = s.build();
    const step = loopBody(run.source, /for \(let v_k/).join("\n");
    assert.doesNotMatch(step, /b_C\[/, "C's elements are locals inside the step loop");
    assert.equal(
      run.source.match(/b_C\[/g)?.length,
      2 * n * n,
      "each read before the loop and written after",
    );
    const r = rng(n);
    const A = fillInt(new Int8Array(n * k), r, -128, 127);
    const B = fillInt(new Int8Array(k * n), r, -128, 127);
    const C1 = fillInt(new Int16Array(n * n), r, -3000, 3000);
    const C2 = C1.slice();
    plain.build()(A, B, C1);
    run(A, B, C2);
    assert.notDeepEqual(
      C1,
      C2.map(() => 0),
      "the inputs make a result",
    );
    assert.deepEqual(C2, C1);
  }
});

const accumulate = (extra: string) => `import { type int32, range } from "allo-ts";
export function acc(A: int32<[8]>, I: int32<[8]>, C: int32<[3]>): void {
  for (const t of range(8)) {
    C[0] += A[t];
    C[2] += A[t] * 2;
    C[1] = C[0] - C[2];${extra}
  }
}`;

test("constant elements: pinned when nothing in the loop can fail, left in memory otherwise", () => {
  const A = Int32Array.from([3, -1, 4, 1, -5, 9, 2, -6]);
  const I = Int32Array.from([7, 6, 5, 4, 3, 2, 1, 0]);
  const expected = (extra: (t: number, C: number[]) => void) => {
    const C = [10, 20, 30];
    for (let t = 0; t < 8; t++) {
      C[0] += A[t];
      C[2] += A[t] * 2;
      C[1] = C[0] - C[2];
      extra(t, C);
    }
    return Int32Array.from(C);
  };
  for (const [extra, pinned, more] of [
    ["", true, () => {}],
    // A data-dependent index may fail (AL5010): the loop keeps C in memory, so a fault leaves it written.
    ["\n    C[0] += A[I[t]];", false, (t: number, C: number[]) => void (C[0] += A[I[t]])],
    // A position that moves with t may alias a constant one.
    ["\n    C[t % 3] += 1;", false, (t: number, C: number[]) => void (C[t % 3] += 1)],
  ] as const) {
    const run = customize(accumulate(extra), { name: "acc" }).build();
    const loop = loopBody(run.source, /for \(let v_t/).join("\n");
    assert.equal(!/b_C\[/.test(loop), pinned, `pinned for '${extra.trim()}'`);
    const C = Int32Array.from([10, 20, 30]);
    run(A, I, C);
    assert.deepEqual(C, expected(more), extra.trim());
  }
});
