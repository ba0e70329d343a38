// Bit positions known only at run time (issue 16): bit/withBit at positions read from data, on every
// width class (native int8/int32, Int<48> past int32, Int<100> past 64 bits, Fixed<16, 8>'s raw bits),
// give the expected values on the CPU backend, natively and in csim; a position outside the value is
// AL5015 at the bit call's file:line:col on the CPU backend and natively (and a slice past the top by a
// loop index too); the verifier reports the failing kernel and answers `unknown` for data-dependent
// positions. Expected values are computed here with BigInt bit arithmetic.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { csimBatch } from "../../src/backends/hls/index.ts";
import { type AlloError, customize, verify } from "../../src/index.ts";
import { SKIP } from "../backends/native/support.ts";

const HEAD = `import { bit, bits, withBit, int8, int32, uint1, Fixed, Int, range } from "allo-ts";\n`;
const schedule = (source: string) => customize(HEAD + source, { name: "k", file: "bitpos.ts" });

interface Width {
  readonly type: string;
  readonly bits: number;
  /** Raw two's complement values, and the array the kernel takes for them. */
  readonly raws: readonly bigint[];
  readonly array: (raws: readonly bigint[]) => unknown;
  readonly read: (a: unknown) => bigint[];
}

const signed = (w: number, x: bigint) => BigInt.asIntN(w, x);
const WIDTHS: readonly Width[] = [
  {
    type: "int8",
    bits: 8,
    raws: [0n, -1n, 0x5an, -128n, 127n, 3n, -77n, 64n],
    array: (r) => Int8Array.from(r, Number),
    read: (a) => Array.from(a as Int8Array, BigInt),
  },
  {
    type: "int32",
    bits: 32,
    raws: [0n, -1n, 0x12345678n, -(2n ** 31n), 2n ** 31n - 1n, 9n, -123456n, 1n << 20n],
    array: (r) => Int32Array.from(r, Number),
    read: (a) => Array.from(a as Int32Array, BigInt),
  },
  {
    type: "Int<48>",
    bits: 48,
    raws: [0n, -1n, 0x123456789abcn - 2n ** 47n, 2n ** 47n - 1n, 5n, -99999999n, 1n << 40n, 7n],
    array: (r) => BigInt64Array.from(r),
    read: (a) => Array.from(a as BigInt64Array),
  },
  {
    type: "Int<100>",
    bits: 100,
    raws: [0n, -1n, (1n << 99n) - 12345n, -(1n << 77n) + 999n, 1n << 64n, 3n, -(1n << 99n), 42n],
    array: (r) => [...r],
    read: (a) => [...(a as bigint[])],
  },
  {
    type: "Fixed<16, 8>",
    bits: 16,
    raws: [0n, -1n, 256n, -32768n, 32767n, 0x1234n, -300n, 5n],
    array: (r) => Float64Array.from(r, (x) => Number(x) / 256),
    read: (a) => Array.from(a as Float64Array, (x) => BigInt(Math.round(x * 256))),
  },
];

const positions = (w: number) => Int32Array.from({ length: 8 }, (_, i) => (i * 7 + 3) % w);
const kernel = (t: string) =>
  `export function k(X: ${t}<[8]>, P: int32<[8]>, B: uint1<[8]>, D: ${t}<[8]>): void {\n  for (const i of range(8)) {\n    B[i] = bit(X[i], P[i]);\n    D[i] = withBit(X[i], P[i], 1);\n  }\n}`;
const typed = (t: string) => (t.includes("<") ? t.replace(/<(.*)>$/, "<$1,") : t);
/** The kernel source with `T<[8]>` spelled as the language wants for each type. */
const source = (t: string) =>
  t.includes("<") ? kernel(t).replaceAll(`${t}<[8]>`, `${typed(t).replace(/,$/, "")}, [8]>`) : kernel(t);

function expected(w: Width) {
  const P = positions(w.bits);
  const B = w.raws.map((x, i) => (BigInt.asUintN(w.bits, x) >> BigInt(P[i])) & 1n);
  const D = w.raws.map((x, i) => signed(w.bits, x | (1n << BigInt(P[i]))));
  return { B, D };
}

type Target = "cpu" | "native";
const build = (s: ReturnType<typeof schedule>, target: Target) =>
  target === "cpu" ? s.build() : s.build({ target: "native" });

const args = (w: Width, P = positions(w.bits)) => [
  w.array(w.raws),
  P,
  new Uint8Array(8),
  w.array(w.raws.map(() => 0n)),
];
const results = (w: Width, a: unknown[]) => ({ B: Array.from(a[2] as Uint8Array, BigInt), D: w.read(a[3]) });

test("bit and withBit at positions read from data: CPU, native and csim give the expected bits", {
  skip: SKIP,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-bitpos-"));
  try {
    const hls = WIDTHS.map((w) => args(w));
    await csimBatch(
      WIDTHS.map((w, k) => ({ module: schedule(source(w.type)).ir, args: hls[k] })),
      dir,
      { strict: true },
    );
    WIDTHS.forEach((w, k) => {
      const want = expected(w);
      for (const target of ["cpu", "native"] as Target[]) {
        const a = args(w);
        build(schedule(source(w.type)), target)(...a);
        assert.deepEqual(results(w, a), want, `${w.type} on ${target}`);
      }
      assert.deepEqual(results(w, hls[k]), want, `${w.type} in csim`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a position outside the value is AL5015 at the bit call, on the CPU backend and natively", {
  skip: SKIP,
}, () => {
  for (const w of WIDTHS) {
    const s = schedule(source(w.type));
    for (const bad of [w.bits, -1, 1000]) {
      const P = positions(w.bits);
      P[5] = bad;
      for (const target of ["cpu", "native"] as Target[]) {
        assert.throws(
          () => build(s, target)(...args(w, P)),
          (e: AlloError) =>
            e.code === "AL5015" &&
            e.message.includes("bitpos.ts:4:22") &&
            e.message.includes(
              `bit position ${bad} is outside a ${w.bits}-bit value: positions run 0..${w.bits - 1}`,
            ) &&
            (e.details as { position: number }).position === bad,
          `${w.type}, position ${bad}, ${target}`,
        );
      }
    }
  }
});

const SLICES = (n: number) =>
  `export function k(A: int32<[4]>, C: Int<4, [30]>): void {\n  for (const j of range(${n})) C[j] = bits(A[1], j, j + 4);\n}`;

test("a slice a loop index moves past the top is AL5015 when it runs there, and proven slices are not checked", {
  skip: SKIP,
}, () => {
  const A = Int32Array.from([0, 0x12345678, 0, 0]);
  const fits = schedule(SLICES(29));
  for (const target of ["cpu", "native"] as Target[]) {
    const C = new Int8Array(30);
    build(fits, target)(A, C);
    assert.deepEqual(
      Array.from(C, BigInt),
      Array.from({ length: 30 }, (_, j) => (j < 29 ? signed(4, BigInt(0x12345678 >> j) & 15n) : 0n)),
      target,
    );
  }
  assert.doesNotMatch(fits.build().source, /bitPos/, "the range 0..28 proves every slice inside");
  const past = schedule(SLICES(30));
  for (const target of ["cpu", "native"] as Target[])
    assert.throws(
      () => build(past, target)(A, new Int8Array(30)),
      (e: AlloError) =>
        e.code === "AL5015" &&
        e.message.includes("bitpos.ts:3:48") &&
        e.message.includes(
          "a 4-bit slice starting at bit 29 (bits 29..32) is outside a 32-bit value: positions run 0..28",
        ),
      target,
    );
  const r = verify(fits, past);
  assert.equal(r.status, "not-equivalent");
  assert.match(r.reason ?? "", /fails on every input.*AL5015: a 4-bit slice starting at bit 29/s);
});

test("the verifier answers unknown for a bit position that depends on input data", () => {
  const s = schedule(source("int32"));
  const split = schedule(source("int32"));
  split.split("i", 2);
  const r = verify(s, split);
  assert.equal(r.status, "unknown");
  assert.match(r.reason ?? "", /depends on input data/);
});
