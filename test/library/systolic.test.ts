// systolic<TyA, TyB, TyC, M, K, N, Mt, Nt> of allo-ts/library against a plain-TS matmul at several
// sizes and PE arrays (1-wide included), int8 -> int32 and float32, with its registered schedule
// composed (unfold + relay: a spatial region) and verified; a tile that does not divide is AL3005.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize, float32, int8, int32 } from "../../src/index.ts";
import { systolic } from "../../src/library/index.ts";
import { fillFloat, fillInt, rng } from "../support/random.ts";

const f = Math.fround;

/** C = A @ B summed from k = 0 up, in int32 (wrapping) or float32. */
function reference(
  A: ArrayLike<number>,
  B: ArrayLike<number>,
  M: number,
  K: number,
  N: number,
  float: boolean,
) {
  const C = float ? new Float32Array(M * N) : new Int32Array(M * N);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let c = 0;
      for (let k = 0; k < K; k++)
        c = float ? f(c + f(A[i * K + k] * B[k * N + j])) : (c + A[i * K + k] * B[k * N + j]) | 0;
      C[i * N + j] = c;
    }
  return C;
}

function scheduled(T: "int" | "float", M: number, K: number, N: number, Mt: number, Nt: number) {
  const [TyA, TyC] = T === "int" ? [int8, int32] : [float32, float32];
  return customize(systolic, { instantiate: { TyA, TyB: TyA, TyC, M, K, N, Mt, Nt } });
}

test("systolic's default schedule is a PE array that computes A @ B like the reference", () => {
  for (const [M, K, N, Mt, Nt] of [
    [4, 3, 4, 2, 2],
    [6, 5, 4, 3, 2],
    [8, 16, 8, 4, 4],
    [3, 4, 5, 1, 5],
  ]) {
    for (const T of ["int", "float"] as const) {
      const r = rng(M * 100 + K * 10 + N);
      const A =
        T === "int"
          ? fillInt(new Int8Array(M * K), r, -128, 127)
          : fillFloat(new Float32Array(M * K), r, -2, 2);
      const B =
        T === "int"
          ? fillInt(new Int8Array(K * N), r, -128, 127)
          : fillFloat(new Float32Array(K * N), r, -2, 2);
      const s = scheduled(T, M, K, N, Mt, Nt).compose(systolic);
      const region = s.ir.functions[0].body.find((x) => x.kind === "spatial");
      assert.ok(region, "the schedule makes a spatial region");
      const C = T === "int" ? new Int32Array(M * N) : new Float32Array(M * N);
      s.build()(A, B, C);
      assert.deepEqual(
        [...C],
        [...reference(A, B, M, K, N, T === "float")],
        `${T} ${M}x${K}x${N} on ${Mt}x${Nt}`,
      );
    }
  }
});

test("systolic's schedule verifies equal to the plain kernel", () => {
  const s = scheduled("int", 4, 3, 4, 2, 2).compose(systolic);
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);
});

test("a PE array that does not divide the matrix is AL3005 naming the sizes", () => {
  assert.throws(
    () => scheduled("int", 6, 3, 4, 4, 2).compose(systolic),
    (e: Error & { code?: string }) =>
      e.code === "AL3005" && /Mt = 4 must be a positive divisor of M = 6/.test(e.message),
  );
});
