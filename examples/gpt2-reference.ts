// The GPT-2 example's data and its two references, in plain TypeScript: the float layer (float64, the
// model the accelerator approximates), and the same W4A8 arithmetic as examples/gpt2.ts's kernels
// (float32 rounding after every operation, sums in the kernels' order) for bit-exact checks.
//
// Quantization (documented scales): weights per tensor to Int<4>, `w_q = round(w / s_w)` clamped to
// -8..7 with `s_w = max|w| / 7`; activations per tensor to int8 with `s_a = max|a| / 127` calibrated on the
// float layer's own activations for the same input; biases to int32 at `s_a * s_w`; products dequantize
// at `s_a * s_w`.

export interface Gpt2Sizes {
  /** Tokens. */
  readonly L: number;
  /** Model width (H heads of D / H). */
  readonly D: number;
  readonly H: number;
  /** FFN width. */
  readonly F: number;
  /** PEs per side of the linear layers' systolic arrays (a divisor of L, D and F). */
  readonly P: number;
}

export const GPT2_MEDIUM: Gpt2Sizes = { L: 64, D: 1024, H: 16, F: 4096, P: 16 };

/** A float layer's parameters: linear weights [out, in] (PyTorch's layout), biases, LayerNorm's. */
export interface LayerWeights {
  readonly ln1g: Float64Array;
  readonly ln1b: Float64Array;
  readonly Wq: Float64Array;
  readonly bq: Float64Array;
  readonly Wk: Float64Array;
  readonly bk: Float64Array;
  readonly Wv: Float64Array;
  readonly bv: Float64Array;
  readonly Wo: Float64Array;
  readonly bo: Float64Array;
  readonly ln2g: Float64Array;
  readonly ln2b: Float64Array;
  readonly W1: Float64Array;
  readonly b1: Float64Array;
  readonly W2: Float64Array;
  readonly b2: Float64Array;
}

const LINEARS = [
  ["Wq", "bq"],
  ["Wk", "bk"],
  ["Wv", "bv"],
  ["Wo", "bo"],
  ["W1", "b1"],
  ["W2", "b2"],
] as const;

/** Deterministic numbers in [-1, 1) from a 32-bit linear congruential generator. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 2 ** 31 - 1;
  };
}

const fill = (n: number, g: () => number) => Float64Array.from({ length: n }, g);

/** Random weights scaled to keep activations near unit size, and an input x [L, D]. */
export function weights({ L, D, F }: Gpt2Sizes, seed = 1): { x: Float64Array; w: LayerWeights } {
  const r = uniform(seed);
  const lin = (out: number, inp: number) => fill(out * inp, () => r() * Math.sqrt(3 / inp));
  const bias = (n: number) => fill(n, () => 0.1 * r());
  const w: LayerWeights = {
    ln1g: fill(D, () => 1 + 0.1 * r()),
    ln1b: bias(D),
    Wq: lin(D, D),
    bq: bias(D),
    Wk: lin(D, D),
    bk: bias(D),
    Wv: lin(D, D),
    bv: bias(D),
    Wo: lin(D, D),
    bo: bias(D),
    ln2g: fill(D, () => 1 + 0.1 * r()),
    ln2b: bias(D),
    W1: lin(F, D),
    b1: bias(F),
    W2: lin(D, F),
    b2: bias(D),
  };
  return { x: fill(L * D, r), w };
}

/** One numeric model of the layer: how its linear layers, activations and float ops compute. */
interface Arith {
  /** `X W_n^T + b_n` for linear layer n (0 q, 1 k, 2 v, 3 o, 4 fc1, 5 fc2) of an activation taken at point a. */
  linear(X: Float64Array, n: number, a: number, M: number, K: number, N: number): Float64Array;
  /** Rounds one float operation's result (float32's fround, or the identity in float64). */
  readonly f: (x: number) => number;
}

/** The layer's dataflow, shared by both references; `seen` receives the four quantized activations. */
function layer(x: Float64Array, w: LayerWeights, { L, D, H, F }: Gpt2Sizes, m: Arith): Float64Array {
  const { f } = m;
  const h = layerNorm(x, w.ln1g, w.ln1b, L, D, f);
  const q = m.linear(h, 0, 0, L, D, D);
  const k = m.linear(h, 1, 0, L, D, D);
  const v = m.linear(h, 2, 0, L, D, D);
  const att = causalAttention(q, k, v, L, D, H, f);
  const o = m.linear(att, 3, 1, L, D, D);
  const r = x.map((xi, i) => f(xi + o[i]));
  const h2 = layerNorm(r, w.ln2g, w.ln2b, L, D, f);
  const u = m.linear(h2, 4, 2, L, D, F);
  const g = u.map((t) => gelu(t, f));
  const d = m.linear(g, 5, 3, L, F, D);
  return r.map((ri, i) => f(ri + d[i]));
}

function layerNorm(
  X: Float64Array,
  g: Float64Array,
  b: Float64Array,
  M: number,
  N: number,
  f: (x: number) => number,
) {
  const Y = new Float64Array(M * N);
  const eps = f(1e-5);
  for (let i = 0; i < M; i++) {
    const row = X.subarray(i * N, i * N + N);
    let sum = 0;
    for (const x of row) sum = f(sum + x);
    const mean = f(sum / N);
    let sq = 0;
    for (const x of row) sq = f(sq + f(f(x - mean) * f(x - mean)));
    const rstd = f(1 / f(Math.sqrt(f(f(sq / N) + eps))));
    for (let j = 0; j < N; j++) Y[i * N + j] = f(f(f(f(row[j] - mean) * rstd) * g[j]) + b[j]);
  }
  return Y;
}

function causalAttention(
  Q: Float64Array,
  K: Float64Array,
  V: Float64Array,
  L: number,
  D: number,
  H: number,
  f: (x: number) => number,
) {
  const E = D / H;
  const O = new Float64Array(L * D);
  const S = new Float64Array(L);
  const scale = f(1 / f(Math.sqrt(E)));
  for (let h = 0; h < H; h++)
    for (let i = 0; i < L; i++) {
      let m = -3.4028234663852886e38;
      for (let j = 0; j <= i; j++) {
        let dot = 0;
        for (let e = h * E; e < h * E + E; e++) dot = f(dot + f(Q[i * D + e] * K[j * D + e]));
        S[j] = f(dot * scale);
        m = Math.max(m, S[j]);
      }
      let sum = 0;
      for (let j = 0; j <= i; j++) {
        S[j] = f(Math.exp(f(S[j] - m)));
        sum = f(sum + S[j]);
      }
      for (let e = h * E; e < h * E + E; e++)
        for (let j = 0; j <= i; j++) O[i * D + e] = f(O[i * D + e] + f(f(S[j] / sum) * V[j * D + e]));
    }
  return O;
}

const gelu = (x: number, f: (x: number) => number) =>
  f(f(0.5 * x) * f(1 + f(Math.tanh(f(f(0.7978845608028654) * f(x + f(f(f(f(0.044715) * x) * x) * x)))))));

/** `X W^T` ([M, K] x [N, K]) summed from k = 0 up by `add`, then `bias(sum, j)`. */
function linear(
  X: Float64Array,
  W: ArrayLike<number>,
  M: number,
  K: number,
  N: number,
  add: (s: number, p: number) => number,
  bias: (s: number, j: number) => number,
) {
  const Y = new Float64Array(M * N);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s = add(s, X[i * K + k] * W[j * K + k]);
      Y[i * N + j] = bias(s, j);
    }
  return Y;
}

/** The float layer in float64; `acts` collects the four activations the W4A8 layer quantizes. */
export function floatLayer(
  x: Float64Array,
  w: LayerWeights,
  sizes: Gpt2Sizes,
  acts: Float64Array[] = [],
): Float64Array {
  const id = (v: number) => v;
  return layer(x, w, sizes, {
    f: id,
    linear(X, n, a, M, K, N) {
      acts[a] = X;
      const b = w[LINEARS[n][1]];
      return linear(
        X,
        w[LINEARS[n][0]],
        M,
        K,
        N,
        (s, p) => s + p,
        (s, j) => s + b[j],
      );
    },
  });
}

/** The W4A8 layer's kernel arguments after `x`, in gpt2Layer's order, and its scales. */
export interface QuantizedLayer {
  readonly args: readonly (Float32Array | Int8Array | Int32Array)[];
  /** Activation scales (ln1, attention, ln2, GELU) then product scales (q, k, v, o, fc1, fc2). */
  readonly scales: Float32Array;
  readonly weights: readonly Int8Array[];
  readonly biases: readonly Int32Array[];
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/** Quantizes the weights to Int<4> and calibrates the activation scales on the float layer at `x`. */
export function quantizeLayer(x: Float64Array, w: LayerWeights, sizes: Gpt2Sizes): QuantizedLayer {
  const acts: Float64Array[] = [];
  floatLayer(x, w, sizes, acts);
  const sa = acts.map((a) => Math.fround(maxAbs(a) / 127));
  const actOf = [0, 0, 0, 1, 2, 3];
  const weights: Int8Array[] = [];
  const biases: Int32Array[] = [];
  const product: number[] = [];
  for (const [n, [W, b]] of LINEARS.entries()) {
    const sw = maxAbs(w[W]) / 7;
    weights.push(Int8Array.from(w[W], (v) => Math.max(-8, Math.min(7, Math.round(v / sw)))));
    const sp = Math.fround(sa[actOf[n]] * sw);
    biases.push(Int32Array.from(w[b], (v) => Math.round(v / sp)));
    product.push(sp);
  }
  const scales = Float32Array.from([...sa, ...product]);
  const f32 = (a: Float64Array) => Float32Array.from(a);
  const { D, F } = sizes;
  const outs = [D, D, D, D, F, D];
  // The kernel takes each weight transposed, [in, out].
  const wt = weights.map((W, n) => transpose(W, outs[n], W.length / outs[n]));
  const args = [
    f32(w.ln1g),
    f32(w.ln1b),
    ...[0, 1, 2, 3].flatMap((n) => [wt[n], biases[n]]),
    f32(w.ln2g),
    f32(w.ln2b),
    wt[4],
    biases[4],
    wt[5],
    biases[5],
    scales,
  ];
  return { args, scales, weights, biases };
}

/** A row-major [rows, cols] matrix as [cols, rows]. */
function transpose(W: Int8Array, rows: number, cols: number): Int8Array {
  const T = new Int8Array(W.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) T[c * rows + r] = W[r * cols + c];
  return T;
}

/** int8 `round(x / scale)` as the library's quantize: nearest, ties to even, saturating, NaN to 0. */
function quantize(x: number, scale: number): number {
  const v = Math.fround(Math.min(Math.max(Math.fround(x / scale), -128), 127));
  if (Number.isNaN(v)) return 0;
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The W4A8 layer exactly as the kernels compute it (float32 after every operation). */
export function quantizedLayer(
  x: Float32Array,
  q: QuantizedLayer,
  sizes: Gpt2Sizes,
  w: LayerWeights,
): Float32Array {
  const f = Math.fround;
  const s = q.scales;
  const f32 = (a: Float64Array) => Float64Array.from(Float32Array.from(a));
  const w32: LayerWeights = {
    ...w,
    ln1g: f32(w.ln1g),
    ln1b: f32(w.ln1b),
    ln2g: f32(w.ln2g),
    ln2b: f32(w.ln2b),
  };
  const out = layer(Float64Array.from(x), w32, sizes, {
    f,
    linear(X, n, a, M, K, N) {
      const Xq = X.map((v) => quantize(v, s[a]));
      // The int32 accumulator wraps; adding the bias widens (int32 + int32 is exact), as in the kernel.
      const b = q.biases[n];
      return linear(
        Xq,
        q.weights[n],
        M,
        K,
        N,
        (acc, p) => (acc + p) | 0,
        (acc, j) => f(f(acc + b[j]) * s[4 + n]),
      );
    },
  });
  return Float32Array.from(out);
}

/** How far the W4A8 output is from the float layer's: relative RMS error and the largest difference. */
export function compareLayers(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
): { relRms: number; maxAbs: number } {
  let se = 0;
  let sw = 0;
  let max = 0;
  for (let i = 0; i < want.length; i++) {
    const d = got[i] - want[i];
    se += d * d;
    sw += want[i] * want[i];
    max = Math.max(max, Math.abs(d));
  }
  return { relRms: Math.sqrt(se / sw), maxAbs: max };
}
