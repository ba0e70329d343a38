// The BERT FFN example at full size (512x768 @ 768x3072 int8 -> int32 on a 16x16 systolic array):
// build and run time on the native target and on the CPU backend, both checked against the plain
// reference, and the estimate next to the seed's published U280 numbers.
//   npx tsx bench/bert-ffn.ts            (or `npm run bench`, which runs every bench)
import { performance } from "node:perf_hooks";
import { BERT_BASE, bertFfn, bertFfnBanked, operands, PUBLISHED, reference } from "../examples/bert-ffn.ts";
import { estimateRow } from "./estimate-row.ts";

export function benchBertFfn(): Record<string, string>[] {
  const sizes = BERT_BASE;
  const [X, W] = operands(sizes);
  const want = reference(X, W, sizes);
  const s = bertFfn(sizes);
  const rows: Record<string, string>[] = [];
  for (const target of ["native", "cpu"] as const) {
    let t = performance.now();
    const run = target === "cpu" ? s.build() : s.build({ target: "native" });
    const build = performance.now() - t;
    const Y = new Int32Array(sizes.M * sizes.N);
    t = performance.now();
    run(X, W, Y);
    const ms = performance.now() - t;
    rows.push({
      what: `${target} run`,
      "build ms": build.toFixed(0),
      "run ms": ms.toFixed(0),
      result: String(Y.every((y, k) => y === want[k])),
    });
  }
  rows.push(estimateRow(s));
  rows.push(estimateRow(bertFfnBanked(sizes), { wrapIo: false }, "estimate, kernel alone, X/W banked"));
  for (const p of PUBLISHED)
    rows.push({
      what: `published ${p.tool} (U280)`,
      "build ms": "-",
      "run ms": String(p.ms),
      result: `${p.dsp === undefined ? "" : `DSP ${p.dsp}, `}BRAM18K ${p.bram18k}`,
    });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchBertFfn());
