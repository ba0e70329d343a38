// Block streams (api.md section 7, `Stream<float32<[M]>>`): a producer puts whole rows, a consumer gets
// them into local arrays; a chain of stages passes int32 blocks through an array of block streams. CPU
// bit-exact against plain references, csim equal to the CPU, the verifier proves each region equal to
// its plain kernel; the HLS sends one hls::vector per block (golden file); misuse is AL4001 at the call.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { type AlloError, customize, df, verify } from "../../src/index.ts";
import { SKIP } from "../backends/native/support.ts";
import { assertGolden } from "../support/golden.ts";

const HEAD = `import { df, type float32, type int32, range, type Stream, zeros } from "allo-ts";\n`;
const design = (text: string, name = "top") => customize(HEAD + text, { name, file: "blocks.ts" });

/** N rows of M floats: the producer streams each row, the consumer doubles it (depth 2 blocks). */
const rows = (
  N: number,
  M: number,
) => `export function top(A: float32<[${N}, ${M}]>, B: float32<[${N}, ${M}]>): void {
  const rows: Stream<float32<[${M}]>> = df.stream({ depth: 2 });
  df.kernel({ mapping: [1], args: [A] }, function producer(local_A: float32<[${N}, ${M}]>) {
    for (const i of range(${N})) rows.put(local_A[i]);
  });
  df.kernel({ mapping: [1], args: [B] }, function consumer(local_B: float32<[${N}, ${M}]>) {
    for (const i of range(${N})) {
      const row: float32<[${M}]> = rows.get();
      for (const j of range(${M})) local_B[i][j] = row[j] * 2 + 0.5;
    }
  });
}`;
const rowsPlain = (
  N: number,
  M: number,
) => `export function top(A: float32<[${N}, ${M}]>, B: float32<[${N}, ${M}]>): void {
  for (const i of range(${N})) for (const j of range(${M})) B[i][j] = A[i][j] * 2 + 0.5;
}`;

/** S stages: stage s gets a block from link s, adds s + 1 to every lane and puts it on link s + 1. */
const chain = (
  S: number,
  N: number,
  M: number,
) => `export function top(A: int32<[${N}, ${M}]>, B: int32<[${N}, ${M}]>): void {
  const link: Stream<int32<[${M}]>, [${S + 1}]> = df.stream({ depth: 1 });
  df.kernel({ mapping: [1], args: [A] }, function load(local_A: int32<[${N}, ${M}]>) {
    for (const i of range(${N})) link[0].put(local_A[i]);
  });
  df.kernel({ mapping: [${S}], args: [] }, function stage() {
    const [s] = df.getPid();
    for (const i of range(${N})) {
      const x: int32<[${M}]> = link[s].get();
      const y: int32<[${M}]> = zeros();
      for (const l of range(${M})) y[l] = x[l] + (s + 1);
      link[s + 1].put(y);
    }
  });
  df.kernel({ mapping: [1], args: [B] }, function store(local_B: int32<[${N}, ${M}]>) {
    for (const i of range(${N})) {
      const x: int32<[${M}]> = link[${S}].get();
      for (const l of range(${M})) local_B[i][l] = x[l];
    }
  });
}`;
/** The chain's arithmetic in one loop nest: each stage's add wraps to int32 in turn. */
const chainPlain = (
  S: number,
  N: number,
  M: number,
) => `export function top(A: int32<[${N}, ${M}]>, B: int32<[${N}, ${M}]>): void {
  for (const i of range(${N})) for (const l of range(${M})) {
    let t: int32 = A[i][l];
${Array.from({ length: S }, (_, s) => `    t = t + ${s + 1};`).join("\n")}
    B[i][l] = t;
  }
}`;

const floats = (n: number) =>
  Float32Array.from({ length: n }, (_, k) => Math.fround(((k * 37) % 23) / 7 - 1.5));
const ints = (n: number) => Int32Array.from({ length: n }, (_, k) => ((k * 7919) % 2001) - 1000);

const CASES = [
  {
    name: "rows 5 x 4",
    text: rows(5, 4),
    plain: rowsPlain(5, 4),
    input: () => floats(20),
    out: () => new Float32Array(20),
  },
  {
    name: "rows 3 x 8",
    text: rows(3, 8),
    plain: rowsPlain(3, 8),
    input: () => floats(24),
    out: () => new Float32Array(24),
  },
  {
    name: "chain of 3 stages, 4 x 4",
    text: chain(3, 4, 4),
    plain: chainPlain(3, 4, 4),
    input: () => ints(16),
    out: () => new Int32Array(16),
  },
];

test("block streams: the CPU simulator and the native target equal the plain kernel bit for bit, and the verifier proves it", {
  skip: SKIP,
}, () => {
  for (const c of CASES) {
    const [A, want, got, native] = [c.input(), c.out(), c.out(), c.out()];
    design(c.plain).build()(A, want);
    df.build(design(c.text))(A, got);
    assert.deepEqual(got, want, c.name);
    design(c.text).build({ target: "native" })(A, native);
    assert.deepEqual(native, want, `${c.name} natively`);
    assert.equal(verify(design(c.text), design(c.plain)).status, "equivalent", c.name);
  }
});

test("block streams simulate in csim as they run on the CPU", async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-blocks-"));
  try {
    for (const [k, c] of CASES.entries()) {
      const [A, cpu, hls] = [c.input(), c.out(), c.out()];
      df.build(design(c.text))(A, cpu);
      await df.build(design(c.text), { target: "vitis_hls", mode: "csim", project: join(dir, `p${k}`) })(
        A,
        hls,
      );
      assert.deepEqual(hls, cpu, c.name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("HLS sends one hls::vector per block, with the depth in blocks", () => {
  const code = df.build(design(rows(5, 4)), { target: "vhls" }).code;
  assert.ok(code.includes("#include <hls_vector.h>"), code);
  assert.ok(code.includes("#pragma HLS stream variable=rows depth=2"), code);
  assertGolden("hls/block_stream_rows.cpp", code);
});

const ERRORS: readonly { what: string; body: string; at: string; says: RegExp }[] = [
  {
    what: "a scalar put",
    body: "rows.put(local_A[0][0]);",
    at: "6:14",
    says: /moves blocks of 4 elements: put a 4-element array or row/,
  },
  { what: "a row of the wrong length", body: "rows.put(C);", at: "6:14", says: /not 'C' of shape \[3\]/ },
  { what: "a whole matrix", body: "rows.put(local_A);", at: "6:14", says: /not 'local_A' of shape \[2, 4\]/ },
  {
    what: "a block used as a value",
    body: "local_A[0][0] = rows.get();",
    at: "6:21",
    says: /read a block into a local array, const row: float32<\[4\]> = rows\.get\(\);/,
  },
  {
    what: "a local of the wrong shape",
    body: "const r: float32<[3]> = rows.get();",
    at: "6:11",
    says: /must be declared float32<\[4\]>, not of shape \[3\]/,
  },
];

for (const e of ERRORS) {
  test(`block streams: ${e.what} is AL4001 at ${e.at}`, () => {
    const text = `export function top(A: float32<[2, 4]>): void {
  const rows: Stream<float32<[4]>> = df.stream();
  df.kernel({ mapping: [1], args: [A] }, function k(local_A: float32<[2, 4]>) {
    const C: float32<[3]> = zeros();
    ${e.body}
  });
}`;
    assert.throws(
      () => design(text),
      (err: AlloError) =>
        err.code === "AL4001" && err.message.includes(`blocks.ts:${e.at}`) && e.says.test(err.message),
      e.what,
    );
  });
}

test("block streams: a two-dimensional block is AL4001", () => {
  const text = `export function top(A: float32<[2, 4]>): void {
  const tiles: Stream<float32<[2, 2]>> = df.stream();
}`;
  assert.throws(
    () => design(text),
    (err: AlloError) => err.code === "AL4001" && /blocks are one-dimensional/.test(err.message),
  );
});
