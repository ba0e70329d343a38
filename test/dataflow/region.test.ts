// Dataflow regions end to end (api.md section 7, scenarios 9-11 and 15 of the design note): the seed's
// producer/consumer and double put, and the systolic GEMM at two sizes, run on the CPU simulator
// equal to plain references bit for bit, emit the HLS the contract fixes (processes, streams, depth
// pragmas, dropped corners), simulate in csim like the CPU, and verify against the plain matmul.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { customize, df, verify } from "../../src/index.ts";
import { matmul, tiled } from "./fixtures/matmul.ts";
import { top, top2 } from "./fixtures/producer-consumer.ts";
import { top as systolic } from "./fixtures/systolic.ts";

const SYSTOLIC = join(import.meta.dirname, "fixtures/systolic.ts");

/** The systolic fixture's source with other sizes, compiled under its own file name. */
function systolicOf(M: number, N: number, K: number) {
  const text = readFileSync(SYSTOLIC, "utf8")
    .replace("export const M = 2;", `export const M = ${M};`)
    .replace("export const N = 2;", `export const N = ${N};`)
    .replace("export const K = 2;", `export const K = ${K};`);
  return df.customize(text, { name: "top", file: `systolic_${M}x${N}x${K}.ts` });
}

/** Deterministic float32 inputs with fractions, so that rounding order matters. */
const floats = (n: number, seed: number) =>
  Float32Array.from({ length: n }, (_, k) => Math.fround(((k * 37 + seed * 11) % 23) / 7 - 1.5));

/** The PE's arithmetic: c = fround(c + fround(a * b)), k ascending from c = 0. */
function reference(A: Float32Array, B: Float32Array, M: number, N: number, K: number) {
  const C = new Float32Array(M * N);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let c = 0;
      for (let k = 0; k < K; k++) c = Math.fround(c + Math.fround(A[i * K + k] * B[k * N + j]));
      C[i * N + j] = c;
    }
  return C;
}

const count = (s: string, sub: string) => s.split(sub).length - 1;

test("producer/consumer: B = A + 1 on the CPU simulator, by either target name", () => {
  const A = floats(256, 1);
  const want = A.map((x) => Math.fround(x + 1));
  for (const target of ["cpu", "simulator"] as const) {
    const B = new Float32Array(256);
    assert.equal(df.build(top, { target })(A, B), undefined);
    assert.deepEqual(B, want, target);
  }
});

test("producer/consumer: the HLS has one function per process, the stream with its depth, dataflow", () => {
  const code = df.build(top, { target: "vhls" }).code;
  for (const s of [
    "#include <hls_stream.h>",
    "void producer_0(",
    "void consumer_0(",
    "hls::stream< float > pipe;",
    "#pragma HLS stream variable=pipe depth=4",
    "#pragma HLS dataflow",
    "pipe.write(",
    "pipe.read()",
    "producer_0(A, pipe);",
    "consumer_0(B, pipe);",
  ])
    assert.ok(code.includes(s), `missing ${s}`);
  assert.ok(code.indexOf("producer_0(A, pipe);") < code.indexOf("consumer_0(B, pipe);"));
});

test("producer/consumer and the double put simulate in csim as they run on the CPU", async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-df-"));
  try {
    for (const [k, f] of [top, top2].entries()) {
      const A = floats(256, 3);
      const B = new Float32Array(256);
      await df.build(f, { target: "vitis_hls", mode: "csim", project: join(dir, `p${k}`) })(A, B);
      assert.deepEqual(
        B,
        A.map((x) => Math.fround(x + 1)),
        f.name,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("double put: a data-dependent rate runs to B = A + 1, and no call passes one stream twice", () => {
  const A = floats(256, 2);
  const B = new Float32Array(256);
  df.build(top2)(A, B);
  assert.deepEqual(
    B,
    A.map((x) => Math.fround(x + 1)),
  );
  assert.ok(!df.build(top2, { target: "vhls" }).code.includes("pipe, pipe"));
});

test("systolic GEMM 2x2x2 and 4x4x6: C equals the sequential float32 reference bit for bit", () => {
  for (const [M, N, K] of [
    [2, 2, 2],
    [4, 4, 6],
    [3, 5, 4],
  ]) {
    const A = floats(M * K, M);
    const B = floats(K * N, K);
    const C = new Float32Array(M * N);
    systolicOf(M, N, K).build()(A, B, C);
    assert.deepEqual(C, reference(A, B, M, N, K), `${M}x${N}x${K}`);
  }
});

test("systolic 2x2x2 HLS: 12 calls sharing 4 process functions, 12 depth-4 streams, no corners, each PE its own C element", () => {
  const code = df.build(systolic, { target: "vhls" }).code;
  // Instances whose bodies are the same after folding share one function (named after the first).
  const fns = [...code.matchAll(/^void (gemm_\d_\d)\(/gm)].map((m) => m[1]);
  assert.deepEqual(fns, ["gemm_0_1", "gemm_1_0", "gemm_1_1", "gemm_1_3"]);
  const streams = [...code.matchAll(/^ {2}hls::stream< float > (\w+);/gm)].map((m) => m[1]).sort();
  const fifos = [
    "A_1_1",
    "A_1_2",
    "A_1_3",
    "A_2_1",
    "A_2_2",
    "A_2_3",
    "B_1_1",
    "B_1_2",
    "B_2_1",
    "B_2_2",
    "B_3_1",
    "B_3_2",
  ];
  assert.deepEqual(
    streams,
    fifos.map((f) => `fifo_${f}`),
  );
  for (const s of streams) assert.equal(count(code, `#pragma HLS stream variable=${s} depth=4\n`), 1);
  // One call per surviving instance, in a topological order of the stream graph (kernel order, then pid);
  // loaders get their row of A (or B and their column), each PE only its element of C.
  const calls = [...code.matchAll(/^ {2}(gemm_\d_\d\([^)]*\));/gm)].map((m) => m[1]);
  assert.deepEqual(calls, [
    "gemm_0_1(B, fifo_B_1_1, 0)",
    "gemm_0_1(B, fifo_B_1_2, 1)",
    "gemm_1_0(A[0], fifo_A_1_1)",
    "gemm_1_1(&C[0][0], fifo_A_1_1, fifo_B_1_1, fifo_A_1_2, fifo_B_2_1)",
    "gemm_1_1(&C[0][1], fifo_A_1_2, fifo_B_1_2, fifo_A_1_3, fifo_B_2_2)",
    "gemm_1_3(fifo_A_1_3)",
    "gemm_1_0(A[1], fifo_A_2_1)",
    "gemm_1_1(&C[1][0], fifo_A_2_1, fifo_B_2_1, fifo_A_2_2, fifo_B_3_1)",
    "gemm_1_1(&C[1][1], fifo_A_2_2, fifo_B_2_2, fifo_A_2_3, fifo_B_3_2)",
    "gemm_1_3(fifo_A_2_3)",
    "gemm_1_3(fifo_B_3_1)",
    "gemm_1_3(fifo_B_3_2)",
  ]);
  const bigger = systolicOf(4, 4, 6).build({ target: "vhls" }).code;
  assert.equal(
    [...bigger.matchAll(/^void gemm_\d_\d\(/gm)].length,
    fns.length,
    "function count grows with the grid",
  );
});

test("a partition of a region parameter reaches every instance bound to it", () => {
  const s = systolicOf(4, 4, 4);
  s.partition("top:A", { type: "block", dim: 1, factor: 2 });
  const code = s.build({ target: "vhls" }).code;
  assert.match(
    code,
    /void top\(\n {2}float A\[4\]\[4\],[\s\S]*?#pragma HLS array_partition variable=A block dim=1 factor=2\n/,
  );
  // A block partition of the rows keeps each row in one bank: every loader gets its own row.
  const loads = [...code.matchAll(/^ {2}gemm_1_0\((A\[\d\]), fifo_A_\d_1\);/gm)].map((m) => m[1]);
  assert.deepEqual(loads, ["A[0]", "A[1]", "A[2]", "A[3]"]);
});

test("systolic GEMM in csim equals the CPU simulator", async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-df-"));
  try {
    const s = systolicOf(4, 4, 6);
    const A = floats(24, 5);
    const B = floats(24, 6);
    const want = new Float32Array(16);
    s.build()(A, B, want);
    const got = new Float32Array(16);
    await s.build({ target: "vitis_hls", mode: "csim", project: dir })(A, B, got);
    assert.deepEqual(got, want);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the verifier proves the systolic region equivalent to the plain matmul", () => {
  const r = verify(df.customize(systolic), customize(matmul));
  assert.equal(r.status, "equivalent", r.reason);
});

test("tiled GEMM: 2 x 2 instances with pids in loop bounds, each writing its own tile (no AL4103)", () => {
  const D = 8;
  const A = Int32Array.from({ length: D * D }, (_, k) => (k % 7) - 3);
  const B = Int32Array.from({ length: D * D }, (_, k) => (k % 5) - 2);
  const C = new Int32Array(D * D);
  df.build(tiled)(A, B, C);
  const want = new Int32Array(D * D);
  for (let i = 0; i < D; i++)
    for (let j = 0; j < D; j++) for (let k = 0; k < D; k++) want[i * D + j] += A[i * D + k] * B[k * D + j];
  assert.deepEqual(C, want);
});

test("loops are named per instance: 'gemm_1_1:_k' pipelines that instance's loop only", () => {
  const s = df.customize(systolic);
  s.pipeline("gemm_1_1:_k");
  s.unroll("gemm_0_1:k");
  const fns = new Map(
    s
      .build({ target: "vhls" })
      .code.split(/^void /m)
      .slice(1)
      .map((f) => [f.slice(0, f.indexOf("(")), f]),
  );
  assert.match(fns.get("gemm_1_1") as string, /#pragma HLS pipeline II=1/);
  assert.match(fns.get("gemm_0_1") as string, /#pragma HLS unroll/);
  for (const [name, f] of fns)
    if (name !== "gemm_1_1" && name !== "gemm_0_1")
      assert.doesNotMatch(f, /#pragma HLS (pipeline|unroll)/, name);
  const C = new Float32Array(4);
  s.build()(Float32Array.from([1, 2, 3, 4]), Float32Array.from([5, 6, 7, 8]), C);
  assert.deepEqual([...C], [19, 22, 43, 50]);
});

test("'gemm:_k' names the loop in every instance of gemm that has it: one step per instance", () => {
  const s = df.customize(systolic);
  s.pipeline("gemm:_k");
  const pes = s.steps.map((st) => (st.args[0] as { loop: { name: string } }).loop.name);
  assert.ok(pes.length > 1, s.trace());
  assert.ok(
    pes.every((n) => /^gemm_\d+_\d+:_k$/.test(n.replace(/^top:/, ""))),
    pes.join(" "),
  );
  assert.ok(pes.includes("gemm_1_1:_k") || pes.includes("top:gemm_1_1:_k"), pes.join(" "));
  const loaders = df.customize(systolic).pipeline("gemm:k");
  assert.ok(loaders.steps.length >= 2 && loaders.steps.length < pes.length + 4, loaders.trace());
  // Replays as recorded, and the run is unchanged.
  const args = (x: typeof s) => x.steps.map((st) => st.args);
  assert.deepEqual(args(customize(systolic).replay(s.steps)), args(s));
  const C = new Float32Array(4);
  s.build()(Float32Array.from([1, 2, 3, 4]), Float32Array.from([5, 6, 7, 8]), C);
  assert.deepEqual([...C], [19, 22, 43, 50]);
  assert.throws(() => df.customize(systolic).pipeline("gemm:nope"), /AL3001/);
});
