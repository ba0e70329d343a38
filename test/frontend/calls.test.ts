// Kernel calls in expressions: a tensor-returning call as an argument of another (template values
// inferred from its result type), scalar calls as values, conditions, operands and scalar arguments.
// Instance names and qualified schedule names are those of composition; every backend agrees with a
// plain TypeScript reference (CPU, HLS csim, MLIR -> LLVM) and the verifier proves schedules of them.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { runNative } from "../backends/mlir/native.ts";
import { inWorkDir, requireTools, skipWithoutTools } from "../backends/mlir/tools.ts";
import { caught } from "../schedule/support.ts";
import { assertSameOutputs, cloneArgs } from "../support/compare.ts";
import { fillFloat, fillInt, rng } from "../support/random.ts";
import { nested, operands, ret, scalars, twice } from "./fixtures/calls.ts";

const names = (k: Function) => customize(k).ir.functions.map((f) => f.name);
const f32 = Math.fround;

/** nested's reference: lin(tr(lin(X, b8)), b4) with lin(X, b) = 2X + b, float32 rounding. */
function nestedRef(X: Float32Array, b8: Float32Array, b4: Float32Array): Float32Array {
  const Y = Float32Array.from(X, (x, k) => f32(f32(x * 2) + b8[k % 8]));
  const Z = new Float32Array(32);
  for (let i = 0; i < 8; i++) for (let j = 0; j < 4; j++) Z[i * 4 + j] = f32(f32(Y[j * 8 + i] * 2) + b4[j]);
  return Z;
}

/** scalars' reference (int32 wrap-around is out of reach of these inputs, checked by the int range). */
function scalarsRef(A: Int32Array): { B: Int32Array; C: Int32Array } {
  const inc = (x: number) => x + 1;
  const B = Int32Array.from(A, inc);
  for (let i = 0; i < 8; i++) if (inc(A[i]) > 3 && A[i] < 6) B[i] = inc(inc(A[i])) * 2 - inc(B[i]);
  const C = Int32Array.from(A, (a, i) => a + inc(A[7]) + inc(i));
  C[0] = inc(C[0]) * inc(1);
  return { B, C };
}

const floatArgs = (seed: number) => {
  const r = rng(seed);
  return [new Float32Array(32), new Float32Array(8), new Float32Array(4)].map((a) => fillFloat(a, r, -4, 4));
};
const intArgs = (seed: number) => [
  fillInt(new Int32Array(8), rng(seed), -10, 10),
  new Int32Array(8),
  new Int32Array(8),
];

test("a nested call's result type instantiates the outer callee: lin, tr, lin_1, scheduled by qualified name", () => {
  assert.deepEqual(names(nested), ["lin", "tr", "lin_1", "nested"]);
  assert.deepEqual(names(twice), ["lin", "twice"], "the same template values share one function");
  const s = customize(nested);
  const lin1 = s.ir.functions.find((f) => f.name === "lin_1")!;
  assert.deepEqual(lin1.buffers.Y.shape, [8, 4]);
  for (const seed of [1, 2]) {
    const [X, b8, b4] = floatArgs(seed);
    assert.deepEqual(s.build()(X, b8, b4), nestedRef(X, b8, b4), `seed ${seed}`);
  }
  s.split("lin_1:j", 2);
  s.pipeline("lin_1:j.inner");
  assert.match(s.trace(), /s\.split\("lin_1:j", 2\)/);
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);
  const [X, b8, b4] = floatArgs(3);
  assert.deepEqual(s.build()(X, b8, b4), nestedRef(X, b8, b4));
});

test("scalar kernel calls as values, in conditions, as operands and scalar arguments run as in JavaScript", () => {
  const s = customize(scalars);
  for (const seed of [1, 2, 3]) {
    const [A, B, C] = intArgs(seed);
    const want = scalarsRef(A);
    s.build()(A, B, C);
    assert.deepEqual([B, C], [want.B, want.C], `seed ${seed}: B and C`);
  }
  const v = customize(operands);
  v.split("i", 4);
  const r = v.verify();
  assert.equal(r.equivalent, true, r.reason);
  assert.equal(customize(ret).build()(5), 42, "calls in a returned expression: ret(5) = 6 * 7");
  const hls = s.build({ target: "vhls" }).code;
  assert.match(hls, /inc\(A\[i[^\]]*\], &inc_out\);/, "the call is hoisted before its statement");
});

test("nested calls simulate in csim as they run on the CPU", async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-calls-"));
  try {
    const sn = customize(nested);
    const fa = floatArgs(4);
    const gotN = await sn.build({ target: "vitis_hls", mode: "csim", project: join(dir, "n") })(
      ...cloneArgs(fa),
    );
    assertSameOutputs([gotN as Float32Array], [nestedRef(fa[0], fa[1], fa[2])], "csim of nested");
    const ss = customize(scalars);
    const ia = intArgs(5);
    const want = scalarsRef(ia[0]);
    const args = cloneArgs(ia);
    await ss.build({ target: "vitis_hls", mode: "csim", project: join(dir, "s") })(...args);
    assert.deepEqual([args[1], args[2]], [want.B, want.C]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("nested calls lowered through MLIR to native code compute the CPU's results", {
  skip: skipWithoutTools(),
}, () => {
  const tools = requireTools();
  const fa = floatArgs(6);
  const ia = intArgs(7);
  inWorkDir("calls", (dir) => {
    const [n, s, r] = runNative(
      tools,
      [
        { module: customize(nested).ir, args: cloneArgs(fa) },
        { module: customize(scalars).ir, args: cloneArgs(ia) },
        { module: customize(ret).ir, args: [5] },
      ],
      dir,
    );
    assertSameOutputs([n.results[0] as ArrayLike<number>], [nestedRef(fa[0], fa[1], fa[2])], "native nested");
    const want = scalarsRef(ia[0]);
    assert.equal(n.results.length, 1);
    assert.deepEqual(
      [Array.from(s.args[1] as ArrayLike<bigint>), Array.from(s.args[2] as ArrayLike<bigint>)],
      [[...want.B].map(BigInt), [...want.C].map(BigInt)],
    );
    assert.equal(r.results[0], 42n, "ret(5) = 6 * 7");
  });
});

const kernel = (body: string, ret = "void") =>
  `import { grid, type int32, zeros } from "allo-ts";
export function inc(x: int32): int32 {
  return x + 1;
}
export function none(A: int32<[4]>): void {
  A[0] = 1;
}
export function dbl(A: int32<[4]>): int32<[4]> {
  const B: int32<[4]> = zeros();
  for (const [i] of grid(4)) B[i] = A[i] * 2;
  return B;
}
export function k(A: int32<[4]>, B: int32<[2]>): ${ret} {
${body}
}`;

test("kernel calls where a value cannot come from them are clear errors at the call", () => {
  const cases: [string, string, RegExp][] = [
    [
      "  let x: int32 = 0;\n  while (inc(x) < 3) x += 1;\n  A[0] = x;",
      "AL1005",
      /cannot be in a while condition.*const r = inc\(x\)/,
    ],
    ["  A[0] = A[1] > 0 ? inc(A[1]) : 0;", "AL1005", /an operand of '\?:'/],
    ["  A[0] = A[1] > 0 && inc(A[1]) > 2 ? 1 : 0;", "AL1005", /right operand of '&&'/],
    ["  A[0] = none(A);", "AL2001", /'none' returns nothing/],
    ["  A[0] = dbl(A) + 1;", "AL2001", /returns a tensor of shape \[4\], not a value/],
    ["  const C = dbl(dbl(B));", "AL2003", /the result of 'dbl\(B\)'|'B' has shape \[2\]/],
    [
      "  const C = dbl(inc(A[0]));",
      "AL2003",
      /is a tensor int32\[4\]; pass a tensor variable or a tensor-returning kernel call/,
    ],
  ];
  for (const [body, code, message] of cases) {
    const e = caught(() => customize(kernel(body), { name: "k" }));
    assert.equal(e.code, code, body);
    assert.match(e.message, message, body);
    assert.match(e.message, /^k\.ts:|:\d+:\d+ - error/, body);
  }
});
