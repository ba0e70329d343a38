// The estimator on the 13 PolyBench kernels Allo scheduled, at one size (`medium` unless POLYBENCH_SIZE
// says otherwise), without the rest of the PolyBench bench: s.estimate() of the kernel under its own
// `schedule` and under `alloSchedule` (Allo's schedule on its loops), the latter also without the
// vitis_hls top's copy loops (wrapIo false: the kernel's arrays are then its interface, which Vitis's
// automatic partitioning leaves alone), next to Allo's published latency at medium (PLDI'24 Fig. 10).
// `npx tsx bench/polybench-allo.ts` prints the table; it writes nothing.
import { KERNELS } from "../test/polybench/kernels.ts";
import { alloScheduleOf, customizeBoth, loadKernel, type SizeName } from "../test/polybench/support.ts";
import { ALLO, estimateMs } from "./polybench.ts";

export async function alloEstimates(size: SizeName): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for (const k of KERNELS.filter((e) => e.allo)) {
    const pb = await loadKernel(k.name);
    const ours = customizeBoth(pb, size).scheduled;
    const allo = customizeBoth(pb, size, alloScheduleOf(k.name, pb)).scheduled;
    const alloMs = ALLO[k.name]?.ms;
    const kernelOnly = estimateMs(allo, false);
    const withCopies = estimateMs(allo);
    rows.push({
      kernel: k.name,
      "est ms": estimateMs(ours).toPrecision(3),
      "est ms (Allo sched)": withCopies.toPrecision(3),
      "Allo sched, no copy loops": kernelOnly.toPrecision(3),
      "Allo ms": alloMs === undefined ? "" : String(alloMs),
      "Allo sched / Allo ms": alloMs === undefined ? "" : (withCopies / alloMs).toFixed(1),
      "no copy loops / Allo ms": alloMs === undefined ? "" : (kernelOnly / alloMs).toFixed(1),
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = process.env.POLYBENCH_SIZE;
  console.table(await alloEstimates(size === "mini" || size === "small" ? size : "medium"));
}
