// Big integer literals across backends (issue 17): the integer rows of the robustness corpus and wide
// Int<65..128> arithmetic with literals give the expected values (BigInt arithmetic written here) on the
// CPU backend, bit-identically in one C simulation batch through g++ and natively through MLIR -> LLVM;
// the verifier proves each loop
// kernel equal to its split and finds a confirmed counterexample against a one-literal mutant.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { csimBatch } from "../../src/backends/hls/index.ts";
import { customize, verify } from "../../src/index.ts";
import { runNative } from "../backends/mlir/native.ts";
import { inWorkDir, requireTools, skipWithoutTools } from "../backends/mlir/tools.ts";
import { assertConfirmedBothWays } from "../verify/support/confirm.ts";
import { elements, HEAD, VALUES, type ValueRow } from "./robustness-rows.ts";

const { asIntN, asUintN } = BigInt;

/** Seven steps of d <- d * 2^32 - (2^53 + 1) in Int<65>: every step wraps past 64 bits. */
function int65Chain(d0: bigint): bigint[] {
  const d = [d0];
  for (let i = 0; i < 7; i++) d.push(asIntN(65, d[i] * 2n ** 32n - (2n ** 53n + 1n)));
  return d;
}

const C0 = [0n, 1n, 2n ** 127n + 12345n, 2n ** 128n - 1n];
const C1 = C0.map((c) => asUintN(128, c * (2n ** 64n + 1n) + (2n ** 128n - 1n)));
const B0 = [0n, -(2n ** 99n), 2n ** 99n - 1n, 123456789012345678901n * 7n];

const WIDE: readonly ValueRow[] = [
  {
    name: "Int<65> recurrence with an int64 literal",
    source: `export function k(D: Int<65, [8]>): void {\n  for (const i of range(7)) D[i + 1] = D[i] * 0x1_0000_0000 - 9007199254740993;\n}`,
    args: () => [[-12345678901n, 0n, 0n, 0n, 0n, 0n, 0n, 0n]],
    want: [int65Chain(-12345678901n)],
    int: { mutant: ["- 9007199254740993", "- 9007199254740992"] },
  },
  {
    name: "UInt<128> with 66- and 129-bit literals, compared and reduced",
    source: `export function k(C: UInt<128, [4]>, A: int64<[4]>): void {\n  for (const i of range(4)) {\n    C[i] = C[i] * 18446744073709551617 + 340282366920938463463374607431768211455;\n    A[i] = C[i] > 170141183460469231731687303715884105728 ? C[i] % 1000000007 : -9223372036854775807;\n  }\n}`,
    args: () => [[...C0], new BigInt64Array(4)],
    want: [C1, C1.map((c) => (c > 2n ** 127n ? c % 1000000007n : -(2n ** 63n - 1n)))],
    int: { mutant: ["1000000007", "1000000009"] },
  },
  {
    name: "Int<100> division and shift by 71-bit literals",
    source: `export function k(B: Int<100, [4]>, Q: Int<100, [4]>): void {\n  for (const i of range(4)) Q[i] = (B[i] - 123456789012345678901) / 1000000000000000000000 + (B[i] >> 70);\n}`,
    args: () => [[...B0], [0n, 0n, 0n, 0n]],
    want: [B0, B0.map((b) => asIntN(100, (b - 123456789012345678901n) / 10n ** 21n + (b >> 70n)))],
    int: { mutant: ["/ 1000000000000000000000", "/ 100000000000000000000"] },
  },
];

const ROWS = [...VALUES.filter((r) => r.int), ...WIDE];
const schedule = (r: ValueRow) => customize(HEAD + r.source, { name: "k", file: "row.ts" });

test("integer literal kernels: CPU and csim equal the expected values bit for bit", async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-big-literals-"));
  try {
    const hls = ROWS.map((r) => r.args());
    await csimBatch(
      ROWS.map((r, k) => ({ module: schedule(r).ir, args: hls[k] })),
      dir,
      { strict: true },
    );
    ROWS.forEach((r, k) => {
      const cpu = r.args();
      schedule(r).build()(...cpu);
      assert.deepStrictEqual(elements(cpu), r.want, `${r.name} on the CPU backend`);
      assert.deepStrictEqual(elements(hls[k]), r.want, `${r.name} in csim`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("integer literal kernels: MLIR lowered to LLVM computes the expected values", {
  skip: skipWithoutTools(),
}, () => {
  const runs = inWorkDir("big-literals", (dir) =>
    runNative(
      requireTools(),
      ROWS.map((r) => ({ module: schedule(r).ir, args: r.args() as never })),
      dir,
    ),
  );
  // Native runs hand integers back as bigints: compare decimal spellings.
  const decimal = (xs: readonly (readonly (number | bigint)[])[]) => xs.map((a) => a.map(String));
  ROWS.forEach((r, k) => {
    assert.deepEqual(decimal(elements(runs[k].args)), decimal(r.want), r.name);
  });
});

for (const r of WIDE) {
  test(`${r.name}: the verifier proves its split equivalent`, () => {
    const split = schedule(r);
    split.split("i", 2);
    assert.equal(verify(schedule(r), split).status, "equivalent");
  });
}

for (const r of ROWS) {
  test(`${r.name}: the verifier tells it from a one-literal mutant`, () => {
    const [from, to] = r.int!.mutant;
    assert.ok(r.source.includes(from), from);
    const mutant = customize(HEAD + r.source.replace(from, to), { name: "k", file: "row.ts" });
    assertConfirmedBothWays(schedule(r), mutant);
  });
}
