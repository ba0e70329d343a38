// Literal typing and constant folding (issue 17 items 2 and 3): a number written with `.` or an
// exponent is float32 with float32 folding (Inf, NaN, -0 kept); integers are exact at any size; a
// module constant folds as the same expression in kernel code.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../src/backends/cpu/index.ts";
import { customize } from "../../src/index.ts";

const HEAD = `import { float32, int32, int64, Int, range } from "allo-ts";\n`;

function runF32(body: string, pre = ""): Float32Array {
  const src = `${HEAD}${pre}export function k(A: float32<[4]>): void {\n${body}\n}`;
  const run = compileCpu(customize(src, { name: "k", file: "lit.ts" }).ir);
  const A = new Float32Array([3, 0, 0, 0]);
  run(A);
  return A;
}

test("float literals with an integral value are float32", () => {
  const A = runF32("  A[1] = A[0] / 2.0;\n  A[2] = 1.0 / 2.0;\n  A[3] = 2e3 / 4000;");
  assert.deepEqual([...A], [3, 1.5, 0.5, 0.5]);
});

test("float folding keeps -0, Inf and NaN", () => {
  const A = runF32(
    "  A[0] = -0.0;\n  A[1] = 1.0 / 0.0;\n  A[2] = 0.0 / 0.0;\n  A[3] = X * (1.0 / 3.0);",
    "const X = 3.0;\n",
  );
  assert.ok(Object.is(A[0], -0));
  assert.equal(A[1], Number.POSITIVE_INFINITY);
  assert.ok(Number.isNaN(A[2]));
  assert.equal(A[3], Math.fround(3 * Math.fround(1 / 3)));
});

test("integer literals past 2^53 stay exact; module constants fold like kernel code", () => {
  const src = `${HEAD}const N = 1 << 33;\nexport function k(A: int64<[3]>, B: Int<70, [1]>): void {\n  A[0] = 9007199254740993;\n  A[1] = 0x7fffffffffffffff;\n  A[2] = N;\n  B[0] = 123456789012345678901;\n}`;
  const run = compileCpu(customize(src, { name: "k", file: "lit.ts" }).ir);
  const A = new BigInt64Array(3);
  const B = [0n];
  run(A, B);
  assert.deepEqual([...A], [9007199254740993n, 2n ** 63n - 1n, 0n]);
  assert.equal(B[0], 123456789012345678901n);
});
