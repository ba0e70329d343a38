// Plain TypeScript references for allo-ts/library's NCHW convolution and pooling and for concat, from
// PyTorch's definitions: output extent (H + 2P - K) / S + 1, zero padding that contributes nothing,
// sums in (ci, kh, kw) order from 0 up with float32 rounding after every operation, the bias last.

const f = Math.fround;

export interface Conv {
  readonly N: number;
  readonly C: number;
  readonly H: number;
  readonly W: number;
  readonly KH: number;
  readonly KW: number;
  readonly S: number;
  readonly P: number;
}

const out = (n: number, k: number, s: number, p: number) => Math.floor((n + 2 * p - k) / s) + 1;

/** Visits every output position and its in-bounds window taps: (output index, input index, tap). */
function windows(
  d: Conv,
  Co: number,
  visit: (o: number, co: number, n: number, taps: [number, number, number][]) => void,
): [number, number] {
  const OH = out(d.H, d.KH, d.S, d.P);
  const OW = out(d.W, d.KW, d.S, d.P);
  for (let n = 0; n < d.N; n++)
    for (let co = 0; co < Co; co++)
      for (let oh = 0; oh < OH; oh++)
        for (let ow = 0; ow < OW; ow++) {
          const taps: [number, number, number][] = [];
          for (let kh = 0; kh < d.KH; kh++)
            for (let kw = 0; kw < d.KW; kw++) {
              const y = oh * d.S + kh - d.P;
              const x = ow * d.S + kw - d.P;
              if (y >= 0 && y < d.H && x >= 0 && x < d.W) taps.push([y, x, kh * d.KW + kw]);
            }
          visit(((n * Co + co) * OH + oh) * OW + ow, co, n, taps);
        }
  return [OH, OW];
}

export function conv2d(
  X: Float32Array,
  Wt: Float32Array,
  b: Float32Array,
  d: Conv,
  Co: number,
): Float32Array {
  const Y = new Float32Array(d.N * Co * out(d.H, d.KH, d.S, d.P) * out(d.W, d.KW, d.S, d.P));
  const plane = d.H * d.W;
  windows(d, Co, (o, co, n, taps) => {
    let acc = 0;
    for (let ci = 0; ci < d.C; ci++)
      for (const [y, x, t] of taps)
        acc = f(acc + f(X[(n * d.C + ci) * plane + y * d.W + x] * Wt[(co * d.C + ci) * d.KH * d.KW + t]));
    Y[o] = f(acc + b[co]);
  });
  return Y;
}

export function pool2d(X: Float32Array, d: Conv, kind: "max" | "avg"): Float32Array {
  const Y = new Float32Array(d.N * d.C * out(d.H, d.KH, d.S, d.P) * out(d.W, d.KW, d.S, d.P));
  windows(d, d.C, (o, c, n, taps) => {
    const at = (y: number, x: number) => X[((n * d.C + c) * d.H + y) * d.W + x];
    if (kind === "max") Y[o] = taps.reduce((m, [y, x]) => Math.max(m, at(y, x)), -Infinity);
    else Y[o] = f(taps.reduce((s, [y, x]) => f(s + at(y, x)), 0) / (d.KH * d.KW));
  });
  return Y;
}

/** Row-major [M, N] and [M2, N2] joined along `axis`. */
export function concat(A: Float32Array, B: Float32Array, M: number, N: number, N2: number, axis: number) {
  if (axis === 0) return Float32Array.from([...A, ...B]);
  const M2 = B.length / N2;
  if (M2 !== M) throw new Error("rows differ");
  const Y = new Float32Array(M * (N + N2));
  for (let i = 0; i < M; i++) {
    Y.set(A.subarray(i * N, (i + 1) * N), i * (N + N2));
    Y.set(B.subarray(i * N2, (i + 1) * N2), i * (N + N2) + N);
  }
  return Y;
}
