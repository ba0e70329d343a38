// The bit functions (issue 16): the rows of bits-rows.ts give the expected values on the CPU backend,
// bit-identically in one C simulation batch through g++ and natively through MLIR -> LLVM; the verifier
// proves each kernel equal to its split and confirms a counterexample against a one-edit mutant. The HLS
// text selects bits as `x[i]` / `x.range(hi, lo)`; bad calls are AlloErrors at the argument.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { csimBatch, emitHls } from "../../src/backends/hls/index.ts";
import { printMlir } from "../../src/backends/mlir/print.ts";
import { AlloError, customize, verify } from "../../src/index.ts";
import { runNative } from "../backends/mlir/native.ts";
import { inWorkDir, requireTools, skipWithoutTools } from "../backends/mlir/tools.ts";
import { assertConfirmedBothWays } from "../verify/support/confirm.ts";
import { BIT_CAST_ROWS } from "./bits-cast-rows.ts";
import { BITS_HEAD, BIT_ROWS as INT_ROWS } from "./bits-rows.ts";

const BIT_ROWS = [...INT_ROWS, ...BIT_CAST_ROWS];

const schedule = (source: string) => customize(BITS_HEAD + source, { name: "k", file: "bits.ts" });
/** Every argument as decimal strings (native runs hand integers back as bigints; scalars are one cell). */
const decimal = (xs: readonly unknown[]) =>
  xs.map((a) => (typeof a === "object" ? [...(a as Iterable<number | bigint>)] : [a]).map(String));

test("bit functions: CPU and csim equal the expected values bit for bit", async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-bits-"));
  try {
    const hls = BIT_ROWS.map((r) => r.args());
    await csimBatch(
      BIT_ROWS.map((r, k) => ({ module: schedule(r.source).ir, args: hls[k] })),
      dir,
      { strict: true },
    );
    BIT_ROWS.forEach((r, k) => {
      const cpu = r.args();
      schedule(r.source).build()(...cpu);
      assert.deepStrictEqual(decimal(cpu), decimal(r.want), `${r.name} on the CPU backend`);
      assert.deepStrictEqual(decimal(hls[k]), decimal(r.want), `${r.name} in csim`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("bit functions: MLIR lowered to LLVM computes the expected values", { skip: skipWithoutTools() }, () => {
  const runs = inWorkDir("bits", (dir) =>
    runNative(
      requireTools(),
      BIT_ROWS.map((r) => ({ module: schedule(r.source).ir, args: r.args() as never })),
      dir,
    ),
  );
  BIT_ROWS.forEach((r, k) => {
    assert.deepEqual(decimal(runs[k].args), decimal(r.want), r.name);
  });
});

for (const r of BIT_ROWS) {
  test(`${r.name}: the verifier proves its split equivalent and tells it from a mutant`, () => {
    const split = schedule(r.source);
    split.split("i", 2);
    assert.equal(verify(schedule(r.source), split).status, "equivalent");
    const [from, to] = r.mutant;
    assert.ok(r.source.includes(from), from);
    assertConfirmedBothWays(schedule(r.source), schedule(r.source.replace(from, to)));
  });
}

test("a scalar kernel returns bits(a, 28, 32) (Allo's test_scalar)", () => {
  const s = schedule("export function k(a: int32): int32 {\n  return bits(a, 28, 32);\n}");
  assert.equal(s.build()(0xabcd0123 | 0), 0xa);
});

test("HLS selects bits with x[i] and x.range(hi, lo) where the slice provably fits", () => {
  const hls = emitHls(
    schedule(
      "export function k(A: Int<48, [M]>, B: UInt<4, [M]>, C: bool<[M]>, D: bool<[M]>, s: int32): void {\n  for (const i of range(M)) {\n    B[i] = bits(A[i], i + 40, i + 44);\n    C[i] = bit(A[i], 47);\n    D[i] = bit(A[i], s);\n  }\n}",
    ).ir,
  );
  assert.ok(hls.includes("B[i] = ap_uint<4>(A[i].range((i + 40) + 3, (i + 40)));"), hls);
  assert.ok(hls.includes("C[i] = (bool)A[i][47];"), hls);
  // A run-time position is checked where the kernel runs on a CPU (AL5015), so HLS selects with it.
  assert.ok(hls.includes("D[i] = (bool)A[i][(int)s];"), hls);
});

test("bitcast: HLS puns floats through a union and reads fixed-point bits with range(); MLIR uses arith.bitcast", () => {
  const s = schedule(
    "export function k(A: uint32<[M]>, F: float32<[M]>, X: Fixed<16, 8, [M]>, I: int16<[M]>, Z: Fixed<16, 8, [M]>): void {\n  for (const i of range(M)) {\n    F[i] = bitcast(A[i], float32);\n    A[i] = bitcast(F[i], uint32);\n    I[i] = bitcast(X[i], int16);\n    Z[i] = bitcast(I[i], Fixed(16, 8));\n  }\n}",
  );
  const hls = emitHls(s.ir);
  assert.ok(hls.includes("union { uint32_t u; float f; } c;"), hls);
  assert.match(hls, /float v\d+ = allo_bits_f32\(A\[i\]\);/);
  assert.match(hls, /uint32_t v\d+ = allo_f32_bits\(F\[i\]\);/);
  assert.match(hls, /int16_t v\d+ = \(int16_t\)\(\(uint16_t\)ap_uint<16>\(X\[i\]\.range\(15, 0\)\)\);/);
  assert.match(hls, /allo_fixed_bits<ap_fixed<16, 8>, 16>\(ap_uint<16>\(\(uint16_t\)I\[i\]\)\)/);
  const mlir = printMlir(s.ir);
  assert.match(mlir, /arith\.bitcast %\d+ : i32 to f32/);
  assert.match(mlir, /arith\.bitcast %\d+ : f32 to i32/);
});

const ERRORS: readonly { source: string; code: string; at: string; says: RegExp }[] = [
  { source: "B[i] = bit(A[i], 32);", code: "AL2012", at: "5:46", says: /bit index 32 is outside 0\.\.31/ },
  { source: "B[i] = bits(A[i], 4, 40);", code: "AL2012", at: "5:50", says: /hi is 40/ },
  { source: "B[i] = bits(A[i], 4, 4);", code: "AL2012", at: "5:50", says: /empty or reversed/ },
  {
    source: "B[i] = bits(A[i], i, 4);",
    code: "AL2013",
    at: "5:36",
    says: /must be a constant.*bits\(x, i, i \+ 4\)/,
  },
  { source: "B[i] = bitcast(A[i], uint8);", code: "AL2013", at: "5:36", says: /equal widths.*32 bits.*8/ },
  {
    source: "B[i] = bit(F[i], 0);",
    code: "AL2013",
    at: "5:40",
    says: /works on integers and fixed-point values.*float32.*bit\(bitcast\(F\[i\], uint32\), \.\.\.\)/,
  },
  { source: "B[i] = bitcast(i, int32);", code: "AL2013", at: "5:44", says: /index has no fixed width/ },
  {
    source: "B[i] = bitcast(H[i], int16);",
    code: "AL2013",
    at: "5:44",
    says: /float16 is not supported yet/,
  },
  {
    source: "F[i] = bitcast(A[i], float64);",
    code: "AL2013",
    at: "5:36",
    says: /equal widths.*int32 has 32 bits/,
  },
  { source: "B[i] = withBit(A[i], 0, F[i]);", code: "AL2013", at: "5:53", says: /integer or bool/ },
  { source: "B[i] = bits(A[i], 0);", code: "AL2013", at: "5:36", says: /bits\(x, lo, hi\)/ },
];

for (const e of ERRORS) {
  test(`bad bit call '${e.source}' is ${e.code} at ${e.at}`, () => {
    const src = `export function k(A: int32<[M]>, B: int32<[M]>, F: float32<[M]>, H: float16<[M]>): void {\n  for (const i of range(M)) ${e.source}\n}`;
    assert.throws(
      () => schedule(src.replace("import {", "import { float32,")),
      (err: unknown) => {
        assert.ok(err instanceof AlloError, String(err));
        assert.equal(err.code, e.code, err.message);
        assert.ok(err.message.includes(`bits.ts:${e.at}`), err.message);
        assert.match(err.message, e.says);
        return true;
      },
    );
  });
}
