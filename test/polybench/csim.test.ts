// A subset of the PolyBench kernels at `mini` through Vitis HLS csim (g++ here): the scheduled kernel's
// csim result must equal the CPU backend's, bit for bit (each csim compiles a testbench, so only the
// kernels kernels.ts marks `csim` run in CI; bench/polybench.ts runs none of them).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { KERNELS } from "./kernels.ts";
import { cloneValues, customizeBoth, firstMismatch, loadKernel, runRef } from "./support.ts";

for (const k of KERNELS.filter((e) => e.csim)) {
  test(`polybench ${k.name} (mini): scheduled csim equals the CPU backend`, async () => {
    const pb = await loadKernel(k.name);
    const { scheduled } = customizeBoth(pb, "mini");
    const ref = runRef(k.name, pb.SIZES.mini, scheduled.ir);
    const cpu = cloneValues(ref.inputs);
    scheduled.build()(...cpu);
    const csim = cloneValues(ref.inputs);
    const project = mkdtempSync(join(tmpdir(), `allo-pb-${k.name}-`));
    try {
      await scheduled.build({ target: "vitis_hls", mode: "csim", project })(...csim);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
    const bad = firstMismatch(csim, cpu);
    assert.equal(bad, undefined, `${k.name} csim vs cpu: ${bad}`);
  });
}
