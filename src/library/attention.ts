// Scaled dot-product attention of allo-ts/library on float32 [H, L, E] tensors (heads, sequence,
// head size): per head and query i, scores over keys j scaled by 1/sqrt(E), a max-subtracted softmax
// over j, then the weighted sum of V. Sums run from index 0 up, as in ./linalg.ts and ./nn.ts.
import { type float32, grid, range, registerSchedule, zeros } from "allo-ts";

/** The value twins tsc needs for the template parameters used as numbers. */
declare const L: number, E: number;

/** `softmax(Q K^T / sqrt(E)) V` per head: Q [H, L, E], K [H, L, E], V [H, L, E] -> [H, L, E]. */
export function sdpAttention<H extends number, L extends number, E extends number>(
  Q: float32<[H, L, E]>,
  K: float32<[H, L, E]>,
  V: float32<[H, L, E]>,
): float32<[H, L, E]> {
  const O: float32<[H, L, E]> = zeros();
  const S: float32<[L]> = zeros();
  const scale: float32 = 1.0 / Math.sqrt(E);
  for (const [h, i] of grid<[H, L]>()) {
    let m: float32 = -3.4028234663852886e38;
    for (const j of range<L>()) {
      let dot: float32 = 0.0;
      for (const e of range<E>()) dot += Q[h][i][e] * K[h][j][e];
      S[j] = dot * scale;
      m = Math.max(m, S[j]);
    }
    let sum: float32 = 0.0;
    for (const j1 of range<L>()) {
      S[j1] = Math.exp(S[j1] - m);
      sum += S[j1];
    }
    for (const [e1, j2] of grid<[E, L]>()) O[h][i][e1] += (S[j2] / sum) * V[h][j2][e1];
  }
  return O;
}

registerSchedule(sdpAttention, (s) => {
  s.pipeline("e");
  s.pipeline("j1");
  s.pipeline("j2");
});
