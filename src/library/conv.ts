// Convolution and pooling of allo-ts/library on float32 NCHW tensors, PyTorch's conventions: stride S
// and zero padding P are template values with defaults (S = 1, P = 0 for conv2d; S = K for pooling), and
// the output extent is (H + 2P - KH) / S + 1 per spatial axis, computed in the body (the result type
// writes it `number`). Padding positions contribute nothing; sums run in (ci, kh, kw) order from 0 up.
import { type float32, grid, registerSchedule, zeros } from "allo-ts";

/** The value twins tsc needs for the template parameters used as numbers. */
declare const H: number, Wd: number, KH: number, KW: number, K: number, S: number, P: number;

/**
 * 2-D convolution: X [N, Ci, H, Wd], W [Co, Ci, KH, KW], bias b [Co] -> [N, Co, OH, OW]
 * (cross-correlation, as PyTorch's conv2d), the bias added after the sum.
 */
export function conv2d<
  N extends number,
  Ci extends number,
  H extends number,
  Wd extends number,
  Co extends number,
  KH extends number,
  KW extends number,
  // biome-ignore lint/correctness/noUnusedVariables: used as a value through its declare const twin
  S extends number = 1,
  // biome-ignore lint/correctness/noUnusedVariables: used as a value through its declare const twin
  P extends number = 0,
>(
  X: float32<[N, Ci, H, Wd]>,
  W: float32<[Co, Ci, KH, KW]>,
  b: float32<[Co]>,
): float32<[N, Co, number, number]> {
  const OH = (H + 2 * P - KH) / S + 1;
  const OW = (Wd + 2 * P - KW) / S + 1;
  const Y: float32<[N, Co, typeof OH, typeof OW]> = zeros();
  for (const [n, co, oh, ow] of grid<[N, Co, typeof OH, typeof OW]>()) {
    let acc: float32 = 0.0;
    for (const [ci, kh, kw] of grid<[Ci, KH, KW]>()) {
      const y = oh * S + kh - P;
      const x = ow * S + kw - P;
      if (y >= 0 && y < H && x >= 0 && x < Wd) acc += X[n][ci][y][x] * W[co][ci][kh][kw];
    }
    Y[n][co][oh][ow] = acc + b[co];
  }
  return Y;
}

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

for (const k of [conv2d, maxPool2d, avgPool2d]) {
  registerSchedule(k, (s) => {
    s.pipeline("kw");
  });
}
