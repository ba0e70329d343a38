// Spatial regions on the CPU backend: the seed's 16x16 systolic array (K = 256) and a 4-stage pipeline,
// each timed side by side in one run as the same computation written as a plain loop nest, as the
// region run through sequentializeRegions (the default), and on the coroutine scheduler (the CPU
// passes without it: how every region ran before). All three must write the same outputs.
//   npx tsx bench/spatial.ts            (or `npm run bench`, which runs every bench)
import { performance } from "node:perf_hooks";
import { compileCpu } from "../src/backends/cpu/index.ts";
import { narrowToNumbers } from "../src/backends/cpu/passes.ts";
import type { Module } from "../src/ir/nodes.ts";
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
  m: Module,
  c: Case,
  passes?: typeof PASSES_WITHOUT,
  budgetMs = Number(process.env.SPATIAL_MS ?? 3000),
): { ms: number; out: string } {
  const run = compileCpu(m, {}, passes);
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

/** The CPU backend's passes without sequentializeRegions: every region on the coroutine scheduler. */
const PASSES_WITHOUT = [narrowToNumbers];

export function benchSpatial(): Record<string, string>[] {
  return cases().map((c) => {
    const plain = time(c.plain, c);
    const seq = time(c.region, c);
    const coro = time(c.region, c, PASSES_WITHOUT);
    if (seq.out !== plain.out || coro.out !== plain.out) throw new Error(`${c.name}: outputs differ`);
    return {
      case: c.name,
      "plain loop ms": plain.ms.toFixed(3),
      "region ms": seq.ms.toFixed(3),
      "region / plain": `${(seq.ms / plain.ms).toFixed(1)}x`,
      "coroutines ms": coro.ms.toFixed(2),
      "coroutines / plain": `${(coro.ms / plain.ms).toFixed(0)}x`,
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchSpatial());
