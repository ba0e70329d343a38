// Every PolyBench kernel at `mini` and `small`: the plain and the scheduled kernel on the CPU backend
// against the C reference (g++ -O2, PolyBench's init functions), bit for bit; at `mini` also the
// verifier's proof that the scheduled kernel is equivalent to the plain one (its cost grows with the
// iteration count, so `small` is checked against C only).
import assert from "node:assert/strict";
import { test } from "node:test";
import { KERNELS } from "./kernels.ts";
import { cloneValues, customizeBoth, firstMismatch, loadKernel, runRef, type SizeName } from "./support.ts";

for (const size of ["mini", "small"] as const satisfies readonly SizeName[]) {
  for (const k of KERNELS) {
    const what = size === "mini" ? "plain and scheduled vs C, verifier" : "plain and scheduled vs C";
    test(`polybench ${k.name} (${size}): ${what}`, async () => {
      const pb = await loadKernel(k.name);
      const { plain, scheduled } = customizeBoth(pb, size);
      const ref = runRef(k.name, pb.SIZES[size], plain.ir, { variant: k.inert !== undefined });
      assert.ok(firstMismatch(ref.inputs, ref.outputs) !== undefined, "the reference kernel changed nothing");
      for (const [which, s] of [
        ["plain", plain],
        ["scheduled", scheduled],
      ] as const) {
        const args = cloneValues(ref.inputs);
        s.build()(...args);
        const bad = firstMismatch(args, ref.outputs);
        assert.equal(bad, undefined, `${k.name} ${which} vs C: ${bad}`);
      }
      if (size !== "mini") return;
      const r = scheduled.verify();
      assert.equal(r.status, "equivalent", `${k.name}: ${r.reason ?? ""}`);
    });
  }
}
