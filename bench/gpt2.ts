// The GPT-2 example at GPT2-medium's size (64 tokens, D = 1024, 16 heads, FFN 4096; W4A8): build and run
// time natively, on the CPU backend and in csim, each checked bit for bit against the plain W4A8
// reference, its distance from the float layer, and the estimate next to the seed's published resources.
//   npx tsx bench/gpt2.ts            (or `npm run bench`, which runs every bench)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gpt2, PUBLISHED } from "../examples/gpt2.ts";
import {
  compareLayers,
  floatLayer,
  GPT2_MEDIUM,
  quantizedLayer,
  quantizeLayer,
  weights,
} from "../examples/gpt2-reference.ts";
import { estimateRow } from "./estimate-row.ts";

export async function benchGpt2(): Promise<Record<string, string>[]> {
  const sizes = GPT2_MEDIUM;
  const { x, w } = weights(sizes);
  const q = quantizeLayer(x, w, sizes);
  const x32 = Float32Array.from(x);
  const want = quantizedLayer(x32, q, sizes, w);
  const err = compareLayers(want, floatLayer(x, w, sizes));
  const s = gpt2(sizes);
  const dir = mkdtempSync(join(tmpdir(), "allo-gpt2-bench-"));
  const rows: Record<string, string>[] = [];
  try {
    for (const target of ["native", "cpu", "csim"] as const) {
      let t = performance.now();
      const run =
        target === "cpu"
          ? s.build()
          : target === "native"
            ? s.build({ target: "native" })
            : s.build({ target: "vitis_hls", mode: "csim", project: dir });
      const build = performance.now() - t;
      t = performance.now();
      const y = (await run(x32, ...q.args)) as Float32Array;
      const ms = performance.now() - t;
      rows.push({
        what: `${target} run`,
        "build ms": build.toFixed(0),
        "run ms": ms.toFixed(0),
        result: y.every((v, i) => Object.is(v, want[i]))
          ? "bit-identical to the W4A8 reference"
          : "DIFFERENT",
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push({
    what: "vs the float layer",
    "build ms": "-",
    "run ms": "-",
    result: `relative RMS error ${(err.relRms * 100).toFixed(2)}%, largest difference ${err.maxAbs.toFixed(3)}`,
  });
  rows.push(estimateRow(s));
  rows.push({
    what: "published Allo (U280, 24 layers)",
    "build ms": "-",
    "run ms": "-",
    result: `DSP ${PUBLISHED.dsp}, BRAM18K ${PUBLISHED.bram18k}`,
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchGpt2());
