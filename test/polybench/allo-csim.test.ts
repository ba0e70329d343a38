// The 13 kernels Allo scheduled, with Allo's schedule re-expressed on them (`alloSchedule`), at `mini`
// through Vitis HLS csim (g++ here): the csim result must equal the CPU backend's, bit for bit.
import assert from "node:assert/strict";
import { test } from "node:test";
import { KERNELS } from "./kernels.ts";
import { alloScheduleOf, csimMismatch, loadKernel } from "./support.ts";

for (const k of KERNELS.filter((e) => e.allo)) {
  test(`polybench ${k.name} (mini): Allo-scheduled csim equals the CPU backend`, async () => {
    const pb = await loadKernel(k.name);
    const bad = await csimMismatch(k.name, pb, "mini", alloScheduleOf(k.name, pb));
    assert.equal(bad, undefined, `${k.name} Allo-scheduled csim vs cpu: ${bad}`);
  });
}
