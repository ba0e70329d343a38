// PolyBench nussinov: RNA folding by dynamic programming over the int32 table (PolyBench's int type; the
// sequence is int8, PolyBench's char bases 0..3). PolyBench's downward i loop is ii = 0..N-1 with i = N-1-ii;
// max_score is Math.max and match(b1, b2) is (b1 + b2 == 3 ? 1 : 0).
import { type int8, type int32, range, type Schedule, type Tensor } from "allo-ts";
import { N } from "./params.ts";

export function kernel_nussinov<N extends number>(
  seq: Tensor<int8, [N]>,
  table: Tensor<int32, [N, N]>,
): void {
  for (const ii of range<N>()) {
    for (const j of range(N - ii, N)) {
      if (j - 1 >= 0) table[N - 1 - ii][j] = Math.max(table[N - 1 - ii][j], table[N - 1 - ii][j - 1]);
      if (N - ii < N) table[N - 1 - ii][j] = Math.max(table[N - 1 - ii][j], table[N - ii][j]);
      if (j - 1 >= 0 && N - ii < N) {
        if (N - 1 - ii < j - 1) {
          table[N - 1 - ii][j] = Math.max(
            table[N - 1 - ii][j],
            table[N - ii][j - 1] + (seq[N - 1 - ii] + seq[j] === 3 ? 1 : 0),
          );
        } else {
          table[N - 1 - ii][j] = Math.max(table[N - 1 - ii][j], table[N - ii][j - 1]);
        }
      }
      for (const k of range(N - ii, j)) {
        table[N - 1 - ii][j] = Math.max(table[N - 1 - ii][j], table[N - 1 - ii][k] + table[k + 1][j]);
      }
    }
  }
}

export const SIZES = {
  mini: { N: 60 },
  small: { N: 180 },
  medium: { N: 500 },
};

export function schedule(s: Schedule): void {
  s.pipeline("k");
}
