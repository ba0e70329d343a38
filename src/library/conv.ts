// Pooling of allo-ts/library on float32 NCHW tensors, PyTorch's conventions: a K x K window, stride S
// and zero padding P as template values (defaults S = K, P = 0), and the output extent (H + 2P - K) / S
// + 1 per spatial axis, computed in the body (the result type writes it `number`). Padding positions
// contribute nothing; sums run in (kh, kw) order from 0 up. conv2d is in ./products.ts.
import { type float32, grid, registerSchedule, zeros } from "allo-ts";

/** The value twins tsc needs for the template parameters used as numbers. */
declare const H: number, Wd: number, K: number, S: number, P: number;

/** Max over each K x K window (padding never wins): X [N, C, H, Wd] -> [N, C, OH, OW]. */
export function maxPool2d<
  N extends number,
  C extends number,
  H extends number,
  Wd extends number,
  K extends number,
  // biome-ignore lint/correctness/noUnusedVariables: used as a value through its declare const twin
  S extends number = K,
  // biome-ignore lint/correctness/noUnusedVariables: used as a value through its declare const twin
  P extends number = 0,
>(X: float32<[N, C, H, Wd]>): float32<[N, C, number, number]> {
  const OH = (H + 2 * P - K) / S + 1;
  const OW = (Wd + 2 * P - K) / S + 1;
  const Y: float32<[N, C, typeof OH, typeof OW]> = zeros();
  for (const [n, c, oh, ow] of grid<[N, C, typeof OH, typeof OW]>()) {
    let m: float32 = -1.0 / 0.0;
    for (const [kh, kw] of grid<[K, K]>()) {
      const y = oh * S + kh - P;
      const x = ow * S + kw - P;
      if (y >= 0 && y < H && x >= 0 && x < Wd) m = Math.max(m, X[n][c][y][x]);
    }
    Y[n][c][oh][ow] = m;
  }
  return Y;
}

/** Mean over each K x K window, divided by K * K (padding counts as zeros, PyTorch's default). */
export function avgPool2d<
  N extends number,
  C extends number,
  H extends number,
  Wd extends number,
  K extends number,
  // biome-ignore lint/correctness/noUnusedVariables: used as a value through its declare const twin
  S extends number = K,
  // biome-ignore lint/correctness/noUnusedVariables: used as a value through its declare const twin
  P extends number = 0,
>(X: float32<[N, C, H, Wd]>): float32<[N, C, number, number]> {
  const OH = (H + 2 * P - K) / S + 1;
  const OW = (Wd + 2 * P - K) / S + 1;
  const Y: float32<[N, C, typeof OH, typeof OW]> = zeros();
  for (const [n, c, oh, ow] of grid<[N, C, typeof OH, typeof OW]>()) {
    let sum: float32 = 0.0;
    for (const [kh, kw] of grid<[K, K]>()) {
      const y = oh * S + kh - P;
      const x = ow * S + kw - P;
      if (y >= 0 && y < H && x >= 0 && x < Wd) sum += X[n][c][y][x];
    }
    Y[n][c][oh][ow] = sum / (K * K);
  }
  return Y;
}

for (const k of [maxPool2d, avgPool2d]) {
  registerSchedule(k, (s) => {
    s.pipeline("kw");
  });
}
