// A design customized and scheduled again reuses the CPU backend's generated JavaScript (keyed by the
// module's exact text); a changed design, or the same one counting steps, is generated afresh.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cpuStats } from "../../../src/backends/cpu/index.ts";
import { customize } from "../../../src/index.ts";
import { spatialIJ } from "../../schedule/spatial/support.ts";
import { matmulSource } from "../../verify/support/systolic.ts";

test("a design customized and scheduled again is not generated again; a changed one is", () => {
  const design = (k: number) => {
    const s = customize(matmulSource(4, 4, k), { name: "matmul" });
    spatialIJ(s, { M: 4, N: 4, K: k });
    return s;
  };
  const first = design(8).build();
  const generated = cpuStats.generated;
  const again = design(8).build();
  assert.equal(cpuStats.generated, generated, "the same design reuses its JavaScript");
  assert.equal(again.source, first.source);
  design(6).build();
  assert.equal(cpuStats.generated, generated + 1, "another K is generated");
  design(8).build({ maxSteps: 1e6 });
  assert.equal(cpuStats.generated, generated + 2, "counting steps is other code");
});
