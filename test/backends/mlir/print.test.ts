// The MLIR printer: golden text for every corpus kernel, scheduled kernel and hand-built module,
// Allo's partition layout maps, deterministic output, and acceptance of all of it by mlir-opt-22 in
// one invocation.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { printMlir } from "../../../src/backends/mlir/print.ts";
import { layoutMap, sym } from "../../../src/backends/mlir/types.ts";
import { customize } from "../../../src/index.ts";
import type { BufferDecl, Partition } from "../../../src/ir/nodes.ts";
import { F32 } from "../../../src/types/dtype.ts";
import { CASES } from "../../corpus/cases.ts";
import { assertGolden } from "../../support/golden.ts";
import { MODULES } from "./modules.ts";
import { LOWERING } from "./native.ts";
import { SCHEDULED, scheduled } from "./scheduled.ts";
import { inWorkDir, requireTools, run, skipWithoutTools } from "./tools.ts";

const corpus = CASES.map((c) => ({ name: c.name, text: String(customize(c.kernel, c.options).module) }));
const built = Object.entries(MODULES).map(([name, make]) => ({ name, text: printMlir(make()) }));
const sched = Object.keys(SCHEDULED).map((name) => ({ name, text: String(scheduled(name).module) }));

test("every corpus kernel prints its golden MLIR", () => {
  // One golden per kernel function; a template's instantiations share it, one section each.
  const byKernel = new Map<string, string[]>();
  CASES.forEach((c, k) => {
    const sections = byKernel.get(c.kernel.name) ?? [];
    byKernel.set(c.kernel.name, [...sections, `// case ${c.name}\n${corpus[k].text}`]);
  });
  for (const [kernel, sections] of byKernel)
    assertGolden(`mlir/corpus/${kernel}.mlir`, sections.join("// -----\n"));
});

test("every hand-built module prints its golden MLIR", () => {
  for (const m of built) assertGolden(`mlir/${m.name}.mlir`, m.text);
});

test("every scheduled kernel prints its golden MLIR", () => {
  for (const m of sched) assertGolden(`mlir/scheduled/${m.name}.mlir`, m.text);
});

test("partitions can be attributes instead of layout maps, the form that lowers to LLVM", () => {
  const text = printMlir(MODULES.partitions(), { layouts: "attributes" });
  assert.ok(!text.includes("affine_map<(d0"), "no layout maps");
  assertGolden("mlir/partitions_lowerable.mlir", text);
});

test("mlir-opt-22 parses and verifies every printed module", { skip: skipWithoutTools() }, () => {
  const tools = requireTools();
  inWorkDir("verify", (dir) => {
    const lowerable = {
      name: "partitions_lowerable",
      text: printMlir(MODULES.partitions(), { layouts: "attributes" }),
    };
    const all = [...corpus, ...built, ...sched, lowerable];
    const file = join(dir, "all.mlir");
    writeFileSync(file, all.map((m) => `// ${m.name}\n${m.text}`).join("// -----\n"));
    run(
      tools.opt,
      ["--split-input-file", file, "-o", join(dir, "out.mlir")],
      `verifying ${all.length} modules`,
    );
    writeFileSync(join(dir, "lowerable.mlir"), lowerable.text);
    run(
      tools.opt,
      [join(dir, "lowerable.mlir"), ...LOWERING, "-o", join(dir, "lowered.mlir")],
      "lowering partitions",
    );
  });
});

const buf = (shape: number[], partitions: Partition[]): BufferDecl => ({
  name: "A",
  type: F32,
  shape,
  role: "param",
  partitions,
});

test("partition layout maps follow Allo's table", () => {
  const p = (type: Partition["type"], dim: number, factor = 0): Partition => ({ type, dim, factor });
  assert.equal(layoutMap(buf([4, 4], [p("complete", 0)])), "affine_map<(d0, d1) -> (d0, d1, 0, 0)>");
  assert.equal(
    layoutMap(buf([10, 10], [p("block", 0, 2)])),
    "affine_map<(d0, d1) -> (d0 floordiv 5, d1 floordiv 5, d0 mod 5, d1 mod 5)>",
  );
  assert.equal(layoutMap(buf([4, 4], [p("complete", 1)])), "affine_map<(d0, d1) -> (d0, 0, 0, d1)>");
  assert.equal(
    layoutMap(buf([8, 6], [p("cyclic", 2, 3)])),
    "affine_map<(d0, d1) -> (0, d1 mod 3, d0, d1 floordiv 3)>",
  );
  // factor 1 is no partition, a factor covering the dimension is complete; block banks are ceil(n / f) wide
  assert.equal(layoutMap(buf([6], [p("cyclic", 1, 1)])), undefined);
  assert.equal(layoutMap(buf([6], [p("block", 1, 6)])), "affine_map<(d0) -> (d0, 0)>");
  assert.equal(layoutMap(buf([10], [p("block", 1, 3)])), "affine_map<(d0) -> (d0 floordiv 4, d0 mod 4)>");
});

test("symbols that are not bare identifiers are quoted", () => {
  assert.equal(sym("gemm_1_2"), "@gemm_1_2");
  assert.equal(sym("matmul.mm1"), "@matmul.mm1");
  assert.equal(sym("größe"), '@"größe"');
});

test("printing is deterministic", () => {
  for (const [name, make] of Object.entries(MODULES))
    assert.equal(printMlir(make()), printMlir(make()), name);
  const c = CASES[0];
  assert.equal(String(customize(c.kernel, c.options).module), corpus[0].text);
});
