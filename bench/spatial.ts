// Spatial regions on the CPU backend and the native target: the seed's 16x16 systolic array (K = 256)
// and a 4-stage pipeline, each timed side by side in one run as the same computation written as a
// plain loop nest, as the region run through sequentializeRegions (the default), and on the coroutine
// scheduler (the passes without it: how a region without a proven static schedule runs). All must
// write the same outputs.
//   npx tsx bench/spatial.ts            (or `npm run bench`, which runs every bench)
import { performance } from "node:perf_hooks";
import { compileCpu } from "../src/backends/cpu/index.ts";
import { narrowToNumbers } from "../src/backends/cpu/passes.ts";
import { compileNative } from "../src/backends/native/index.ts";
import { narrowToNative } from "../src/backends/native/passes.ts";
import type { Module } from "../src/ir/nodes.ts";
import type { Pass } from "../src/ir/passes/pass.ts";
import { pipeline, pipelinePlain, rng } from "../test/ir/passes/support/networks.ts";
import { seedSystolic } from "../test/verify/support/systolic.ts";

interface Case {
  readonly name: string;
  readonly plain: Module;
  readonly region: Module;
  readonly inputs: () => (Int8Array | Int16Array | Int32Array)[];
}

function cases(): Case[] {
  const s = seedSystolic(16, 256);
  const r = rng(16);
  const A = Int8Array.from({ length: 16 * 256 }, () => r(256) - 128);
  const B = Int8Array.from({ length: 256 * 16 }, () => r(256) - 128);
  const n = 1 << 16;
  const X = Int32Array.from({ length: n }, () => r(2 ** 31));
  return [
    {
      name: "systolic 16x16, K=256 (seed schedule)",
      plain: s.original,
      region: s.ir,
      inputs: () => [A, B, new Int16Array(256)],
    },
    {
      name: `pipeline, 4 stages, ${n} values`,
      plain: pipelinePlain(n, 4),
      region: pipeline(n, 4, [2]),
      inputs: () => [X, new Int32Array(n)],
    },
  ];
}

/**
 * Best time of repeated runs (the least disturbed by other load) within about `budgetMs` (SPATIAL_MS),
 * and the outputs. The budget is long enough for V8 to finish optimising the generated code.
 */
function time(
  run: (...args: unknown[]) => unknown,
  c: Case,
  budgetMs = Number(process.env.SPATIAL_MS ?? 3000),
): { ms: number; out: string } {
  let best = Number.POSITIVE_INFINITY;
  let out = "";
  const start = performance.now();
  for (let k = 0; k < 20000 && (k < 5 || performance.now() - start < budgetMs); k++) {
    const args = c.inputs();
    const t = performance.now();
    run(...args);
    best = Math.min(best, performance.now() - t);
    if (k === 0) out = args.map((a) => a.join(",")).join(";");
  }
  return { ms: best, out };
}

/** The backends' passes without sequentializeRegions: every region on the coroutine scheduler. */
const CPU_WITHOUT = [narrowToNumbers];
const NATIVE_WITHOUT = [narrowToNative];

const native = (m: Module, passes?: readonly Pass[]) => compileNative([m], {}, passes)[0];

export function benchSpatial(): Record<string, string>[] {
  return cases().map((c) => {
    const plain = time(compileCpu(c.plain), c);
    const seq = time(compileCpu(c.region), c);
    const coro = time(compileCpu(c.region, {}, CPU_WITHOUT), c);
    const nPlain = time(native(c.plain), c);
    const nSeq = time(native(c.region), c);
    const nCoro = time(native(c.region, NATIVE_WITHOUT), c);
    if ([seq, coro, nPlain, nSeq, nCoro].some((r) => r.out !== plain.out))
      throw new Error(`${c.name}: outputs differ`);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b < 1 ? 2 : a / b < 10 ? 1 : 0)}x`;
    return {
      case: c.name,
      "plain loop ms": plain.ms.toFixed(3),
      "region ms": seq.ms.toFixed(3),
      "region / plain": ratio(seq.ms, plain.ms),
      "coroutines ms": coro.ms.toFixed(2),
      "coroutines / plain": ratio(coro.ms, plain.ms),
      "native plain ms": nPlain.ms.toFixed(3),
      "native region / plain": ratio(nSeq.ms, nPlain.ms),
      "native coroutines ms": nCoro.ms.toFixed(3),
      "native coroutines / plain": ratio(nCoro.ms, nPlain.ms),
      "native / cpu coroutines": ratio(nCoro.ms, coro.ms),
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchSpatial());
