// Target "llvm": MLIR -> LLVM IR -> shared object when mlir-opt-22, mlir-translate-22 and clang-22 are
// installed, bit-identical to the CPU backend on the corpus kernels whose arguments suit that route
// (a subset: each is its own compile); kernels with other argument types or unproven indices take the
// C++ route (and still raise AL5010), and a second build is a cache hit.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { compileStats } from "../../../src/backends/native/compile.ts";
import { buildLlvm } from "../../../src/backends/native/index.ts";
import { llvmTools } from "../../../src/backends/native/llvm.ts";
import type { AlloError } from "../../../src/diagnostics/error.ts";
import { customize } from "../../../src/index.ts";
import { forLoop, idx, idxOp, ivRef, load } from "../../../src/ir/build.ts";
import { I32 } from "../../../src/types/dtype.ts";
import { CASES } from "../../corpus/cases.ts";
import { rng } from "../../support/random.ts";
import { buffer, func, module, store } from "../cpu/ir.ts";
import { assertLikeCpu, SKIP } from "./support.ts";

const cacheDir = mkdtempSync(join(tmpdir(), "allo-llvm-"));
after(() => rmSync(cacheDir, { recursive: true, force: true }));
const TOOLS = llvmTools();
const MLIR_CASES = ["gemm", "matmul_acc", "addmul_int8", "addmul_int64"];

test("llvm: MLIR-routed corpus kernels equal the CPU backend; other kernels take the C++ route", {
  skip: SKIP,
}, () => {
  for (const name of [...MLIR_CASES, "addmul_int12"]) {
    const c = CASES.find((x) => x.name === name);
    assert.ok(c, name);
    const m = customize(c.kernel, c.options).ir;
    const run = buildLlvm(m, { cacheDir });
    const want = MLIR_CASES.includes(name) && TOOLS ? "mlir" : "c++";
    assert.equal(run.route, want, name);
    assertLikeCpu([{ name, module: m, args: c.inputs(rng(3)) }], [run]);
  }
  const A = buffer({ name: "A", type: I32, shape: [8] });
  const B = buffer({ name: "B", type: I32, shape: [8] });
  const i = ivRef("i");
  const shift = module(
    func("shift", {
      params: [A, B],
      body: [forLoop("i", "i", idx(0), idx(8), [store("B", [i], load("A", [idxOp("+", i, idx(1))], I32))])],
    }),
  );
  const run = buildLlvm(shift, { cacheDir });
  assert.equal(run.route, "c++", "an unproven index keeps the checked C++ route");
  assert.throws(
    () => run(new Int32Array(8), new Int32Array(8)),
    (e: AlloError) => e.code === "AL5010",
  );
  const gemm = CASES.find((x) => x.name === "gemm");
  const before = compileStats.compiles;
  if (gemm) customize(gemm.kernel, gemm.options).build({ target: "llvm", cacheDir });
  assert.equal(compileStats.compiles, before, "a second llvm build of the same kernel compiles nothing");
});
