// Reuse of estimates by structure: PEs that differ only in names (and in which constant element of an
// unbanked array they own) share one key and one costing, their rows replayed under their own names,
// labels and spans; a banked dimension indexed by different constants keeps the keys apart.
import assert from "node:assert/strict";
import { test } from "node:test";
import { HLS_PASSES } from "../../src/backends/hls/passes.ts";
import { sliceArrays } from "../../src/backends/hls/slice-arrays.ts";
import { structuralKey } from "../../src/estimate/structural-key.ts";
import type { Func } from "../../src/ir/nodes.ts";
import { runPasses } from "../../src/ir/passes/pass.ts";
import { seedSystolic } from "../verify/support/systolic.ts";

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
