// HLS of spatial regions (PE arrays made by unfold + relay) as Vitis's dataflow checks want them: one
// C++ function per distinct PE body (so the function count does not grow with the array), every array
// part passed to one process only, streams declared with depths, `#pragma HLS dataflow` first, calls in
// stream order; and csim of the seed's systolic array equal to the CPU at several sizes, with and
// without wrapIo.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { emitHls } from "../../../src/backends/hls/index.ts";
import { customize } from "../../../src/index.ts";
import { rng } from "../../support/random.ts";
import { seedSystolic } from "../../verify/support/systolic.ts";
import { functionText, regionParts } from "./dataflow-text.ts";

/** Asserts no two calls get the same array part, or a part and its whole (one writer per part). */
function assertOneProcessPerPart(calls: readonly { args: string[] }[], streams: readonly string[]): void {
  const parts = new Map<string, Set<string>>();
  for (const { args } of calls) {
    for (const a of args) {
      const m = a.match(/^&?(\w+)((?:\[\d+\])*)$/);
      if (!m || streams.includes(m[1]) || /^\d+$/.test(a)) continue;
      const seen = parts.get(m[1]) ?? new Set<string>();
      parts.set(m[1], seen);
      assert.ok(!seen.has(m[2]) && !seen.has(""), `${a} reaches two processes`);
      if (m[2] === "") assert.equal(seen.size, 0, `${a} whole and in parts`);
      seen.add(m[2]);
    }
  }
}

test("systolic arrays at 4x4, 8x8, 16x16: same function count, one process per array part, stream-ordered calls", () => {
  const counts: number[] = [];
  for (const n of [4, 8, 16]) {
    const code = emitHls(seedSystolic(n).ir);
    counts.push(code.match(/^void \w+\(/gm)?.length ?? 0);
    const { streams, calls } = regionParts(functionText(code, "matmul"));
    assert.equal(calls.length, 2 + n * n, "loaders and PEs: one call each");
    assert.equal(streams.length, 2 * n * n);
    assertOneProcessPerPart(calls, streams);
    // The stream graph's topological order is row-major here: loaders, then PE (0, 0), (0, 1), ...
    const pe = calls.filter((c) => c.args[0].startsWith("&C["));
    assert.deepEqual(
      pe.map((c) => c.args[0]),
      Array.from({ length: n * n }, (_, k) => `&C[${Math.floor(k / n)}][${k % n}]`),
    );
    // Every stream has its producer called before its consumer.
    const firstUse = new Map<string, number>();
    calls.forEach((c, k) => {
      for (const a of c.args) if (streams.includes(a) && !firstUse.has(a)) firstUse.set(a, k);
    });
    assert.deepEqual(
      calls.slice(0, 2).map((c) => c.fn),
      ["A_load", "B_load"],
    );
    assert.equal(firstUse.size, streams.length, "every declared stream is used");
  }
  // Loaders, four PE bodies (interior, last column, last row, corner), the region.
  assert.deepEqual(counts, [7, 7, 7]);
});

test("instances identical but for their indices share one function taking the indices as arguments", () => {
  const src = `import { grid, int8, int16, range, zeros } from "allo-ts";
export function mm(A: int8<[4, 4]>, B: int8<[4, 4]>): int16<[4, 4]> {
  const C: int16<[4, 4]> = zeros();
  for (const [i, j] of grid(4, 4, { name: "PE" })) for (const k of range(4)) C[i][j] += A[i][k] * B[k][j];
  return C;
}`;
  const s = customize(src, { name: "mm" });
  s.unfold("PE", { axis: [0, 1], factor: [4, 4] });
  const code = emitHls(s.ir);
  // The region is outlined as `PE`, so the shared PE function takes its first instance's name.
  const pe = functionText(code, "PE_0_0");
  assert.match(
    pe,
    /^void PE_0_0\(\n {2}int16_t C\[1\],\n {2}int8_t A\[4\],\n {2}int8_t B\[4\]\[4\],\n {2}int j\n\)/,
  );
  assert.ok(pe.includes("B[k_0_0][j]"), "the column is the index argument");
  const { calls } = regionParts(functionText(code, "PE"));
  assert.equal(calls.length, 16);
  assert.ok(calls.every((c) => c.fn === "PE_0_0"));
  assert.deepEqual(calls[6].args, ["&C[1][2]", "A[1]", "B", "2"]);
  assert.equal(code.match(/^void \w+\(/gm)?.length, 3, "PE_0_0, the region PE, the top mm");
  // zeros() fills C in the top before the region runs; the region itself holds calls only.
  assert.ok(!functionText(code, "PE").includes("fill"));
});

test("a shared function used by every instance of its kernel is named after the kernel", () => {
  const src = `import { int32, range } from "allo-ts";
export function inc(A: int32<[4, 8]>, B: int32<[4, 8]>): void {
  for (const i of range(4, { name: "row" })) for (const j of range(8)) B[i][j] = A[i][j] + 1;
}`;
  const s = customize(src, { name: "inc" });
  s.unfold("row", { axis: 0, factor: 4 });
  const code = emitHls(s.ir);
  assert.deepEqual(code.match(/^void \w+(?=\()/gm), ["void row", "void inc"]);
  const { calls } = regionParts(functionText(code, "inc"));
  assert.deepEqual(
    calls.map((c) => c.args.join(", ")),
    [0, 1, 2, 3].map((i) => `B[${i}], A[${i}]`),
  );
});

/** csim of the seed's systolic array (size x size, K = k) against the CPU backend. */
async function assertSystolicCsim(
  size: number,
  k: number,
  wrapIo: boolean,
  partitionC = false,
): Promise<string> {
  const s = seedSystolic(size, k);
  if (partitionC) s.partition("C", { type: "complete", dim: 0 });
  const dir = mkdtempSync(join(tmpdir(), "allo-systolic-"));
  try {
    const prj = s.build({ target: "vitis_hls", mode: "csim", project: dir, wrapIo });
    const r = rng(size * 100 + k);
    const A = Int8Array.from({ length: size * k }, () => Math.floor(r() * 256) - 128);
    const B = Int8Array.from({ length: k * size }, () => Math.floor(r() * 256) - 128);
    const C0 = Int16Array.from({ length: size * size }, () => Math.floor(r() * 2000) - 1000);
    const want = Int16Array.from(C0);
    s.build()(A, B, want);
    const got = Int16Array.from(C0);
    await prj(A, B, got);
    assert.deepEqual(got, want, `${size}x${size}, K=${k}, wrapIo ${wrapIo}`);
    return readFileSync(join(dir, "kernel.cpp"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("csim of the systolic array equals the CPU at several sizes, with C partitioned; wrapIo copies around the dataflow region", async () => {
  for (const [size, k] of [
    [2, 2],
    [3, 5],
    [5, 3],
  ])
    await assertSystolicCsim(size, k, true);
  // C split into one register per PE, as Vitis needs to see the PEs' elements as separate memories.
  const wrapped = await assertSystolicCsim(4, 4, true, true);
  assert.match(
    wrapped,
    /int16_t buf2\[4\]\[4\];\n#pragma HLS array_partition variable=buf2 complete dim=1\n/,
  );
  assert.ok(!functionText(wrapped, "PE_0_0").includes("array_partition"), "a PE's element has no partition");
  // The loaders stream A and B from their m_axi ports; the top copies only the in-out C on chip,
  // calls the dataflow region, copies C back.
  const region = functionText(wrapped, "matmul_kernel");
  assert.match(region, /^void matmul_kernel\([^)]*\) \{\t\/\/ L\d+\n#pragma HLS dataflow\n/);
  for (const label of ["l_S_buf2_buf2_l_0", "l_S_result2_result2_l_0"])
    assert.ok(wrapped.includes(`${label}: for`), label);
  for (const label of ["l_S_buf0_buf0_l_0", "l_S_buf1_buf1_l_0"]) assert.ok(!wrapped.includes(label), label);
  assert.match(wrapped, /\n {2}matmul_kernel\(A, B, buf2\);/);
  const inPlace = await assertSystolicCsim(3, 3, false);
  assert.match(functionText(inPlace, "matmul"), /\n#pragma HLS dataflow\n/);
  assert.ok(!inPlace.includes("matmul_kernel"));
});
