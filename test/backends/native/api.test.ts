// build({ target: "native" }) through the public API: the CPU calling convention (argument checks,
// output parameters, returned tensors and 0-d results), the content-hash cache (a second build compiles
// nothing, a changed kernel recompiles), the errors for a missing, broken, slow or failing compiler and
// for budgets native code cannot honour, out-of-bounds indices (AL5010 as on the CPU), locals too big
// for the stack, and C++ spellings the CPU backend never needed (negating a negative literal).
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { compileStats } from "../../../src/backends/native/compile.ts";
import { unitStats } from "../../../src/backends/native/emit.ts";
import { compileNative } from "../../../src/backends/native/index.ts";
import type { AlloError } from "../../../src/diagnostics/error.ts";
import { customize } from "../../../src/index.ts";
import { constOf, forLoop, idx, idxOp, ivRef, load } from "../../../src/ir/build.ts";
import { F32, I32 } from "../../../src/types/dtype.ts";
import { spatialIJ } from "../../schedule/spatial/support.ts";
import { buffer, func, local, module, store } from "../cpu/ir.ts";
import { assertLikeCpu, SKIP } from "./support.ts";

const dir = mkdtempSync(join(tmpdir(), "allo-native-api-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const cacheDir = join(dir, "cache");

const kernel = (scale: number) => `import { float32, int32, grid, zeros } from "allo-ts";
export function scaled(A: float32<[8, 8]>, B: float32<[8, 8]>, s: int32, D: float32<[8]>): float32<[8, 8]> {
  const C: float32<[8, 8]> = zeros();
  for (const [i, j, k] of grid(8, 8, 8)) {
    C[i][j] += A[i][k] * B[k][j] * ${scale.toFixed(1)};
  }
  for (const i of grid(8)) {
    D[i] = C[i][i] + s;
  }
  return C;
}`;

const floats = (n: number, seed: number) =>
  Float32Array.from({ length: n }, (_, i) => Math.fround(Math.sin(i * seed) * 3));

test("native: same results as cpu, cached by content, recompiled when the kernel changes", {
  skip: SKIP,
}, () => {
  const s = customize(kernel(2), { name: "scaled" });
  const before = compileStats.compiles;
  const run = s.build({ target: "native", cacheDir });
  assert.equal(compileStats.compiles, before + 1, "the first build compiles");
  const cpu = s.build();
  const [A, B] = [floats(64, 1), floats(64, 2)];
  const [D1, D2] = [new Float32Array(8), new Float32Array(8)];
  assert.deepEqual(run(A, B, 5, D1), cpu(A, B, 5, D2));
  assert.deepEqual(D1, D2, "output parameter updated in place");
  const again = customize(kernel(2), { name: "scaled" }).build({ target: "native", cacheDir });
  assert.equal(compileStats.compiles, before + 1, "a second build of the same kernel compiles nothing");
  assert.equal(again.library, run.library);
  customize(kernel(3), { name: "scaled" }).build({ target: "native", cacheDir });
  assert.equal(compileStats.compiles, before + 2, "a changed kernel recompiles");
  for (const [args, code] of [
    [[A, B, 5], "AL5001"],
    [[A, floats(63, 2), 5, D1], "AL5002"],
    [[A, new Float64Array(64), 5, D1], "AL5003"],
    [[A, B, 1.5, D1], "AL5003"],
  ] as const) {
    assert.throws(
      () => run(...args),
      (e: AlloError) => e.code === code,
      code,
    );
    assert.throws(
      () => cpu(...args),
      (e: AlloError) => e.code === code,
      `${code} on cpu`,
    );
  }
});

test("native: a missing, failing or slow compiler and budgets native code cannot count are coded errors", {
  skip: SKIP,
}, () => {
  const s = customize(kernel(4), { name: "scaled" });
  const missing = (compiler: string) =>
    assert.throws(
      () => s.build({ target: "native", cacheDir, compiler }),
      (e: AlloError) => e.code === "AL5005" && e.message.includes(compiler),
    );
  missing("/nonexistent/bin/g++");
  missing("no-such-cxx-compiler");
  const fake = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\nif [ "$1" = --version ]; then echo "${name} 1.0"; exit 0; fi\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };
  assert.throws(
    () =>
      s.build({
        target: "native",
        cacheDir,
        compiler: fake("broken-cxx", 'echo "internal compiler error" >&2; exit 1'),
      }),
    (e: AlloError) => e.code === "AL5006" && /internal compiler error/.test(e.message),
  );
  assert.throws(
    () => s.build({ target: "native", cacheDir, compiler: fake("slow-cxx", "sleep 5"), timeoutMs: 200 }),
    (e: AlloError) => e.code === "AL5012",
  );
  assert.throws(
    () => s.build({ target: "native", cacheDir, maxSteps: 1000 }),
    (e: AlloError) => e.code === "AL5007" && /maxSteps/.test(e.message),
  );
  const c = new AbortController();
  c.abort();
  assert.throws(
    () => s.build({ target: "native", cacheDir, signal: c.signal }),
    (e: AlloError) => e.code === "AL5012",
  );
});

test("native: out-of-bounds indices are AL5010, big locals live off the stack, negated negative literals compile", {
  skip: SKIP,
}, () => {
  const A = buffer({ name: "A", type: I32, shape: [8] });
  const B = buffer({ name: "B", type: I32, shape: [8] });
  const i = ivRef("i");
  const shift = module(
    func("shift", {
      params: [A, B],
      body: [forLoop("i", "i", idx(0), idx(8), [store("B", [i], load("A", [idxOp("+", i, idx(1))], I32))])],
    }),
  );
  // 16 MB of local: twice the default stack of the thread Node calls native code on.
  const T = local({ name: "T", type: F32, shape: [2048, 2048] });
  const X = buffer({ name: "X", type: F32, shape: [4] });
  const big = module(
    func("big", {
      params: [X],
      locals: [T],
      body: [
        { kind: "alloc", buffer: "T" },
        forLoop("i", "i", idx(0), idx(2048), [
          store("T", [i, idx(2047)], load("X", [idxOp("%", i, idx(4))], F32)),
        ]),
        forLoop("i", "i", idx(0), idx(4), [
          store("X", [i], {
            kind: "unary",
            op: "neg",
            operand: load("T", [idxOp("+", i, idx(2040)), idx(2047)], F32),
            type: F32,
          }),
        ]),
      ],
    }),
  );
  const Y = buffer({ name: "Y", type: F32, shape: [1] });
  const Z = buffer({ name: "Z", type: I32, shape: [1] });
  const negate = (type: typeof F32 | typeof I32, v: number | bigint) =>
    ({ kind: "unary", op: "neg", operand: constOf(type, v), type }) as const;
  const neg = module(
    func("neg", {
      params: [Y, Z],
      body: [store("Y", [idx(0)], negate(F32, -9.5)), store("Z", [idx(0)], negate(I32, -7n))],
    }),
  );
  const [oob, bigRun, negRun] = compileNative([shift, big, neg], { cacheDir });
  for (const run of [oob, compileCpu(shift)]) {
    assert.throws(
      () => run(new Int32Array(8), new Int32Array(8)),
      (e: AlloError) => e.code === "AL5010" && /A/.test(e.message) && /shape \[8\]/.test(e.message),
    );
  }
  assertLikeCpu([{ name: "big local", module: big, args: [Float32Array.of(1, -2, 3, 0.5)] }], [bigRun]);
  const [y, z] = [new Float32Array(1), new Int32Array(1)];
  negRun(y, z);
  assert.deepEqual([y[0], z[0]], [9.5, 7]);
});

test("native: stateful variables persist across calls of one build and start afresh in every build", {
  skip: SKIP,
}, () => {
  const s = customize(
    `
function k(A: int32<[4]>): int32 {
  let count: int32 = stateful(0);
  count = count + A[0];
  return count;
}`,
    { name: "k", file: "stateful.ts" },
  );
  const A = new Int32Array([5, 0, 0, 0]);
  const first = s.build({ target: "native", cacheDir });
  assert.deepEqual([first(A), first(A)], [5, 10]);
  // The second build hits the cache, and still has its own state (the first keeps counting).
  const second = s.build({ target: "native", cacheDir });
  assert.deepEqual([second(A), first(A), second(A)], [5, 15, 10]);
});

test("native and cpu: a written array that shares memory with another argument is AL5017, read-only sharing runs", {
  skip: SKIP,
}, () => {
  const src = `import { int32, grid } from "allo-ts";
export function acc(A: int32<[8, 8]>, B: int32<[8, 8]>, C: int32<[8, 8]>): void {
  for (const [i, j, k] of grid(8, 8, 8)) {
    C[i][j] += A[i][k] * B[k][j];
  }
}`;
  const s = customize(src, { name: "acc" });
  const run = s.build({ target: "native", cacheDir });
  const cpu = s.build();
  const ints = (n: number, seed: number) => Int32Array.from({ length: n }, (_, i) => ((i * seed) % 17) - 8);
  // The arguments are views of one backing array, so both targets get identical copies.
  const runs: [string, (b: Int32Array) => Int32Array[]][] = [
    ["distinct", (b) => [b.subarray(0, 64), b.subarray(64, 128), b.subarray(128, 192)]],
    ["A is B (both only read)", (b) => [b.subarray(0, 64), b.subarray(0, 64), b.subarray(128, 192)]],
  ];
  for (const [what, make] of runs) {
    const [mine, theirs] = [ints(192, 5), ints(192, 5)];
    run(...make(mine));
    cpu(...make(theirs));
    assert.deepEqual(mine, theirs, what);
  }
  const refused: [string, (b: Int32Array) => Int32Array[], RegExp][] = [
    ["C is A", (b) => [b.subarray(0, 64), b.subarray(64, 128), b.subarray(0, 64)], /'C'.*'A' share memory/],
    [
      "C overlaps B by a row",
      (b) => [b.subarray(0, 64), b.subarray(64, 128), b.subarray(120, 184)],
      /'C'.*'B'/,
    ],
  ];
  for (const [what, make, message] of refused)
    for (const k of [run, cpu])
      assert.throws(
        () => k(...make(ints(192, 5))),
        (e: AlloError) => e.code === "AL5017" && message.test(e.message) && /slice\(\)/.test(e.message),
        what,
      );
});

test("native: an ap_int array in a 64-bit array is used in place when its values fit, converted when not", {
  skip: SKIP,
}, () => {
  const s = customize(
    `import { type Int, type Tensor, type UInt, grid } from "allo-ts";
export function acc(A: Tensor<Int<48>, [4]>, B: Tensor<Int<48>, [4]>, U: Tensor<UInt<40>, [4]>): void {
  for (const i of grid(4)) {
    B[i] += (A[i] >> 2) * 3;
    U[i] += 1;
  }
}`,
    { name: "acc" },
  );
  const cpu = s.build();
  const run = s.build({ target: "native", cacheDir });
  const big = 2n ** 47n;
  for (const [a, b, u] of [
    [
      [1n, -2n, big - 1n, -big],
      [5n, 6n, 7n, 8n],
      [0n, 1n, 2n ** 40n - 1n, 3n],
    ],
    // Out of range: A and B wrap on entry, as on the CPU; A, read only, is left as it was.
    [
      [big, 2n ** 60n, -big - 1n, 3n],
      [2n ** 62n, 1n, -1n, big],
      [2n ** 40n, 2n ** 63n - 1n, 5n, 1n],
    ],
  ]) {
    const args = () => [BigInt64Array.from(a), BigInt64Array.from(b), BigUint64Array.from(u)];
    const [nat, ref] = [args(), args()];
    run(...nat);
    cpu(...ref);
    assert.deepEqual(nat, ref);
    assert.deepEqual([...nat[0]], a, "an input is not written");
  }
});

test("native: a design customized and scheduled again is not printed again; a moved kernel is", {
  skip: SKIP,
}, () => {
  const source = (pad: string) => `import { type int8, type int16, grid, range } from "allo-ts";
${pad}export function mm(A: int8<[4, 8]>, B: int8<[8, 4]>, C: int16<[4, 4]>): void {
  for (const [i, j] of grid(4, 4, { name: "PE" })) for (const k of range(8)) C[i][j] += A[i][k] * B[k][j];
}`;
  const design = (pad = "") => {
    const s = customize(source(pad), { name: "mm" });
    spatialIJ(s, { M: 4, N: 4, K: 8 });
    return s;
  };
  const first = design().build({ target: "native", cacheDir });
  const printed = unitStats.printed;
  const again = design().build({ target: "native", cacheDir });
  assert.equal(unitStats.printed, printed, "the same design, scheduled afresh, reuses its unit");
  const [A, B] = [
    Int8Array.from({ length: 32 }, (_, i) => i - 9),
    Int8Array.from({ length: 32 }, (_, i) => 5 - i),
  ];
  const [C1, C2] = [new Int16Array(16), new Int16Array(16)];
  first(A, B, C1);
  again(A, B, C2);
  assert.deepEqual(C1, C2);
  design("\n").build({ target: "native", cacheDir });
  assert.equal(unitStats.printed, printed + 1, "a kernel on other lines is printed (its faults name them)");
});
