// The 13 kernels Allo scheduled, each with Allo's schedule re-expressed on its loops (`alloSchedule`): at
// `mini` and `small` the CPU result equals the plain kernel's bit for bit on the C reference's inputs, and
// at `mini` the verifier proves the scheduled kernel equivalent to the plain one (csim: allo-csim.test.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { KERNELS } from "./kernels.ts";
import {
  alloScheduleOf,
  cloneValues,
  customizeBoth,
  firstMismatch,
  loadKernel,
  runRef,
  type SizeName,
} from "./support.ts";

for (const size of ["mini", "small"] as const satisfies readonly SizeName[]) {
  for (const k of KERNELS.filter((e) => e.allo)) {
    const what = size === "mini" ? "CPU vs plain, verifier" : "CPU vs plain";
    test(`polybench ${k.name} (${size}): Allo's schedule, ${what}`, async () => {
      const pb = await loadKernel(k.name);
      const { plain, scheduled } = customizeBoth(pb, size, alloScheduleOf(k.name, pb));
      assert.ok(scheduled.steps.length > 0, `${k.name}: alloSchedule applied no step`);
      const ref = runRef(k.name, pb.SIZES[size], plain.ir, { variant: k.inert !== undefined });
      const want = cloneValues(ref.inputs);
      plain.build()(...want);
      assert.ok(firstMismatch(ref.inputs, want) !== undefined, "the plain kernel changed nothing");
      const got = cloneValues(ref.inputs);
      scheduled.build()(...got);
      const bad = firstMismatch(got, want);
      assert.equal(bad, undefined, `${k.name} Allo-scheduled vs plain: ${bad}`);
      if (size !== "mini") return;
      const r = scheduled.verify();
      assert.equal(r.status, "equivalent", `${k.name}: ${r.reason ?? ""}`);
    });
  }
}
