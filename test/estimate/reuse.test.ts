// Reuse of estimates by structure: PEs that differ only in names (and in which constant element of an
// unbanked array they own) share one key and one costing, their rows replayed under their own names,
// labels and spans; a banked dimension indexed by different constants keeps the keys apart. Pipelined
// nests of a function are shared the same way, except where a layout or an enclosing loop differs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { HLS_PASSES } from "../../src/backends/hls/passes.ts";
import { sliceArrays } from "../../src/backends/hls/slice-arrays.ts";
import { structuralKey as keyOf } from "../../src/estimate/structural-key.ts";
import { customize } from "../../src/index.ts";
import type { Func } from "../../src/ir/nodes.ts";
import { runPasses } from "../../src/ir/passes/pass.ts";
import { customizeBoth, loadKernel } from "../polybench/support.ts";
import { seedSystolic } from "../verify/support/systolic.ts";

const structuralKey = (f: Func): string => keyOf(f).key;
const pes = (fs: readonly Func[]) => fs.filter((f) => /^PE_\d+_\d+$/.test(f.name));

test("the PEs of an array fall into a handful of shapes (corners, edges, interior), not one per PE", () => {
  const { module } = runPasses(HLS_PASSES, seedSystolic(8).ir);
  const keys = new Set(pes(module.functions).map(structuralKey));
  assert.equal(pes(module.functions).length, 64);
  assert.ok(keys.size <= 4, `${keys.size} shapes`);
});

test("a key changes with any value of the function and not with a consistent renaming", () => {
  const { module } = runPasses(HLS_PASSES, seedSystolic(4).ir);
  const pe = module.functions.find((f) => f.name === "PE_1_1") as Func;
  const key = structuralKey(pe);
  const text = (f: Func) => JSON.stringify(f, (_, v) => (typeof v === "bigint" ? `${v}n` : v));
  const parse = (t: string): Func =>
    JSON.parse(t, (_, v) => (typeof v === "string" && /^-?\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v));
  const edit = (from: RegExp, to: string) => parse(text(pe).replace(from, to));
  // Every name of the PE (its FIFOs, locals, loop variable and label) renamed alike: the same key.
  assert.equal(structuralKey(edit(/_1_1\b/g, "_7_9")), key);
  const changed: [string, Func][] = [
    ["a trip count", edit(/"value":"4n"/, '"value":"5n"')],
    ["an operator", edit(/"op":"\*"/, '"op":"-"')],
    ["a FIFO depth", edit(/"depth":5\b/, '"depth":6')],
    ["a width", edit(/"bits":17/, '"bits":18')],
    ["which FIFO a value goes to", edit(/("kind":"streamPut","stream":")B_fifo_2_1/, "$1B_fifo_1_1")],
  ];
  for (const [what, f] of changed) {
    assert.notEqual(text(f), text(pe), `${what}: the edit applies`);
    assert.notEqual(structuralKey(f), key, what);
  }
});

test("a cyclic-partitioned output keeps PEs that write different banks apart", () => {
  const s = seedSystolic(4);
  s.partition("C", { type: "cyclic", dim: 2, factor: 2 });
  // sliceArrays gives each PE its own element of C (then one shape is right); a PE that is handed the
  // whole banked array, as before slicing or where slicing does not apply, must keep its bank.
  const sliced = runPasses(HLS_PASSES, s.ir).module;
  const slicedKeys = new Map(pes(sliced.functions).map((f) => [f.name, structuralKey(f)]));
  assert.equal(slicedKeys.get("PE_1_1"), slicedKeys.get("PE_1_2"));
  const unsliced = HLS_PASSES.filter((p) => p !== sliceArrays);
  const { module } = runPasses(unsliced, s.ir);
  const byName = new Map(pes(module.functions).map((f) => [f.name, structuralKey(f)]));
  // PE(1,1) and PE(1,2) write C[1][1] and C[1][2]: banks 1 and 0 of dimension 2.
  assert.notEqual(byName.get("PE_1_1"), byName.get("PE_1_2"));
  const plain = runPasses(unsliced, seedSystolic(4).ir).module;
  const plainKeys = new Map(pes(plain.functions).map((f) => [f.name, structuralKey(f)]));
  assert.equal(plainKeys.get("PE_1_1"), plainKeys.get("PE_1_2"));
});

test("replayed rows are each PE's own: its function, its loop labels, the same numbers as the one costed", () => {
  const e = seedSystolic(4).estimate({ wrapIo: false });
  const main = e.loops.filter((l) => /^PE_\d+_\d+$/.test(l.func) && /^l_S_k_0_/.test(l.label));
  assert.equal(main.length, 16);
  for (const r of main) {
    const [, i, j] = /^PE_(\d+)_(\d+)$/.exec(r.func) as RegExpExecArray;
    assert.match(r.label, new RegExp(`^l_S_k_0_${i}_${j}_`), `${r.func}: ${r.label}`);
    assert.ok(r.span, "the PE loop's source span is kept");
  }
  const interior = main.filter((r) => /PE_[12]_[12]$/.test(r.func));
  assert.equal(new Set(interior.map((r) => `${r.latency}/${r.iterationLatency}/${r.tripCount}`)).size, 1);
});

/** PolyBench jacobi_2d (two sweeps, A to B and B to A, equal in structure) at mini under its schedule. */
async function sweeps(partitionSecond: boolean) {
  const pb = await loadKernel("jacobi_2d");
  const { scheduled: s } = customizeBoth(pb, "mini");
  if (partitionSecond) s.partition("S_i1_2_reuse_0", { type: "complete", dim: 1 });
  const e = s.estimate({ wrapIo: false });
  const row = (label: RegExp) => e.loops.find((l) => label.test(l.label));
  return { first: row(/_i$/), second: row(/_i1$/) };
}

test("a pipelined nest equal to an earlier one costs the same, and what limits it names its own buffers", async () => {
  const { first, second } = await sweeps(false);
  assert.ok(first && second);
  assert.equal(first.ii, 75);
  const numbers = (r: typeof first) => [r.tripCount, r.ii, r.iterationLatency, r.latency];
  assert.deepEqual(numbers(second), numbers(first));
  assert.match(first.limitedBy ?? "", /port conflict on 'S_i_0_reuse_0'/);
  assert.match(second.limitedBy ?? "", /port conflict on 'S_i1_2_reuse_0'/);
  assert.doesNotMatch(second.limitedBy ?? "", /'S_i_0_reuse_0'/);
});

test("nests that differ in a buffer's layout are costed each on its own", async () => {
  const { first, second } = await sweeps(true);
  assert.ok(first && second);
  // The second sweep's line buffer in three banks: its shifts take a third of the cycles.
  assert.equal(first.ii, 75);
  assert.ok((second.ii ?? 0) < (first.ii ?? 0), `second II ${second.ii}`);
});

test("equal nests that read the ivs of different enclosing loops are costed where they are", () => {
  const s = customize(
    `
import { type float32, range } from "allo-ts";
export function tri(A: float32<[64]>, B: float32<[64]>): void {
  for (const t of range(8)) {
    A[t] = 0.0;
    for (const i of range(t, 64)) B[i] = A[i] + 1.0;
  }
  for (const u of range(60)) {
    B[u] = 0.0;
    for (const i1 of range(u, 64)) A[i1] = B[i1] + 1.0;
  }
}`,
    { name: "tri" },
  );
  s.pipeline("i");
  s.pipeline("i1");
  const rows = s.estimate({ wrapIo: false }).loops.filter((l) => l.pipeline);
  // Average trip counts: 64 - 3.5 and 64 - 29.5 (t and u at their midpoints), each rounded.
  assert.deepEqual(
    rows.map((r) => r.tripCount),
    [61, 35],
  );
});

test("a function costed as a twin of another names its own buffers in what limits its rows", () => {
  const scan = (name: string, acc: string) => `
function ${name}(X: float32<[128]>, Y: float32<[128]>): void {
  const ${acc}: float32<[128]> = zeros();
  for (const i of range(1, 128)) {
    ${acc}[i] = ${acc}[i - 1] + X[i];
    Y[i] = ${acc}[i];
  }
}`;
  const s = customize(
    `
import { type float32, range, zeros } from "allo-ts";
${scan("scanA", "accA")}
${scan("scanB", "accB")}
export function top(X: float32<[128]>, Z: float32<[128]>): void {
  const P: float32<[128]> = zeros();
  const Q: float32<[128]> = zeros();
  const R: float32<[128]> = zeros();
  for (const i of range(128)) P[i] = X[i];
  scanA(P, Q);
  scanB(Q, R);
  for (const i of range(128)) Z[i] = R[i];
}`,
    { name: "top" },
  );
  const rows = s.estimate({ wrapIo: false }).loops.filter((l) => l.limitedBy);
  // scanB is scanA's twin: its row is replayed from scanA's costing, with its own buffer's name.
  assert.deepEqual(
    rows.map((r) => [r.func, /memory '(\w+)'/.exec(r.limitedBy ?? "")?.[1]]),
    [
      ["scanA", "accA"],
      ["scanB", "accB"],
    ],
  );
});
