// computeAt: fusing a producer band into its consumer at the outer or inner level, chained fusions
// over three bands, IR goldens and bit-exact runs (int and float).
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { printMlir } from "../../../src/backends/mlir/print.ts";
import { customize } from "../../../src/index.ts";
import type { ForStmt } from "../../../src/ir/nodes.ts";
import { verifyModules } from "../../../src/verify/index.ts";
import { scheduled } from "../support.ts";
import { centered, multiband, rowFactors, threeBands, twoBands } from "./kernels.ts";

const loops = (body: readonly { kind: string }[]) => body.filter((s): s is ForStmt => s.kind === "for");

test("computeAt at the inner level runs the producer's element right before its use", () => {
  const s = scheduled("memory/compute_at_j", twoBands, (s) => s.computeAt("j", "jj"));
  const [band] = loops(s.ir.functions[0].body);
  assert.equal(band.attrs.opName, "Q");
  const jj = band.body[0] as ForStmt;
  assert.deepEqual(
    jj.body.map((x) => (x.kind === "store" ? x.buffer : x.kind)),
    ["B", "C"],
  );
});

test("computeAt with a band name fuses at the outermost level", () => {
  const s = scheduled("memory/compute_at_band", twoBands, (s) => s.computeAt("P", "ii"));
  const [band] = loops(s.ir.functions[0].body);
  assert.deepEqual(
    loops(band.body).map((l) => l.name),
    ["j", "jj"],
  );
});

test("computeAt chains over three float bands at different levels (Allo's compute_at_complex)", () => {
  const s = scheduled("memory/compute_at_three", threeBands, (s) => {
    s.computeAt("j", "jj");
    s.computeAt("mm", "mmm");
  });
  assert.equal(loops(s.ir.functions[0].body).length, 1);
  assert.equal(verifyModules(s.original, s.ir).status, "equivalent");
});

test("computeAt at the innermost level of three", () => {
  scheduled("memory/compute_at_m", threeBands, (s) => s.computeAt("m", "mm"));
});

test("computeAt of an imperfect producer at the row level keeps its row scalar inside the row", () => {
  const s = scheduled("memory/compute_at_rows", centered, (s) => s.computeAt("P", "Q"));
  const [band] = loops(s.ir.functions[0].body);
  assert.deepEqual(
    band.body.map((x) => (x.kind === "for" ? x.name : x.kind)),
    ["alloc", "store", "j", "j", "jj"],
  );
});

test("Allo's test_multiband: the producer loop names its band, the consumer loop the level", () => {
  const A = Int32Array.from({ length: 32 * 32 }, (_, k) => (k * 7) % 10);
  const want = A.map((a) => (a + 1) * 2);
  const atJ = scheduled("memory/compute_at_multiband", multiband, (s) => s.computeAt("B:j", "C:j"));
  assert.deepEqual(compileCpu(atJ.ir)(A.slice()), want);
  assert.equal(verifyModules(atJ.original, atJ.ir).status, "equivalent");
  // A producer loop at another depth than the consumer's fuses at the consumer's level, as in Allo.
  const outer = customize(multiband).computeAt("B:i", "C:j");
  assert.equal(printMlir(outer.ir), printMlir(atJ.ir));
  const atI = scheduled("memory/compute_at_multiband_i", multiband, (s) => s.computeAt("B:j", "C:i"));
  const [band] = loops(atI.ir.functions[0].body);
  assert.deepEqual(
    loops(band.body).map((l) => l.name),
    ["j", "j"],
  );
  assert.deepEqual(compileCpu(atI.ir)(A.slice()), want);
  assert.equal(verifyModules(atI.original, atI.ir).status, "equivalent");
});

test("computeAt follows a one-loop producer down to the consumer's level only where it has loops", () => {
  const s = scheduled("memory/compute_at_row_factors", rowFactors, (s) => s.computeAt("r", "ii"));
  assert.equal(verifyModules(s.original, s.ir).status, "equivalent");
});
