// The data layout of lowered MLIR agrees with the host for every integer width: kernels over 65- to
// 200-bit elements (locals, results and in/out params) run through mlir-opt-22 -> mlir-translate-22 ->
// clang-22 bit for bit like the CPU backend, and for every width 1..512 the allocation size the lowering
// folds, clang-22's own size of the type and the native harness's marshalling size are one number.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { needsHostLayout } from "../../../src/backends/mlir/data-layout.ts";
import { printMlir } from "../../../src/backends/mlir/print.ts";
import { customize } from "../../../src/index.ts";
import type { Module } from "../../../src/ir/nodes.ts";
import { intType } from "../../../src/types/dtype.ts";
import { assertSameOutputs, cloneArgs } from "../../support/compare.ts";
import { rng } from "../../support/random.ts";
import { randomArgs } from "./inputs.ts";
import { func, module } from "./modules.ts";
import { elemBytes, LOWERING, runNative } from "./native.ts";
import { inWorkDir, requireTools, run, skipWithoutTools } from "./tools.ts";

const WIDTHS = [65, 72, 96, 100, 128, 200];

/** A local, a result and an in/out param of W-bit elements, signed and unsigned, 1-d and 2-d. */
function wideKernel(w: number): Module {
  const src = `import { Int, UInt, grid, range, zeros } from "allo-ts";
export function wide${w}(A: Int<${w}, [3, 5]>, B: UInt<${w}, [5]>, D: Int<${w}, [5]>): Int<${w}, [3, 5]> {
  const T: UInt<${w}, [5]> = zeros();
  const C: Int<${w}, [3, 5]> = zeros();
  for (const j of range(5)) {
    T[j] = B[j] * B[j] + 7;
  }
  for (const [i, j] of grid(3, 5)) {
    C[i][j] = A[i][j] * D[j] - Int(${w})(T[4 - j]);
    D[j] = D[j] ^ A[i][j];
  }
  return C;
}`;
  return customize(src, { name: `wide${w}` }).ir;
}

test("kernels over 65..200-bit elements lower to native code that matches the CPU backend", {
  skip: skipWithoutTools(),
}, () => {
  const tools = requireTools();
  const cases = WIDTHS.map((w) => {
    const m = wideKernel(w);
    assert.ok(needsHostLayout(m), `wide${w} carries the host data layout`);
    return { module: m, args: randomArgs(m.functions[0], rng(w)) };
  });
  inWorkDir("layout", (dir) => {
    const native = runNative(
      tools,
      cases.map((c) => ({ ...c, args: cloneArgs(c.args) })),
      dir,
    );
    cases.forEach((c, k) => {
      const args = cloneArgs(c.args);
      const ret = compileCpu(c.module)(...args);
      const got = [...native[k].results, native[k].args[2]];
      assertSameOutputs(got, [ret, args[2]], `wide${WIDTHS[k]} (native vs CPU backend)`);
    });
  });
});

const ALL = Array.from({ length: 512 }, (_, k) => k + 1);

/** One function per width returning a fresh one-element buffer, so its lowering folds the alloc size. */
function allocs(): Module {
  const fs = ALL.map((w) => {
    const t = intType(w);
    return func(`alloc_${w}`, {
      params: [],
      locals: [{ name: "R", type: t, shape: [1], role: "result", partitions: [] }],
      results: ["R"],
      body: [{ kind: "alloc", buffer: "R" }],
    });
  });
  return module("alloc_1", ...fs);
}

test("lowered allocations, clang-22 and the native harness size every width 1..512 alike", {
  skip: skipWithoutTools(),
}, () => {
  const tools = requireTools();
  inWorkDir("sizes", (dir) => {
    const p = (name: string) => join(dir, name);
    writeFileSync(p("allocs.mlir"), printMlir(allocs()));
    run(tools.opt, [p("allocs.mlir"), ...LOWERING, "-o", p("allocs.llvm.mlir")], "lowering");
    const ll = run(tools.translate, ["--mlir-to-llvmir", p("allocs.llvm.mlir")], "translating");
    const lowered = new Map<number, number>();
    for (const [, w, n] of ll.matchAll(/define [^@]*@alloc_(\d+)\([\s\S]*?call ptr @malloc\(i64 (\d+)\)/g))
      lowered.set(Number(w), Number(n));
    const sizes = ALL.map(
      (w) => `@sz_${w} = constant i64 ptrtoint (ptr getelementptr (i${w}, ptr null, i64 1) to i64)`,
    );
    writeFileSync(p("sizes.ll"), `${sizes.join("\n")}\n`);
    const asm = run(tools.clang, ["-O1", "-S", "-Wno-override-module", p("sizes.ll"), "-o", "-"], "sizes");
    const host = new Map<number, number>();
    for (const [, w, n] of asm.matchAll(/^sz_(\d+):\s*\n\s*\.quad\s+(\d+)/gm)) host.set(Number(w), Number(n));
    for (const w of ALL) {
      const t = intType(w);
      assert.equal(host.get(w), elemBytes(t), `i${w}: clang-22 size vs the harness's marshalling size`);
      assert.equal(lowered.get(w), elemBytes(t), `i${w}: lowered allocation size vs the host size`);
    }
  });
});
