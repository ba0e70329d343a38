// Printed MLIR lowered to native code (mlir-opt-22 -> mlir-translate-22 -> clang-22) computes exactly
// what the CPU backend computes and what the corpus references say: every corpus kernel, a 32x32
// float32 GEMM, the int8 x int8 -> int16 matmul with K = 768 (int16 wraps), scheduled kernels (a
// systolic array's FIFOs included) and the hand-built modules, partitions as attributes, in one batch.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { customize } from "../../../src/index.ts";
import type { Module } from "../../../src/ir/nodes.ts";
import { visitExprs } from "../../../src/ir/walk.ts";
import { CASES } from "../../corpus/cases.ts";
import { assertSameOutputs, cloneArgs } from "../../support/compare.ts";
import { fillFloat, rng } from "../../support/random.ts";
import { randomArgs } from "./inputs.ts";
import { MODULES } from "./modules.ts";
import { runNative, type Value } from "./native.ts";
import { SCHEDULED, scheduled } from "./scheduled.ts";
import { inWorkDir, requireTools, skipWithoutTools } from "./tools.ts";

const GEMM32 = `import { float32, grid, zeros } from "allo-ts";
export function gemm32(A: float32<[32, 32]>, B: float32<[32, 32]>): float32<[32, 32]> {
  const C: float32<[32, 32]> = zeros();
  for (const [i, j, k] of grid(32, 32, 32)) {
    C[i][j] += A[i][k] * B[k][j];
  }
  return C;
}`;

function gemm32Reference(a: Float32Array, b: Float32Array): Float32Array {
  const c = new Float32Array(32 * 32);
  for (let i = 0; i < 32; i++)
    for (let j = 0; j < 32; j++)
      for (let k = 0; k < 32; k++)
        c[i * 32 + j] = Math.fround(c[i * 32 + j] + Math.fround(a[i * 32 + k] * b[k * 32 + j]));
  return c;
}

/**
 * exp/log/tanh/... are not correctly rounded in V8 or in glibc's libm, which the lowered code calls;
 * both are within an ulp, so kernels using them are compared within a few ulps (everything else and
 * every integer output exactly).
 */
const LIBM = new Set(["exp", "log", "log2", "log10", "sin", "cos", "tan", "tanh", "pow"]);

function usesLibm(m: Module): boolean {
  let found = false;
  for (const f of m.functions) {
    visitExprs(f.body, (e) => {
      found ||= e.kind === "intrinsic" && LIBM.has(e.fn);
    });
  }
  return found;
}

function assertClose(actual: readonly unknown[], expected: readonly unknown[], what: string): void {
  const close = (a: unknown, x: unknown): boolean =>
    typeof a === "number" && typeof x === "number"
      ? Object.is(a, x) || Math.abs(a - x) <= 4 * Number.EPSILON * Math.abs(x)
      : String(a) === String(x);
  expected.forEach((e, k) => {
    const a = actual[k] as ArrayLike<unknown>;
    const x = e as ArrayLike<unknown>;
    assert.equal(a.length, x.length, `${what}: output ${k} length`);
    for (let i = 0; i < x.length; i++) {
      assert.ok(close(a[i], x[i]), `${what}: output ${k}[${i}] is ${a[i]}, expected ${x[i]} (within 4 ulps)`);
    }
  });
}

interface Run {
  readonly name: string;
  readonly module: Module;
  readonly args: readonly Value[];
  /** Indices of the arguments compared after the call. */
  readonly outputs: readonly number[];
  /** [results..., outputs...] from an independent reference, when there is one. */
  readonly expected?: readonly Value[];
}

/** [results..., outputs...] of the CPU backend on copies of the arguments. */
function onCpu(x: Run): unknown[] {
  const args = cloneArgs(x.args);
  const ret = compileCpu(x.module)(...args);
  const n = x.module.functions.find((f) => f.name === x.module.top)!.results.length;
  const results = n === 0 ? [] : n === 1 ? [ret] : (ret as unknown[]);
  return [...results, ...x.outputs.map((o) => args[o])];
}

function runs(): Run[] {
  const corpus = CASES.map((c): Run => {
    const args = c.inputs(rng(11));
    const module = customize(c.kernel, c.options).ir;
    return {
      name: c.name,
      module,
      args,
      outputs: c.outputs ?? [],
      expected: c.reference(...cloneArgs(args)),
    };
  });
  const r = rng(5);
  const a = fillFloat(new Float32Array(32 * 32), r);
  const b = fillFloat(new Float32Array(32 * 32), r);
  const gemm = customize(GEMM32, { name: "gemm32" }).ir;
  const built = Object.entries(MODULES)
    .filter(([name]) => name !== "stream_param") // the CPU target takes no stream arguments
    .map(([name, make]): Run => {
      const module = make();
      const top = module.functions.find((f) => f.name === module.top)!;
      const outputs = top.params.flatMap((p, k) => (p.kind === "buffer" ? [k] : []));
      return { name, module, args: randomArgs(top, rng(3)), outputs };
    });
  const sched = Object.keys(SCHEDULED).map((name): Run => {
    const c = CASES.find((x) => x.name === SCHEDULED[name].corpus)!;
    const args = c.inputs(rng(13));
    const expected = c.reference(...cloneArgs(args));
    return { name, module: scheduled(name).ir, args, outputs: c.outputs ?? [], expected };
  });
  return [
    ...corpus,
    ...sched,
    { name: "gemm32", module: gemm, args: [a, b], outputs: [], expected: [gemm32Reference(a, b)] },
    ...built,
  ];
}

test("lowered MLIR matches the CPU backend and the references bit for bit", {
  skip: skipWithoutTools(),
}, () => {
  const tools = requireTools();
  const all = runs();
  assert.ok(
    all.some((x) => x.name === "matmul"),
    "the int8 x int8 -> int16 matmul (K = 768) is in the batch",
  );
  inWorkDir("exec", (dir) => {
    const native = runNative(
      tools,
      all.map((x) => ({ module: x.module, args: cloneArgs(x.args) })),
      dir,
    );
    all.forEach((x, k) => {
      const got = [...native[k].results, ...x.outputs.map((o) => native[k].args[o])];
      const check = usesLibm(x.module) ? assertClose : assertSameOutputs;
      check(got, onCpu(x), `${x.name} (native vs CPU backend)`);
      if (x.expected) check(got, x.expected, `${x.name} (native vs reference)`);
    });
  });
});
