// Linear algebra kernels of allo-ts/library on float32, row-major, PyTorch's conventions:
// matmul [M, K] x [K, N], bmm [B, M, K] x [B, K, N], linear(X, W, b) = X W^T + b with W: [out, in],
// transpose. Products accumulate over k in order (k = 0, 1, ...), so every backend rounds alike; the
// registered schedules move k outside j and pipeline j (consecutive j are independent: II 1).
import { type float32, grid, registerSchedule, zeros } from "allo-ts";

/** `A @ B`: [M, K] x [K, N] -> [M, N]. */
export function matmul<M extends number, K extends number, N extends number>(
  A: float32<[M, K]>,
  B: float32<[K, N]>,
): float32<[M, N]> {
  const C: float32<[M, N]> = zeros();
  for (const [i, j, k] of grid<[M, N, K]>()) C[i][j] += A[i][k] * B[k][j];
  return C;
}

/** Batched `A[b] @ B[b]`: [Bt, M, K] x [Bt, K, N] -> [Bt, M, N]. */
export function bmm<Bt extends number, M extends number, K extends number, N extends number>(
  A: float32<[Bt, M, K]>,
  B: float32<[Bt, K, N]>,
): float32<[Bt, M, N]> {
  const C: float32<[Bt, M, N]> = zeros();
  for (const [b, i, j, k] of grid<[Bt, M, N, K]>()) C[b][i][j] += A[b][i][k] * B[b][k][j];
  return C;
}

/** `X @ W^T + b`: X [M, K], W [N, K] (out, in), b [N] -> [M, N]; the bias is added after the sum. */
export function linear<M extends number, K extends number, N extends number>(
  X: float32<[M, K]>,
  W: float32<[N, K]>,
  b: float32<[N]>,
): float32<[M, N]> {
  const Y: float32<[M, N]> = zeros();
  for (const [i, j, k] of grid<[M, N, K]>()) Y[i][j] += X[i][k] * W[j][k];
  for (const [r, c] of grid<[M, N]>()) Y[r][c] += b[c];
  return Y;
}

/** `X^T`: [M, N] -> [N, M]. */
export function transpose<M extends number, N extends number>(X: float32<[M, N]>): float32<[N, M]> {
  const Y: float32<[N, M]> = zeros();
  for (const [i, j] of grid<[M, N]>()) Y[j][i] = X[i][j];
  return Y;
}

registerSchedule(matmul, (s) => {
  s.reorder("k", "j");
  s.pipeline("j");
});
registerSchedule(bmm, (s) => {
  s.reorder("k", "j");
  s.pipeline("j");
});
registerSchedule(linear, (s) => {
  s.reorder("k", "j");
  s.pipeline("j");
  s.pipeline("c");
});
registerSchedule(transpose, (s) => {
  s.pipeline("j");
});
