// Compile speed: customize() + build() of the seed's GEMM, cold (first in a fresh process, the
// typescript parser already loaded) and warm (repeated, source cache hot), plus the seed schedule.
import { performance } from "node:perf_hooks";
import { customize } from "../src/index.ts";
import { gemm } from "../test/corpus/gemm.ts";

function once(schedule: boolean): number {
  const t0 = performance.now();
  const s = customize(gemm);
  if (schedule) {
    s.reorder("k", "j");
    s.bufferAt("C", "i");
    s.pipeline("j");
  }
  s.build();
  return performance.now() - t0;
}

export function benchCompile(): Record<string, string>[] {
  const cold = once(false);
  const warm: number[] = [];
  for (let i = 0; i < 20; i++) warm.push(once(false));
  const sched: number[] = [];
  for (let i = 0; i < 20; i++) sched.push(once(true));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return [
    { what: "customize + build, cold (first call)", ms: cold.toFixed(1) },
    { what: "customize + build, warm (median of 20)", ms: median(warm).toFixed(2) },
    { what: "customize + 3-step schedule + build, warm", ms: median(sched).toFixed(2) },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchCompile());
