// The table row the example benches print for a design's estimate: its time to compute, the latency in
// ms at the profile's clock, and the DSP and BRAM it needs.
import { performance } from "node:perf_hooks";
import type { EstimateOptions, Schedule } from "../src/index.ts";

export function estimateRow(
  s: Schedule,
  opts: EstimateOptions = {},
  what = "estimate",
): Record<string, string> {
  const t = performance.now();
  const e = s.estimate(opts);
  return {
    what: `${what} (${e.profile.name})`,
    "build ms": (performance.now() - t).toFixed(0),
    "run ms": ((e.latency * e.profile.clockNs) / 1e6).toFixed(2),
    result: `DSP ${e.resources.dsp}, BRAM18K ${e.resources.bram18k}`,
  };
}
