// The seed's BERT-base FFN1 accelerator in allo-ts: Y = X @ W with X (512 x 768) and W (768 x 3072) in
// int8 and Y accumulated in int32, on a 16 x 16 output-stationary systolic array from allo-ts/library
// (its registered schedule: operands buffered per PE, the PE band unfolded, A relayed along the rows and
// B along the columns), composed into the top with one schedule line. Prints the sizes and schedule,
// runs on the CPU backend and natively, and csim (at a reduced size unless --full-csim), each checked
// against a plain reference, and the estimate next to the seed's published numbers.
// Run: node --import tsx examples/bert-ffn.ts              (full size: seconds, csim at 64 x 96 x 128)
//      node --import tsx examples/bert-ffn.ts 64 96 128    (M K N, divisible by 16 where they are tiled)
//      node --import tsx examples/bert-ffn.ts --full-csim  (csim at the full size too: minutes)
import { performance } from "node:perf_hooks";
import { customize, type int8, type int32, type Schedule } from "allo-ts";
import { systolic } from "allo-ts/library";
import { csimRun } from "./support/csim.ts";

/** The FFN's first GEMM on a P x P PE array. */
export function ffn<M extends number, K extends number, N extends number, P extends number>(
  X: int8<[M, K]>,
  W: int8<[K, N]>,
  Y: int32<[M, N]>,
): void {
  systolic<int8, int8, int32, M, K, N, P, P>(X, W, Y);
}

export interface FfnSizes {
  readonly M: number;
  readonly K: number;
  readonly N: number;
  /** PEs per side of the array. */
  readonly P: number;
}

export const BERT_BASE: FfnSizes = { M: 512, K: 768, N: 3072, P: 16 };

/** The accelerator: the library's systolic schedule composed into the top (the only schedule line). */
export function bertFfn(sizes: FfnSizes): Schedule {
  const s = customize(ffn, { instantiate: { ...sizes } });
  s.compose(systolic);
  return s;
}

/**
 * The same array with X's rows banked by block and W's columns cyclically (as the PE rows and columns
 * take them), so each loader reads its 16 operands a cycle: meant for the estimate of the kernel alone
 * (`wrapIo: false`: X and W as memory ports), the setting of a kernel's csynth, beside the vitis_hls
 * top that reads them through AXI.
 */
export function bertFfnBanked(sizes: FfnSizes): Schedule {
  const s = bertFfn(sizes);
  s.partition("X", { type: "block", dim: 1, factor: sizes.P });
  s.partition("W", { type: "cyclic", dim: 2, factor: sizes.P });
  return s;
}

/** Deterministic int8 operands covering the whole range. */
export function operands({ M, K, N }: FfnSizes): [Int8Array, Int8Array] {
  const X = Int8Array.from({ length: M * K }, (_, i) => ((i * 37 + 11) % 256) - 128);
  const W = Int8Array.from({ length: K * N }, (_, i) => ((i * 53 + 7) % 256) - 128);
  return [X, W];
}

/** Y = X @ W in plain TypeScript, summed from k = 0 up and wrapping to int32. */
export function reference(X: Int8Array, W: Int8Array, { M, K, N }: FfnSizes): Int32Array {
  const Y = new Int32Array(M * N);
  for (let i = 0; i < M; i++)
    for (let k = 0; k < K; k++) {
      const x = X[i * K + k];
      for (let j = 0; j < N; j++) Y[i * N + j] = (Y[i * N + j] + x * W[k * N + j]) | 0;
    }
  return Y;
}

/** The seed's published results for this layer (U280): Allo and AutoSA. */
export const PUBLISHED: readonly { tool: string; ms: number; bram18k: number; dsp?: number }[] = [
  { tool: "Allo", ms: 15.73, bram18k: 0, dsp: 128 },
  { tool: "AutoSA", ms: 15.71, bram18k: 514 },
];

/** The size csim runs at by default: the full size takes minutes of g++-compiled simulation. */
export const CSIM_SIZES: FfnSizes = { M: 64, K: 96, N: 128, P: 16 };

/** A run of `run` on the sizes' operands: its time and whether Y equals the plain reference. */
async function checkedRun(run: (...a: unknown[]) => unknown, sizes: FfnSizes) {
  const [X, W] = operands(sizes);
  const Y = new Int32Array(sizes.M * sizes.N);
  const t = performance.now();
  await run(X, W, Y);
  const ms = performance.now() - t;
  const want = reference(X, W, sizes);
  return { ms, ok: Y.every((y, k) => y === want[k]) };
}

const verdict = (ok: boolean) => (ok ? "bit-identical to" : "DIFFERENT from");

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const fullCsim = argv.includes("--full-csim");
  const args = argv.filter((a) => a !== "--full-csim").map(Number);
  const sizes = args.length === 3 ? { M: args[0], K: args[1], N: args[2], P: 16 } : BERT_BASE;
  const { M, K, N, P } = sizes;
  console.log(`BERT FFN1: (${M} x ${K}) int8 @ (${K} x ${N}) int8 -> int32 on a ${P} x ${P} systolic array`);
  let t = performance.now();
  const s = bertFfn(sizes);
  console.log(
    `schedule: s.compose(systolic) (1 line; systolic's registered schedule is 6) in ${(performance.now() - t).toFixed(0)} ms`,
  );
  let ok = true;
  for (const target of ["cpu", "native"] as const) {
    t = performance.now();
    const run = target === "cpu" ? s.build() : s.build({ target: "native" });
    const built = performance.now() - t;
    const r = await checkedRun(run, sizes);
    ok &&= r.ok;
    console.log(
      `${target} run: build ${built.toFixed(0)} ms, run ${r.ms.toFixed(0)} ms; ${verdict(r.ok)} the plain reference`,
    );
  }
  const small = fullCsim || M * K * N <= CSIM_SIZES.M * CSIM_SIZES.K * CSIM_SIZES.N ? sizes : CSIM_SIZES;
  const c = await checkedRun((...a) => csimRun(bertFfn(small), a), small);
  ok &&= c.ok;
  console.log(
    `csim (vitis_hls, g++) at ${small.M} x ${small.K} x ${small.N}${small === sizes ? "" : " (the full size with --full-csim: minutes)"}: build and run ${(c.ms / 1000).toFixed(1)} s; ${verdict(c.ok)} the plain reference`,
  );
  t = performance.now();
  const e = s.estimate();
  const ms = (e.latency * e.profile.clockNs) / 1e6;
  console.log(
    `estimate (${e.profile.name}, ${(performance.now() - t).toFixed(0)} ms to compute): ${e.latency.toLocaleString("en-US")} cycles = ${ms.toFixed(2)} ms, DSP ${e.resources.dsp}, BRAM18K ${e.resources.bram18k}`,
  );
  const k = bertFfnBanked(sizes).estimate({ wrapIo: false });
  console.log(
    `estimate of the kernel alone, X banked by rows and W by columns (memory ports): ${k.latency.toLocaleString("en-US")} cycles = ${((k.latency * k.profile.clockNs) / 1e6).toFixed(2)} ms, DSP ${k.resources.dsp}, BRAM18K ${k.resources.bram18k}`,
  );
  for (const p of PUBLISHED)
    console.log(
      `published ${p.tool}: ${p.ms} ms, BRAM18K ${p.bram18k}${p.dsp === undefined ? "" : `, DSP ${p.dsp}`}`,
    );
  if (!ok) process.exitCode = 1;
}

// No top-level await: the example stays importable from CommonJS (tests, a user's require).
if (import.meta.url === `file://${process.argv[1]}`)
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
