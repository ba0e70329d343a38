// relay between calls that do not visit the buffer in row-major order (api.md section 7's
// `sTop.relay("Z", "systolic_FFN2", { depth })`): the first PE array's output streams into the second
// through a drain after the producer's call and a fill before the consumer's. The relayed design
// computes the plain result on the CPU, natively and in csim at any depth, the verifier proves it; its
// HLS keeps one writer per array; the estimate sees the drain and fill loops.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { type AlloError, customize, type Schedule, verify } from "../../src/index.ts";
import { systolic } from "../../src/library/index.ts";
import { SKIP } from "../backends/native/support.ts";
import { ffnChain } from "./fixtures/stages.ts";

interface Sizes {
  readonly M: number;
  readonly K: number;
  readonly N: number;
  readonly F: number;
  readonly P: number;
}
const SIZES: readonly Sizes[] = [
  { M: 8, K: 6, N: 8, F: 4, P: 2 },
  { M: 12, K: 5, N: 8, F: 4, P: 4 },
];

function design(sizes: Sizes, depth?: number): Schedule {
  const s = customize(ffnChain, { instantiate: { ...sizes } });
  s.compose(systolic, { id: "FFN1" });
  s.compose(systolic, { id: "FFN2" });
  return s.relay("Z", "systolic_FFN2", depth === undefined ? undefined : { depth });
}

function operands({ M, K, N, F }: Sizes): [Int8Array, Int8Array, Int32Array] {
  return [
    Int8Array.from({ length: M * K }, (_, i) => ((i * 37 + 11) % 256) - 128),
    Int8Array.from({ length: K * N }, (_, i) => ((i * 91 + 5) % 256) - 128),
    Int32Array.from({ length: N * F }, (_, i) => ((i * 7919) % 2001) - 1000),
  ];
}

/** (X @ W1) @ W2 with int32 wrap-around, written independently of allo-ts. */
function reference([X, W1, W2]: [Int8Array, Int8Array, Int32Array], { M, K, N, F }: Sizes): Int32Array {
  const Z = new Int32Array(M * N);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let c = 0;
      for (let k = 0; k < K; k++) c = (c + X[i * K + k] * W1[k * N + j]) | 0;
      Z[i * N + j] = c;
    }
  const Y = new Int32Array(M * F);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < F; j++) {
      let c = 0;
      for (let k = 0; k < N; k++) c = (c + Math.imul(Z[i * N + k], W2[k * F + j])) | 0;
      Y[i * F + j] = c;
    }
  return Y;
}

function run(f: (...a: unknown[]) => unknown, sizes: Sizes): Int32Array {
  const Y = new Int32Array(sizes.M * sizes.F);
  f(...operands(sizes), Y);
  return Y;
}

test("two PE arrays joined by a relayed FIFO compute (X @ W1) @ W2 on the CPU at every depth", () => {
  for (const sizes of SIZES) {
    const want = reference(operands(sizes), sizes);
    for (const depth of [undefined, 1, 8]) assert.deepEqual(run(design(sizes, depth).build(), sizes), want);
  }
});

test("the verifier proves the relayed GEMMs equal to the plain top, and finds a wrong top", () => {
  const plain = () => customize(ffnChain, { instantiate: { ...SIZES[0] } });
  for (const depth of [1, undefined]) {
    const v = verify(design(SIZES[0], depth), plain());
    assert.equal(v.status, "equivalent", v.reason);
  }
  const off = customize(
    `
import { type int8, type int32, zeros } from "allo-ts";
export function ffnChain(X: int8<[8, 6]>, W1: int8<[6, 8]>, W2: int32<[8, 4]>, Y: int32<[8, 4]>): void {
  const Z: int32<[8, 8]> = zeros();
  for (const [i, j] of grid(8, 8)) for (const k of range(6)) Z[i][j] += X[i][k] * W1[k][j];
  for (const [i, j] of grid(8, 4)) for (const k of range(8)) Y[i][j] += Z[i][k] * W2[k][j];
  Y[7][3] += 1;
}`.replace("zeros }", "grid, range, zeros }"),
    { name: "ffnChain", file: "off.ts" },
  );
  const v = verify(design(SIZES[0]), off);
  assert.equal(v.status, "not-equivalent", v.reason);
});

test("the relayed GEMMs' HLS: one region, the producer drains Z, the consumer fills its own copy", () => {
  const hls = String(design(SIZES[0], 8).build({ target: "vhls" }));
  const fn = (name: string) =>
    hls.slice(hls.indexOf(`void ${name}(`), hls.indexOf("\n}\n", hls.indexOf(`void ${name}(`)));
  const stages = fn("stages");
  assert.match(stages, /#pragma HLS dataflow/);
  assert.match(stages, /#pragma HLS stream variable=Z_systolic_FFN2 depth=8\b/);
  // Z reaches the producer process only (one writer, no other reader); the consumer works on its copy.
  assert.equal(stages.match(/\bZ\b/g)?.length, 2, stages);
  const producer = fn("systolic_FFN1_1");
  assert.match(
    producer,
    /systolic_FFN1\(X, W1, Z\);[\s\S]*Z_systolic_FFN2\.write\(Z\[Z_drain \/ 8\]\[Z_drain % 8\]\)/,
  );
  const consumer = fn("systolic_FFN2_1");
  assert.match(
    consumer,
    /int32_t Z_systolic_FFN2_copy\[8\]\[8\];\n\s+l_Z_fill:/,
    "no zero fill before the FIFO fill",
  );
  assert.match(consumer, /Z_systolic_FFN2\.read\(\)[\s\S]*systolic_FFN2\(Z_systolic_FFN2_copy, /);
});

test("the estimate times the drain and fill at one element per cycle", () => {
  const e = design(SIZES[0]).estimate();
  for (const label of ["l_Z_drain", "l_Z_fill"]) {
    const row = e.loops.find((l) => l.label === label);
    assert.ok(row, e.loops.map((l) => l.label).join(", "));
    assert.equal(row.ii, 1);
    assert.equal(row.tripCount, 64);
  }
  assert.ok(e.dataflow || e.cosim, "the stages run as a dataflow region");
});

test("the relayed GEMMs run natively and in csim as on the CPU", { skip: SKIP }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-relay-calls-"));
  try {
    for (const [sizes, depth] of [
      [SIZES[0], 1],
      [SIZES[1], undefined],
    ] as const) {
      const want = reference(operands(sizes), sizes);
      assert.deepEqual(run(design(sizes, depth).build({ target: "native" }), sizes), want);
      const Y = new Int32Array(sizes.M * sizes.F);
      await design(sizes, depth).build({
        target: "vitis_hls",
        mode: "csim",
        project: join(dir, `d${depth}`),
      })(...operands(sizes), Y);
      assert.deepEqual(Y, want, `csim depth ${depth}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("template values on the kernel of instance(): given twice is AL3306 at the call", () => {
  const text = `
import { type int8, type int32, instance } from "allo-ts";
import { systolic } from "allo-ts/library";
export function k(X: int8<[4, 4]>, W: int8<[4, 4]>, Y: int32<[4, 4]>): void {
  instance(systolic<int8, int8, int32, 4, 4, 4, 2, 2>, "A")<int8, int8, int32, 4, 4, 4, 2, 2>(X, W, Y);
}`;
  assert.throws(
    () => customize(text, { name: "k", file: "twice.ts" }),
    (e: AlloError) => e.code === "AL3306" && /^twice\.ts:5:3/.test(e.message) && /not both/.test(e.message),
  );
});
