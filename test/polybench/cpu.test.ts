// Every PolyBench kernel at `mini`: the plain and the scheduled kernel on the CPU backend against the C
// reference (g++ -O2, PolyBench's init functions), bit for bit, and the verifier's proof that the scheduled
// kernel is equivalent to the plain one.
import assert from "node:assert/strict";
import { test } from "node:test";
import { KERNELS } from "./kernels.ts";
import { cloneValues, customizeBoth, firstMismatch, loadKernel, runRef } from "./support.ts";

for (const k of KERNELS) {
  test(`polybench ${k.name} (mini): plain and scheduled vs C, verifier`, async () => {
    const pb = await loadKernel(k.name);
    const { plain, scheduled } = customizeBoth(pb, "mini");
    const ref = runRef(k.name, pb.SIZES.mini, plain.ir, { variant: k.inert !== undefined });
    assert.ok(firstMismatch(ref.inputs, ref.outputs) !== undefined, "the reference kernel changed nothing");
    for (const [what, s] of [
      ["plain", plain],
      ["scheduled", scheduled],
    ] as const) {
      const args = cloneValues(ref.inputs);
      s.build()(...args);
      const bad = firstMismatch(args, ref.outputs);
      assert.equal(bad, undefined, `${k.name} ${what} vs C: ${bad}`);
    }
    const r = scheduled.verify();
    assert.equal(r.status, "equivalent", `${k.name}: ${r.reason ?? ""}`);
  });
}
