// Scaled dot-product attention of allo-ts/library: `sdpAttention` is overloaded (src/dsl/overload.ts),
// its form chosen by the arguments' rank at the call site:
// - `sdpAttention(Q, K, V)` on float32 [H, L, E] tensors (heads, sequence, head size) is the kernel
//   sdpAttentionHLE;
// - `sdpAttention<H>(Q, K, V)` on float32 [L, D] tensors, head h in columns h*E .. h*E+E-1 (D = H*E, so
//   D must be a multiple of H), result [L, D], is sdpAttentionLD; `sdpAttention<H, true>` adds the
//   causal mask (key j > query i excluded from the max, the exponentials and the sum), as GPT-2 needs.
// Convention of the library's overloaded ops: each form is an exported kernel named after the op and
// its form (`sdpAttentionHLE`, `sdpAttentionLD`) with its own registered schedule, and the op is
// `export const op = overload(form1, form2)`; instances of either form called by the op's name are
// named after the op (`sdpAttention`, `sdpAttention_1`, ...), and `compose(op)` schedules them all.
// Per head and query i: scores over keys j scaled by 1/sqrt(E), a max-subtracted softmax over j, then
// the weighted sum of V. Sums run from index 0 up, as in ./products.ts and ./nn.ts.
import { type float32, grid, overload, range, registerSchedule, zeros } from "allo-ts";

/** The value twins tsc needs for the template parameters used as numbers. */
declare const H: number, L: number, E: number, D: number, Causal: boolean;

/** `softmax(Q K^T / sqrt(E)) V` per head: Q [H, L, E], K [H, L, E], V [H, L, E] -> [H, L, E]. */
export function sdpAttentionHLE<H extends number, L extends number, E extends number>(
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

/**
 * Multi-head attention on [L, D] with H heads of E = D / H columns each (`Causal`: keys j > i masked):
 * Q [L, D], K [L, D], V [L, D] -> [L, D]. The same loops as sdpAttentionHLE; a masked key weighs 0.
 */
export function sdpAttentionLD<
  H extends number,
  // biome-ignore lint/correctness/noUnusedVariables: used as a value through its declare const twin
  Causal extends boolean = false,
  L extends number = number,
  D extends number = number,
>(Q: float32<[L, D]>, K: float32<[L, D]>, V: float32<[L, D]>): float32<[L, D]> {
  const E = D / H;
  const O: float32<[L, D]> = zeros();
  const S: float32<[L]> = zeros();
  const scale: float32 = 1.0 / Math.sqrt(E);
  for (const [h, i] of grid<[H, L]>()) {
    let m: float32 = -3.4028234663852886e38;
    for (const j of range<L>()) {
      let dot: float32 = 0.0;
      for (const e of range<typeof E>()) dot += Q[i][h * E + e] * K[j][h * E + e];
      S[j] = dot * scale;
      if (!Causal || j <= i) m = Math.max(m, S[j]);
    }
    let sum: float32 = 0.0;
    for (const j1 of range<L>()) {
      S[j1] = Causal && j1 > i ? 0.0 : Math.exp(S[j1] - m);
      sum += S[j1];
    }
    for (const [e1, j2] of grid<[typeof E, L]>()) O[i][h * E + e1] += (S[j2] / sum) * V[j2][h * E + e1];
  }
  return O;
}

/** Scaled dot-product attention, [H, L, E] (sdpAttentionHLE) or `<H, Causal = false>` on [L, D] (sdpAttentionLD). */
export const sdpAttention = overload(sdpAttentionHLE, sdpAttentionLD);

// The head's dot product unrolled into the pipelined j loop (a key's score per II, which the reads of
// the unpartitioned Q and K rows hold at E / 2 cycles), and the weighted sum of V with the output column
// innermost, so no float accumulation is carried from one cycle to the next (GPT2-medium's attention:
// 21.4M -> 7.1M estimated cycles).
for (const form of [sdpAttentionHLE, sdpAttentionLD]) {
  registerSchedule(form, (s) => {
    s.pipeline("j");
    s.pipeline("j1");
    s.reorder("j2", "e1");
    s.pipeline("e1");
  });
}
