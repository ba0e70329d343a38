// What the examples print about C simulation: the design built as a Vitis HLS project in a temporary
// directory and run by csim (the system g++ with the ap_int/hls::stream headers allo-ts ships), timed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Schedule } from "allo-ts";

/** Runs `s` in csim on `args` (outputs written in place, as on the CPU backend); its result and time. */
export async function csimRun(
  s: Schedule,
  args: readonly unknown[],
): Promise<{ result: unknown; ms: number }> {
  const dir = mkdtempSync(join(tmpdir(), "allo-example-csim-"));
  try {
    const t = performance.now();
    const result = await s.build({ target: "vitis_hls", mode: "csim", project: dir })(...args);
    return { result, ms: performance.now() - t };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
