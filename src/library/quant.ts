// Quantized kernels of allo-ts/library: int8 quantize (round to nearest, ties to even, saturating) and
// dequantize with a float32 scale per tensor or a float32<[C]> scale per channel (the last axis), each
// an overloaded name over its two forms (the scale's rank chooses); and qmatmul and qlinear, the
// integer forms of matmul and linear (./products.ts) under the names they had before those took integers.
import {
  type DType,
  type float32,
  grid,
  type int8,
  overload,
  registerSchedule,
  type Tensor,
  int8 as toInt8,
  zeros,
} from "allo-ts";
import { linearInt32, linearInt64, matmulInt32, matmulInt64 } from "./products.ts";

/** `round(x / scale)` to int8 per tensor: nearest, ties to even, saturated to -128..127; NaN gives 0. */
export function quantizeTensor<M extends number, N extends number>(
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

/**
 * `round(x / scale[c])` to int8 per channel (c the last axis' index), rounded as quantizeTensor. The
 * rounding is written out in both forms rather than in a scalar kernel they call, which would add a
 * function to every quantized design.
 */
export function quantizeChannel<M extends number, C extends number>(
  X: float32<[M, C]>,
  scale: float32<[C]>,
): int8<[M, C]> {
  const Q: int8<[M, C]> = zeros();
  for (const [i, j] of grid<[M, C]>()) {
    const v: float32 = Math.min(Math.max(X[i][j] / scale[j], -128.0), 127.0);
    const f: float32 = Math.floor(v);
    const d: float32 = v - f;
    const even: boolean = f - 2.0 * Math.floor(f * 0.5) === 0.0;
    const r: float32 = d > 0.5 || (d === 0.5 && !even) ? f + 1.0 : f;
    // biome-ignore lint/suspicious/noSelfCompare: kernels have no Number.isNaN; only NaN differs from itself.
    Q[i][j] = v === v ? toInt8(r) : 0;
  }
  return Q;
}

/** float32 to int8: `quantize(X, scale)` per tensor (quantizeTensor) or per channel, last axis (quantizeChannel). */
export const quantize = overload(quantizeTensor, quantizeChannel);

/** `q * scale` as float32, for int8 or any integer Ty (an int32 converts to the nearest float32 first). */
export function dequantizeTensor<M extends number, N extends number, Ty extends DType = int8>(
  Q: Tensor<Ty, [M, N]>,
  scale: float32,
): float32<[M, N]> {
  const Y: float32<[M, N]> = zeros();
  for (const [i, j] of grid<[M, N]>()) Y[i][j] = Q[i][j] * scale;
  return Y;
}

/** `q * scale[c]` as float32 per channel (the last axis' index c), for int8 or any integer Ty. */
export function dequantizeChannel<M extends number, C extends number, Ty extends DType = int8>(
  Q: Tensor<Ty, [M, C]>,
  scale: float32<[C]>,
): float32<[M, C]> {
  const Y: float32<[M, C]> = zeros();
  for (const [i, j] of grid<[M, C]>()) Y[i][j] = Q[i][j] * scale[j];
  return Y;
}

/** Integer to float32: `dequantize(Q, scale)` per tensor (dequantizeTensor) or per channel (dequantizeChannel). */
export const dequantize = overload(dequantizeTensor, dequantizeChannel);

/** The integer forms of matmul (./products.ts) by their older name: int32 for operands up to 16 bits. */
export const qmatmul = overload(matmulInt32, matmulInt64);

/** The integer forms of linear (./products.ts), int32 bias for operands up to 16 bits (W4A8: Int<4> W). */
export const qlinear = overload(linearInt32, linearInt64);

for (const k of [quantizeTensor, quantizeChannel, dequantizeTensor, dequantizeChannel]) {
  registerSchedule(k, (s) => {
    s.pipeline("j");
  });
}
