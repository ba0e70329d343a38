// PolyBench floyd-warshall: all-pairs shortest paths over the int32 weight matrix path (PolyBench's int type).
import { type int32, range, type Schedule, type Tensor } from "allo-ts";

export function kernel_floyd_warshall<N extends number>(path: Tensor<int32, [N, N]>): void {
  for (const k of range<N>()) {
    for (const i of range<N>()) {
      for (const j of range<N>()) {
        path[i][j] = path[i][j] < path[i][k] + path[k][j] ? path[i][j] : path[i][k] + path[k][j];
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
  s.pipeline("j");
}
