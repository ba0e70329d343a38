// C simulation equals the CPU backend bit for bit: every corpus kernel, every schedule primitive's
// output (split remainders, buffers, reuse windows, fused producers, inlined calls, partitions, the
// systolic array in three dataflows), the hand-built modules and a 32x32 float32 GEMM, all compiled
// into one g++ program. Kernels calling exp/log/... are compared within 4 ulps (V8's and glibc's libm
// may differ in the last bit); everything else, and every integer, exactly.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { csimBatch } from "../../../src/backends/hls/index.ts";
import { customize } from "../../../src/index.ts";
import type { Module } from "../../../src/ir/nodes.ts";
import { visitExprs } from "../../../src/ir/walk.ts";
import { CASES } from "../../corpus/cases.ts";
import { assertSameOutputs, cloneArgs } from "../../support/compare.ts";
import { fillFloat, rng } from "../../support/random.ts";
import { randomArgs } from "../mlir/inputs.ts";
import { MODULES } from "../mlir/modules.ts";
import { PRIMITIVES, scheduled } from "./scheduled.ts";

export const GEMM32 = `import { float32, grid, zeros } from "allo-ts";
export function gemm32(A: float32<[32, 32]>, B: float32<[32, 32]>): float32<[32, 32]> {
  const C: float32<[32, 32]> = zeros();
  for (const [i, j, k] of grid(32, 32, 32)) {
    C[i][j] += A[i][k] * B[k][j];
  }
  return C;
}`;

interface Run {
  readonly name: string;
  readonly module: Module;
  readonly args: readonly unknown[];
}

const LIBM = new Set(["exp", "log", "log2", "log10", "sin", "cos", "tan", "tanh", "pow"]);

function usesLibm(m: Module): boolean {
  let found = false;
  for (const f of m.functions)
    visitExprs(f.body, (e) => void (found ||= e.kind === "intrinsic" && LIBM.has(e.fn)));
  return found;
}

function assertClose(actual: readonly unknown[], expected: readonly unknown[], what: string): void {
  expected.forEach((e, k) => {
    const a = actual[k] as ArrayLike<number>;
    const x = e as ArrayLike<number>;
    assert.equal(a.length, x.length, `${what}: output ${k} length`);
    for (let i = 0; i < x.length; i++) {
      const close = Object.is(a[i], x[i]) || Math.abs(a[i] - x[i]) <= 4 * Number.EPSILON * Math.abs(x[i]);
      assert.ok(close, `${what}: output ${k}[${i}] is ${a[i]}, expected ${x[i]} (within 4 ulps)`);
    }
  });
}

function runs(): Run[] {
  const corpus = CASES.map((c) => ({
    name: c.name,
    module: customize(c.kernel, c.options).ir,
    args: c.inputs(rng(7)),
  }));
  const primitives = Object.keys(PRIMITIVES).map((name) => {
    const module = scheduled(name).ir;
    const top = module.functions.find((f) => f.name === module.top)!;
    return { name: `primitive ${name}`, module, args: randomArgs(top, rng(8)) };
  });
  const modules = Object.entries(MODULES)
    .filter(([name]) => name !== "stream_param")
    .map(([name, make]) => {
      const module = make();
      const top = module.functions.find((f) => f.name === module.top)!;
      return { name: `module ${name}`, module, args: randomArgs(top, rng(9)) };
    });
  const r = rng(5);
  const gemm = {
    name: "gemm32",
    module: customize(GEMM32, { name: "gemm32" }).ir,
    args: [fillFloat(new Float32Array(1024), r), fillFloat(new Float32Array(1024), r)],
  };
  return [...corpus, ...primitives, ...modules, gemm];
}

test("csim equals the CPU backend on every corpus kernel, scheduled kernel and hand-built module", async () => {
  const all = runs();
  const hlsArgs = all.map((x) => cloneArgs(x.args));
  const dir = mkdtempSync(join(tmpdir(), "allo-hls-csim-"));
  const results = await csimBatch(
    all.map((x, k) => ({ module: x.module, args: hlsArgs[k] })),
    dir,
    { strict: true },
  );
  all.forEach((x, k) => {
    const cpuArgs = cloneArgs(x.args);
    const cpu = compileCpu(x.module)(...cpuArgs);
    const outs = x.module.functions
      .find((f) => f.name === x.module.top)!
      .params.flatMap((p, i) => (p.kind === "buffer" ? [i] : []));
    const got = [...(results[k] === undefined ? [] : [results[k]]), ...outs.map((o) => hlsArgs[k][o])];
    const want = [...(cpu === undefined ? [] : [cpu]), ...outs.map((o) => cpuArgs[o])];
    if (usesLibm(x.module)) assertClose(got, want, x.name);
    else assertSameOutputs(got, want, x.name);
  });
  assert.ok(all.length > 60, `${all.length} kernels in the batch`);
  rmSync(dir, { recursive: true });
});
