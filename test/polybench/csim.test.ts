// A subset of the PolyBench kernels at `mini` through Vitis HLS csim (g++ here): the scheduled kernel's
// csim result must equal the CPU backend's, bit for bit (each csim compiles a testbench, so only the
// kernels kernels.ts marks `csim` run in CI; bench/polybench.ts runs all of them).
import assert from "node:assert/strict";
import { test } from "node:test";
import { KERNELS } from "./kernels.ts";
import { csimMismatch, loadKernel } from "./support.ts";

for (const k of KERNELS.filter((e) => e.csim)) {
  test(`polybench ${k.name} (mini): scheduled csim equals the CPU backend`, async () => {
    const bad = await csimMismatch(k.name, await loadKernel(k.name), "mini");
    assert.equal(bad, undefined, `${k.name} csim vs cpu: ${bad}`);
  });
}
