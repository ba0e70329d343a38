// Quantized kernels of allo-ts/library: per-tensor int8 quantize (round to nearest, ties to even,
// saturating) and dequantize with a float32 scale, and int8 x int8 products that accumulate in and
// return int32 (qmatmul, and qlinear with an int32 bias), PyTorch's layouts as in ./linalg.ts.
import { type float32, grid, type int8, type int32, registerSchedule, int8 as toInt8, zeros } from "allo-ts";

/** `round(x / scale)` to int8: nearest, ties to even, saturated to -128..127; NaN gives 0. */
export function quantize<M extends number, N extends number>(
  X: float32<[M, N]>,
  scale: float32,
): int8<[M, N]> {
  const Q: int8<[M, N]> = zeros();
  for (const [i, j] of grid<[M, N]>()) {
    const v: float32 = Math.min(Math.max(X[i][j] / scale, -128.0), 127.0);
    const f: float32 = Math.floor(v);
    const d: float32 = v - f;
    const even: boolean = f - 2.0 * Math.floor(f * 0.5) === 0.0;
    const r: float32 = d > 0.5 || (d === 0.5 && !even) ? f + 1.0 : f;
    // biome-ignore lint/suspicious/noSelfCompare: kernels have no Number.isNaN; only NaN differs from itself.
    Q[i][j] = v === v ? toInt8(r) : 0;
  }
  return Q;
}

/** `q * scale` as float32. */
export function dequantize<M extends number, N extends number>(
  Q: int8<[M, N]>,
  scale: float32,
): float32<[M, N]> {
  const Y: float32<[M, N]> = zeros();
  for (const [i, j] of grid<[M, N]>()) Y[i][j] = Q[i][j] * scale;
  return Y;
}

/** `A @ B` for int8 [M, K] x [K, N], accumulated in int32 (wrapping as int32 does) -> int32 [M, N]. */
export function qmatmul<M extends number, K extends number, N extends number>(
  A: int8<[M, K]>,
  B: int8<[K, N]>,
): int32<[M, N]> {
  const C: int32<[M, N]> = zeros();
  for (const [i, j, k] of grid<[M, N, K]>()) C[i][j] += A[i][k] * B[k][j];
  return C;
}

/** `X @ W^T + b` for int8 X [M, K], W [N, K] and an int32 bias [N], accumulated in int32. */
export function qlinear<M extends number, K extends number, N extends number>(
  X: int8<[M, K]>,
  W: int8<[N, K]>,
  b: int32<[N]>,
): int32<[M, N]> {
  const Y: int32<[M, N]> = zeros();
  for (const [i, j, k] of grid<[M, N, K]>()) Y[i][j] += X[i][k] * W[j][k];
  for (const [r, c] of grid<[M, N]>()) Y[r][c] += b[c];
  return Y;
}

for (const k of [quantize, dequantize]) {
  registerSchedule(k, (s) => {
    s.pipeline("j");
  });
}
registerSchedule(qmatmul, (s) => {
  s.reorder("k", "j");
  s.pipeline("j");
});
registerSchedule(qlinear, (s) => {
  s.reorder("k", "j");
  s.pipeline("j");
  s.pipeline("c");
});
