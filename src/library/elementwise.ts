// Elementwise kernels of allo-ts/library on float32 matrices [M, N]: add, sub, mul, div (same shape),
// relu, exp, tanh, sigmoid and gelu (the tanh form GPT-2 uses). Each is one loop nest `i, j` whose
// registered default schedule pipelines `j` (one element per cycle).
import { type float32, grid, registerSchedule, zeros } from "allo-ts";

/** `A + B`, elementwise. */
export function add<M extends number, N extends number>(
  A: float32<[M, N]>,
  B: float32<[M, N]>,
): float32<[M, N]> {
  const C: float32<[M, N]> = zeros();
  for (const [i, j] of grid<[M, N]>()) C[i][j] = A[i][j] + B[i][j];
  return C;
}

/** `A - B`, elementwise. */
export function sub<M extends number, N extends number>(
  A: float32<[M, N]>,
  B: float32<[M, N]>,
): float32<[M, N]> {
  const C: float32<[M, N]> = zeros();
  for (const [i, j] of grid<[M, N]>()) C[i][j] = A[i][j] - B[i][j];
  return C;
}

/** `A * B`, elementwise (not a matrix product: see matmul). */
export function mul<M extends number, N extends number>(
  A: float32<[M, N]>,
  B: float32<[M, N]>,
): float32<[M, N]> {
  const C: float32<[M, N]> = zeros();
  for (const [i, j] of grid<[M, N]>()) C[i][j] = A[i][j] * B[i][j];
  return C;
}

/** `A / B`, elementwise (IEEE division: x / 0 is ±Inf or NaN). */
export function div<M extends number, N extends number>(
  A: float32<[M, N]>,
  B: float32<[M, N]>,
): float32<[M, N]> {
  const C: float32<[M, N]> = zeros();
  for (const [i, j] of grid<[M, N]>()) C[i][j] = A[i][j] / B[i][j];
  return C;
}

/** `max(x, 0)`. */
export function relu<M extends number, N extends number>(X: float32<[M, N]>): float32<[M, N]> {
  const Y: float32<[M, N]> = zeros();
  for (const [i, j] of grid<[M, N]>()) Y[i][j] = Math.max(X[i][j], 0.0);
  return Y;
}

/** `e^x`. */
export function exp<M extends number, N extends number>(X: float32<[M, N]>): float32<[M, N]> {
  const Y: float32<[M, N]> = zeros();
  for (const [i, j] of grid<[M, N]>()) Y[i][j] = Math.exp(X[i][j]);
  return Y;
}

/** `tanh(x)`. */
export function tanh<M extends number, N extends number>(X: float32<[M, N]>): float32<[M, N]> {
  const Y: float32<[M, N]> = zeros();
  for (const [i, j] of grid<[M, N]>()) Y[i][j] = Math.tanh(X[i][j]);
  return Y;
}

/** `1 / (1 + e^-x)`. */
export function sigmoid<M extends number, N extends number>(X: float32<[M, N]>): float32<[M, N]> {
  const Y: float32<[M, N]> = zeros();
  for (const [i, j] of grid<[M, N]>()) Y[i][j] = 1.0 / (1.0 + Math.exp(-X[i][j]));
  return Y;
}

/** `0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))`, GPT-2's and Allo's GELU. */
export function gelu<M extends number, N extends number>(X: float32<[M, N]>): float32<[M, N]> {
  const Y: float32<[M, N]> = zeros();
  for (const [i, j] of grid<[M, N]>()) {
    const x: float32 = X[i][j];
    Y[i][j] = 0.5 * x * (1.0 + Math.tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)));
  }
  return Y;
}

for (const k of [add, sub, mul, div, relu, exp, tanh, sigmoid, gelu]) {
  registerSchedule(k, (s) => {
    s.pipeline("j");
  });
}
