// One GPT-2 transformer layer in allo-ts, W4A8: every linear layer multiplies int8 activations by Int<4>
// weights into int32 (allo-ts/library's qlinear), and LayerNorm, causal multi-head attention, GELU and
// the residuals run in float32. The layer is composed from library kernels: its schedule is one
// `compose` of their registered default schedules. Prints the sizes, the schedule's line count, runs
// on the CPU backend and natively, and csim (at a reduced size unless --full-csim), each checked
// bit-exactly against a plain reference of the same quantized arithmetic, the distance from the float
// layer (a documented tolerance), and the estimate.
// Run: node --import tsx examples/gpt2.ts                 (GPT2-medium: L = 64 tokens, D = 1024, 16 heads, FFN 4096)
//      node --import tsx examples/gpt2.ts 16 64 4 256 4   (L D H F P)
//      node --import tsx examples/gpt2.ts --full-csim     (csim at the full size too: minutes)
import { performance } from "node:perf_hooks";
import {
  customize,
  type float32,
  grid,
  type Int,
  type int8,
  type int32,
  registerSchedule,
  type Schedule,
  zeros,
} from "allo-ts";
import { add, gelu, layerNorm, quantize, sdpAttention, systolic } from "allo-ts/library";
import {
  compareLayers,
  floatLayer,
  GPT2_MEDIUM,
  type Gpt2Sizes,
  quantizedLayer,
  quantizeLayer,
  weights,
} from "./gpt2-reference.ts";
import { csimRun } from "./support/csim.ts";

/**
 * A pre-LN GPT-2 block: x + attn(ln1(x)), then + ffn(ln2(.)), its six linear layers W4A8 on P x P
 * systolic arrays. Weights come transposed ([in, out], the layout the arrays stream), `s` holds the scales.
 */
export function gpt2Layer<
  L extends number,
  D extends number,
  H extends number,
  F extends number,
  P extends number,
>(
  x: float32<[L, D]>,
  ln1g: float32<[D]>,
  ln1b: float32<[D]>,
  Wq: Int<4, [D, D]>,
  bq: int32<[D]>,
  Wk: Int<4, [D, D]>,
  bk: int32<[D]>,
  Wv: Int<4, [D, D]>,
  bv: int32<[D]>,
  Wo: Int<4, [D, D]>,
  bo: int32<[D]>,
  ln2g: float32<[D]>,
  ln2b: float32<[D]>,
  W1: Int<4, [D, F]>,
  b1: int32<[F]>,
  W2: Int<4, [F, D]>,
  b2: int32<[D]>,
  s: float32<[10]>,
): float32<[L, D]> {
  // s: the int8 scales of ln1's output, attention's output, ln2's output and GELU's output (0-3), and the
  // int32 scales (activation scale x weight scale) of the q, k, v, o, fc1 and fc2 products (4-9).
  const h = quantize(layerNorm(x, ln1g, ln1b), s[0]);
  const q = projection<P>(h, Wq, bq, s[4]);
  const k = projection<P>(h, Wk, bk, s[5]);
  const v = projection<P>(h, Wv, bv, s[6]);
  const a = quantize(sdpAttention<H, true>(q, k, v), s[1]);
  const r = add(x, projection<P>(a, Wo, bo, s[7]));
  const h2 = quantize(layerNorm(r, ln2g, ln2b), s[2]);
  const g = quantize(gelu(projection<P>(h2, W1, b1, s[8])), s[3]);
  return add(r, projection<P>(g, W2, b2, s[9]));
}

/** `(X @ Wt + b) * scale`: int8 activations times Int<4> weights [K, N] on a P x P systolic array. */
export function projection<
  P extends number,
  M extends number = number,
  K extends number = number,
  N extends number = number,
>(X: int8<[M, K]>, Wt: Int<4, [K, N]>, b: int32<[N]>, scale: float32): float32<[M, N]> {
  const C: int32<[M, N]> = zeros();
  systolic<int8, Int<4>, int32, M, K, N, P, P>(X, Wt, C);
  const Y: float32<[M, N]> = zeros();
  for (const [i, j] of grid<[M, N]>()) Y[i][j] = (C[i][j] + b[j]) * scale;
  return Y;
}

registerSchedule(projection, (s) => {
  s.pipeline("j");
});

/** The accelerator: the library kernels' registered schedules composed into every instance. */
export function gpt2(sizes: Gpt2Sizes): Schedule {
  const s = customize(gpt2Layer, { instantiate: { ...sizes } });
  s.compose([layerNorm, quantize, projection, systolic, sdpAttention, add, gelu]);
  return s;
}

/** The seed's GPT2-medium accelerator (U280, 250 MHz, all 24 layers, post-route): its resources. */
export const PUBLISHED = { dsp: 1780, bram18k: 384 } as const;

/** Lines of schedule code behind gpt2(): its compose line plus the registered schedules it applies. */
export const SCHEDULE_LINES = 1 + 3 + 1 + 1 + 7 + 4 + 1 + 1;

/** The size csim runs at by default: GPT2-medium's layer takes minutes of g++-compiled simulation. */
export const CSIM_SIZES: Gpt2Sizes = { L: 8, D: 64, H: 4, F: 256, P: 4 };

/** The layer's inputs at `sizes` and its plain W4A8 reference output. */
function layerInputs(sizes: Gpt2Sizes) {
  const { x, w } = weights(sizes);
  const q = quantizeLayer(x, w, sizes);
  const x32 = Float32Array.from(x);
  return { x, w, args: [x32, ...q.args], exact: quantizedLayer(x32, q, sizes, w) };
}

const same = (y: Float32Array, want: Float32Array) => y.every((v, i) => Object.is(v, want[i]));
const verdict = (ok: boolean) => (ok ? "bit-identical to" : "DIFFERENT from");

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const fullCsim = argv.includes("--full-csim");
  const a = argv.filter((v) => v !== "--full-csim").map(Number);
  const sizes: Gpt2Sizes = a.length === 5 ? { L: a[0], D: a[1], H: a[2], F: a[3], P: a[4] } : GPT2_MEDIUM;
  const { L, D, H, F, P } = sizes;
  console.log(
    `GPT-2 layer, W4A8: ${L} tokens, D = ${D}, ${H} heads of ${D / H}, FFN ${F}; linear layers on ${P} x ${P} systolic arrays`,
  );
  let t = performance.now();
  const s = gpt2(sizes);
  console.log(
    `schedule: ${SCHEDULE_LINES} lines (one compose of 7 kernels' registered schedules), ${s.steps.length} steps on ${s.ir.functions.length - 1} kernel instances, in ${(performance.now() - t).toFixed(0)} ms`,
  );
  const { x, w, args, exact } = layerInputs(sizes);
  let ok = true;
  let y: Float32Array = new Float32Array();
  for (const target of ["cpu", "native"] as const) {
    t = performance.now();
    const run = target === "cpu" ? s.build() : s.build({ target: "native" });
    const built = performance.now() - t;
    t = performance.now();
    y = run(...args) as Float32Array;
    const ran = performance.now() - t;
    ok &&= same(y, exact);
    console.log(
      `${target} run: build ${built.toFixed(0)} ms, run ${ran.toFixed(0)} ms; ${verdict(same(y, exact))} the plain W4A8 reference`,
    );
  }
  const err = compareLayers(y, floatLayer(x, w, sizes));
  console.log(
    `vs the float layer: relative RMS error ${(err.relRms * 100).toFixed(2)}%, largest difference ${err.maxAbs.toFixed(3)}`,
  );
  const reduced = JSON.stringify(sizes) !== JSON.stringify(CSIM_SIZES) && !fullCsim;
  const small = reduced ? CSIM_SIZES : sizes;
  const c = layerInputs(small);
  const { result, ms } = await csimRun(gpt2(small), c.args);
  ok &&= same(result as Float32Array, c.exact);
  console.log(
    `csim (vitis_hls, g++) at L ${small.L}, D ${small.D}, ${small.H} heads, FFN ${small.F}${reduced ? " (the full size with --full-csim: minutes)" : ""}: build and run ${(ms / 1000).toFixed(1)} s; ${verdict(same(result as Float32Array, c.exact))} the plain W4A8 reference`,
  );
  t = performance.now();
  const e = s.estimate();
  const est = (e.latency * e.profile.clockNs) / 1e6;
  console.log(
    `estimate (${e.profile.name}, ${(performance.now() - t).toFixed(0)} ms to compute): ${e.latency.toLocaleString("en-US")} cycles = ${est.toFixed(2)} ms, DSP ${e.resources.dsp}, BRAM18K ${e.resources.bram18k}`,
  );
  console.log(`published Allo (all 24 layers on a U280): DSP ${PUBLISHED.dsp}, BRAM18K ${PUBLISHED.bram18k}`);
  if (!ok) process.exitCode = 1;
}

// No top-level await: the example stays importable from CommonJS (tests, a user's require).
if (import.meta.url === `file://${process.argv[1]}`)
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
