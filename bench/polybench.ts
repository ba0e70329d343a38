// PolyBench table of `npm run bench`: every kernel of examples/polybench/ at one size (`medium` unless
// POLYBENCH_SIZE says otherwise), measured side by side in one run: compile time (customize + schedule +
// emit HLS; the first kernel in fresh processes, then the median of warm repeats), the scheduled kernel on the CPU backend
// and on the native target, and its C reference at g++ -O2 on the same inputs (best of several runs, and whether the results agree),
// verification of scheduled vs plain (at `mini`: the verifier's cost grows with the iteration count), csim of
// the scheduled kernel against the CPU backend (at `mini`: each costs a g++ compile), the estimator's latency
// of the scheduled kernel (s.estimate(), U280 at 3.33 ns) and, for the 13 kernels Allo scheduled, of the
// kernel under Allo's schedule re-expressed on its loops (`alloSchedule`), and the schedule's line count,
// next to Allo's published latency and customization length.
// `npx tsx bench/polybench.ts` prints the table and writes docs/benchmarks.{md,json,svg} (./polybench-report.ts).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { emitHls } from "../src/backends/hls/index.ts";
import { customize, type Schedule } from "../src/index.ts";
import { KERNELS } from "../test/polybench/kernels.ts";
import {
  cloneValues,
  csimMismatch,
  customizeBoth,
  examplesDir,
  loadKernel,
  runRef,
  type SizeName,
  type Value,
} from "../test/polybench/support.ts";
import { writeReport } from "./polybench-report.ts";

/** Allo (PLDI'24, Fig. 10): Vitis HLS csynth latency in ms at medium, and the artifact's customization LoC. */
export const ALLO: Readonly<Record<string, { ms: number; loc?: number }>> = {
  two_mm: { ms: 0.646 },
  three_mm: { ms: 0.7425 },
  atax: { ms: 0.01074, loc: 9 },
  bicg: { ms: 0.005498 },
  correlation: { ms: 1.661, loc: 19 },
  gemm: { ms: 0.796 },
  gesummv: { ms: 0.005065 },
  jacobi_2d: { ms: 0.1958, loc: 17 },
  mvt: { ms: 0.01068 },
  symm: { ms: 1.692, loc: 15 },
  syr2k: { ms: 0.9863 },
  syrk: { ms: 0.9775 },
  trmm: { ms: 1.618, loc: 12 },
};

export interface PolyBenchRow {
  readonly kernel: string;
  readonly compileMs: number;
  readonly cpuMs: number;
  /** The scheduled kernel on the native target (C++ at -O3 -march=native), best of 3, and its results
   *  against the CPU backend's ("exact" is bit for bit). */
  readonly nativeMs: number;
  readonly nativeVsCpu: string;
  readonly cMs: number;
  /** "exact", or the largest relative difference from the C reference. */
  readonly vsC: string;
  readonly verifyMs: number;
  readonly verify: string;
  /** csim of the scheduled kernel at `mini` against the CPU backend: "equal", or the first difference. */
  readonly csim: string;
  /** The estimator's latency of the scheduled kernel, in ms at the profile's clock. */
  readonly estMs: number;
  /** The same for the kernel under `alloSchedule` (Allo's schedule on these loops), where it has one. */
  readonly alloEstMs?: number;
  readonly scheduleLines: number;
  readonly alloLatencyMs?: number;
  readonly alloLoc?: number;
}

export interface PolyBenchResult {
  readonly size: SizeName;
  readonly firstCompileMs: number;
  readonly rows: readonly PolyBenchRow[];
}

/** `s.estimate()`'s latency in ms at the profile's clock (the vitis_hls top with its copy loops by default). */
export function estimateMs(s: Schedule, wrapIo = true): number {
  const est = s.estimate({ wrapIo });
  return (est.latency * est.profile.clockNs) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Lines of the body of `export function schedule(s)` in the kernel's file. */
function scheduleLines(name: string): number {
  const src = readFileSync(join(examplesDir, `${name}.ts`), "utf8");
  const body = /export function schedule\([^)]*\): void \{\n([\s\S]*?)\n\}/.exec(src);
  return body ? body[1].split("\n").filter((l) => l.trim() !== "").length : 0;
}

function compileOnce(pb: Awaited<ReturnType<typeof loadKernel>>, size: SizeName): number {
  const t = performance.now();
  const s = customize(pb.kernel, { instantiate: pb.SIZES[size] });
  pb.schedule(s);
  emitHls(s.ir);
  return performance.now() - t;
}

function largestDifference(got: readonly Value[], want: readonly Value[]): string {
  let worst = 0;
  want.forEach((w, a) => {
    const g = got[a];
    const ws = typeof w === "number" ? [w] : w;
    const gs = typeof g === "number" ? [g] : g;
    for (let i = 0; i < ws.length; i++) {
      if (Object.is(gs[i], ws[i])) continue;
      const d = Math.abs(gs[i] - ws[i]) / Math.max(1, Math.abs(ws[i]));
      // NaN against a number counts as the worst; +0 against -0 is not exact, but no distance either
      worst = Math.max(worst, Number.isNaN(d) ? Number.POSITIVE_INFINITY : d === 0 ? Number.MIN_VALUE : d);
    }
  });
  return worst === 0 ? "exact" : `rel ${worst.toExponential(1)}`;
}

/** Best time of 3 runs of `run` on copies of `inputs`, and the last run's outputs. */
function bestOf(run: (...args: Value[]) => unknown, inputs: readonly Value[]): { ms: number; out: Value[] } {
  let best = Number.POSITIVE_INFINITY;
  let out: Value[] = [];
  for (let r = 0; r < 3; r++) {
    out = cloneValues(inputs);
    const t = performance.now();
    run(...out);
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, out };
}

/** The first kernel's compile in fresh processes (bench/first-compile.ts), median of 3. */
function firstCompile(name: string, size: SizeName): number {
  const script = join(import.meta.dirname, "first-compile.ts");
  const run = () =>
    Number(execFileSync(process.execPath, ["--import", "tsx", script, name, size], { encoding: "utf8" }));
  return median([run(), run(), run()]);
}

export async function benchPolybench(size: SizeName = "medium"): Promise<PolyBenchResult> {
  const rows: PolyBenchRow[] = [];
  const firstCompileMs = firstCompile(KERNELS[0].name, size);
  for (const k of KERNELS) {
    const pb = await loadKernel(k.name);
    compileOnce(pb, size);
    const compileMs = median(Array.from({ length: 5 }, () => compileOnce(pb, size)));

    const { plain, scheduled } = customizeBoth(pb, size);
    const ref = runRef(k.name, pb.SIZES[size], plain.ir, { reps: 5 });
    const cpu = bestOf(scheduled.build(), ref.inputs);
    const native = bestOf(scheduled.build({ target: "native" }), ref.inputs);

    const mini = customizeBoth(pb, "mini");
    const t = performance.now();
    const v = mini.scheduled.verify();
    const verifyMs = performance.now() - t;
    const bad = await csimMismatch(k.name, pb, "mini");
    rows.push({
      kernel: k.name,
      compileMs,
      cpuMs: cpu.ms,
      nativeMs: native.ms,
      nativeVsCpu: largestDifference(native.out, cpu.out),
      cMs: ref.ms ?? Number.NaN,
      vsC: largestDifference(cpu.out, ref.outputs),
      verifyMs,
      verify: v.status,
      csim: bad === undefined ? "equal" : `differs at ${bad}`,
      estMs: estimateMs(scheduled),
      alloEstMs: pb.alloSchedule && estimateMs(customizeBoth(pb, size, pb.alloSchedule).scheduled),
      scheduleLines: scheduleLines(k.name),
      alloLatencyMs: ALLO[k.name]?.ms,
      alloLoc: ALLO[k.name]?.loc,
    });
  }
  return { size, firstCompileMs, rows };
}

/** The rows as console.table shows them. */
export function polybenchTable(r: PolyBenchResult): Record<string, string>[] {
  return r.rows.map((x) => ({
    kernel: x.kernel,
    "compile ms": x.compileMs.toFixed(1),
    "cpu ms": x.cpuMs.toFixed(2),
    "g++ -O2 ms": x.cMs.toFixed(3),
    "cpu / C": (x.cpuMs / x.cMs).toFixed(1),
    "native ms": x.nativeMs.toFixed(3),
    "native / C": (x.nativeMs / x.cMs).toFixed(2),
    "native vs cpu": x.nativeVsCpu,
    "vs C": x.vsC,
    "verify (mini)": `${x.verify} ${x.verifyMs.toFixed(0)} ms`,
    "csim (mini)": x.csim,
    "est ms": x.estMs.toPrecision(3),
    "est ms (Allo sched)": x.alloEstMs === undefined ? "" : x.alloEstMs.toPrecision(3),
    "Allo ms": x.alloLatencyMs === undefined ? "" : String(x.alloLatencyMs),
    "schedule lines": String(x.scheduleLines),
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = process.env.POLYBENCH_SIZE;
  const r = await benchPolybench(size === "mini" || size === "small" ? size : "medium");
  console.table(polybenchTable(r));
  writeReport(r);
}
