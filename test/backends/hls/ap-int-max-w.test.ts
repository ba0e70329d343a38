// AP_INT_MAX_W (issue 16): Vitis limits ap_int to 1024 bits unless AP_INT_MAX_W is defined before
// <ap_int.h>. An Int<512> multiply-accumulate has 1024- and 1025-bit temporaries, so the HLS text, the
// Vitis kernel.cpp and its kernel.h all define it first; C simulation of that text equals the CPU backend
// and BigInt arithmetic. A kernel within 1024 bits gets no define.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { csimBatch, emitHls } from "../../../src/backends/hls/index.ts";
import { projectOptions } from "../../../src/backends/hls/options.ts";
import { emitVitisKernel } from "../../../src/backends/hls/vitis.ts";
import { customize } from "../../../src/index.ts";
import type { Func, Module } from "../../../src/ir/nodes.ts";

const HEAD = `import { Int, range } from "allo-ts";\n`;
const kernel = (w: number) =>
  customize(
    `${HEAD}export function k(A: Int<${w}, [3]>, B: Int<${w}, [3]>, C: Int<${w}, [3]>): void {\n  for (const i of range(3)) C[i] = A[i] * B[i] + C[i];\n}`,
    { name: "k", file: "mac.ts" },
  );

const defineBeforeInclude = (text: string, w: number) => {
  const at = text.indexOf(`#define AP_INT_MAX_W ${w}\n`);
  assert.ok(at >= 0 && at < text.indexOf("#include <ap_int.h>"), text.slice(0, 600));
};

const top = (m: Module) => m.functions.find((f) => f.name === m.top) as Func;

test("an Int<512> multiply-accumulate defines AP_INT_MAX_W 1025 before <ap_int.h> in every file", () => {
  const m = kernel(512).ir;
  defineBeforeInclude(emitHls(m), 1025);
  for (const wrapIo of [true, false]) {
    const k = emitVitisKernel(m, projectOptions({ wrapIo }, top(m)));
    defineBeforeInclude(k.code, 1025);
    defineBeforeInclude(k.header, 1025);
  }
});

test("a kernel within 1024 bits has no AP_INT_MAX_W", () => {
  const m = kernel(256).ir;
  assert.ok(!emitHls(m).includes("AP_INT_MAX_W"));
  assert.ok(!emitVitisKernel(m, projectOptions({}, top(m))).header.includes("AP_INT_MAX_W"));
});

test("Int<512> multiply-accumulate: csim equals the CPU backend and BigInt arithmetic", async () => {
  const big = (k: bigint) => [2n ** 511n - k, -(2n ** 510n) + 3n * k, 7n * k ** 40n];
  const args = () => [big(1n), big(12345n), big(987654321n)];
  const want = args();
  want[2] = want[2].map((c, i) => BigInt.asIntN(512, want[0][i] * want[1][i] + c));
  const cpu = args();
  kernel(512).build()(...cpu);
  assert.deepStrictEqual(cpu, want);
  const dir = mkdtempSync(join(tmpdir(), "allo-ap-int-max-w-"));
  try {
    const hls = args();
    await csimBatch([{ module: kernel(512).ir, args: hls }], dir, { strict: true });
    assert.deepStrictEqual(hls, want);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
