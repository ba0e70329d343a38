// Plain TypeScript references for allo-ts/library, written from the documented conventions (PyTorch's,
// row-major, float32 rounding after every operation, sums from index 0 up), and the float comparison
// used where a math intrinsic (exp, tanh) may differ from V8's or libm's by an ulp.
import assert from "node:assert/strict";

export const f = Math.fround;
export type Mat = Float32Array;

export const map = (X: Mat, g: (x: number) => number): Mat => Float32Array.from(X, (x) => f(g(x)));
export const zip = (A: Mat, B: Mat, g: (a: number, b: number) => number): Mat =>
  Float32Array.from(A, (a, k) => f(g(a, B[k])));

/** GELU's tanh form, its constants float32 as the kernel's literals are. */
export const gelu = (x: number) =>
  f(f(f(0.5 * x) * f(1 + f(Math.tanh(f(f(0.7978845608028654) * f(x + f(f(f(f(0.044715) * x) * x) * x))))))));
export const sigmoid = (x: number) => f(1 / f(1 + f(Math.exp(-x))));

/** [M, K] x [K, N], k in order. */
export function matmul(A: Mat, B: Mat, M: number, K: number, N: number): Mat {
  const C = new Float32Array(M * N);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let acc = 0;
      for (let k = 0; k < K; k++) acc = f(acc + f(A[i * K + k] * B[k * N + j]));
      C[i * N + j] = acc;
    }
  return C;
}

/** X W^T + b with W: [N, K]; the bias after the sum. */
export function linear(X: Mat, W: Mat, b: Mat, M: number, K: number, N: number): Mat {
  const C = new Float32Array(M * N);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let acc = 0;
      for (let k = 0; k < K; k++) acc = f(acc + f(X[i * K + k] * W[j * K + k]));
      C[i * N + j] = f(acc + b[j]);
    }
  return C;
}

export function transpose(X: Mat, M: number, N: number): Mat {
  const Y = new Float32Array(M * N);
  for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) Y[j * M + i] = X[i * N + j];
  return Y;
}

export function bmm(A: Mat, B: Mat, Bt: number, M: number, K: number, N: number): Mat {
  const out = new Float32Array(Bt * M * N);
  for (let b = 0; b < Bt; b++)
    out.set(
      matmul(A.subarray(b * M * K, (b + 1) * M * K), B.subarray(b * K * N, (b + 1) * K * N), M, K, N),
      b * M * N,
    );
  return out;
}

export function softmax(X: Mat, M: number, N: number): Mat {
  const Y = new Float32Array(M * N);
  for (let i = 0; i < M; i++) {
    const row = X.subarray(i * N, (i + 1) * N);
    const m = row.reduce((a, x) => Math.max(a, x), row[0]);
    let s = 0;
    for (let j = 0; j < N; j++) {
      Y[i * N + j] = f(Math.exp(f(row[j] - m)));
      s = f(s + Y[i * N + j]);
    }
    for (let j = 0; j < N; j++) Y[i * N + j] = f(Y[i * N + j] / s);
  }
  return Y;
}

export function layerNorm(X: Mat, g: Mat, b: Mat, M: number, N: number, eps = 1e-5): Mat {
  const Y = new Float32Array(M * N);
  for (let i = 0; i < M; i++) {
    const row = X.subarray(i * N, (i + 1) * N);
    let sum = 0;
    for (const x of row) sum = f(sum + x);
    const mean = f(sum / N);
    let sq = 0;
    for (const x of row) sq = f(sq + f(f(x - mean) * f(x - mean)));
    const rstd = f(1 / f(Math.sqrt(f(f(sq / N) + f(eps)))));
    for (let j = 0; j < N; j++) Y[i * N + j] = f(f(f(f(row[j] - mean) * rstd) * g[j]) + b[j]);
  }
  return Y;
}

/**
 * Equal within `ulps` float32 ulps of the expected value (exact when ulps is 0), or of `floor` when that
 * is larger: a sum of terms of about 1 carries an intrinsic's ulp of those terms, whatever its result.
 */
export function assertNear(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  what: string,
  ulps = 0,
  floor = 2 ** -10,
): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const x = expected[i];
    const tol = ulps * 2 ** -23 * Math.max(Math.abs(x), floor);
    assert.ok(
      Object.is(a, x) || Math.abs(a - x) <= tol,
      `${what}[${i}]: ${a}, expected ${x} (within ${ulps} ulps)`,
    );
  }
}

/**
 * int8 quantization: nearest, ties to even, saturating; NaN to 0. `scale` is one number (per tensor) or
 * one per channel of the last axis (row-major, so element k's channel is k mod the scales' count).
 */
export function quantize(X: Mat, scale: number | Mat): Int8Array {
  return Int8Array.from(X, (x, k) => {
    const v = Math.min(Math.max(f(x / channel(scale, k)), -128), 127);
    if (Number.isNaN(v)) return 0;
    const fl = Math.floor(v);
    const d = v - fl;
    return d > 0.5 || (d === 0.5 && fl % 2 !== 0) ? fl + 1 : fl;
  });
}

/** `q * scale` in float32 (q converted to float32 first), per tensor or per channel as in quantize. */
export const dequantize = (Q: ArrayLike<number>, scale: number | Mat): Mat =>
  Float32Array.from(Q, (q, k) => f(f(q) * channel(scale, k)));

const channel = (scale: number | Mat, k: number) =>
  typeof scale === "number" ? scale : scale[k % scale.length];

/**
 * `g(A, B)` elementwise with B broadcast over A's leading axes: B holds A's last extents (row-major,
 * so A's element k meets B's element k mod B's length), a one-element B being a scalar.
 */
export const broadcast = (A: Mat, B: Mat, g: (a: number, b: number) => number): Mat =>
  Float32Array.from(A, (a, k) => f(g(a, B[k % B.length])));

/** int8 x int8 products summed in int32 (wrapping), W: [N, K] for linear with an int32 bias. */
export function qlinear(
  X: Int8Array,
  W: Int8Array,
  b: Int32Array | undefined,
  M: number,
  K: number,
  N: number,
  wt: boolean,
): Int32Array {
  const C = new Int32Array(M * N);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let acc = 0;
      for (let k = 0; k < K; k++) acc = (acc + X[i * K + k] * (wt ? W[j * K + k] : W[k * N + j])) | 0;
      C[i * N + j] = b ? (acc + b[j]) | 0 : acc;
    }
  return C;
}
