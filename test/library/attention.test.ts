// sdpAttention of allo-ts/library against a plain reference at several head counts and sizes (a
// single key included), within a few ulps (exp), and its default schedule composed and verified.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { sdpAttention } from "../../src/library/index.ts";
import { fillFloat, rng } from "../support/random.ts";
import { attend } from "./fixtures/models.ts";
import * as ref from "./reference.ts";

const f = Math.fround;

/** softmax(Q K^T / sqrt(E)) V per head on [H, L, E], sums from index 0 up. */
function attention(
  Q: Float32Array,
  K: Float32Array,
  V: Float32Array,
  H: number,
  L: number,
  E: number,
): Float32Array {
  const O = new Float32Array(H * L * E);
  const scale = f(1 / f(Math.sqrt(E)));
  const at = (h: number, i: number, e: number) => (h * L + i) * E + e;
  for (let h = 0; h < H; h++)
    for (let i = 0; i < L; i++) {
      const S = new Float32Array(L);
      for (let j = 0; j < L; j++) {
        let dot = 0;
        for (let e = 0; e < E; e++) dot = f(dot + f(Q[at(h, i, e)] * K[at(h, j, e)]));
        S[j] = f(dot * scale);
      }
      const m = S.reduce((a, x) => Math.max(a, x), -Infinity);
      let sum = 0;
      for (let j = 0; j < L; j++) {
        S[j] = f(Math.exp(f(S[j] - m)));
        sum = f(sum + S[j]);
      }
      for (let e = 0; e < E; e++)
        for (let j = 0; j < L; j++) O[at(h, i, e)] = f(O[at(h, i, e)] + f(f(S[j] / sum) * V[at(h, j, e)]));
    }
  return O;
}

test("sdpAttention matches the reference on [H, L, E] (one key, one head, several)", () => {
  for (const [H, L, E] of [
    [1, 1, 1],
    [1, 4, 3],
    [2, 3, 4],
    [3, 5, 2],
  ]) {
    const r = rng(H * 100 + L * 10 + E);
    const [Q, K, V] = [0, 1, 2].map(() => fillFloat(new Float32Array(H * L * E), r, -2, 2));
    const got = customize(sdpAttention, { instantiate: { H, L, E } }).build()(Q, K, V) as Float32Array;
    ref.assertNear(got, attention(Q, K, V, H, L, E), `sdpAttention ${H}x${L}x${E}`, 8, 1);
  }
});

test("sdpAttention's default schedule composes into a caller and verifies", () => {
  const s = customize(attend).compose(sdpAttention);
  assert.equal(s.steps.length, 4);
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);
});
