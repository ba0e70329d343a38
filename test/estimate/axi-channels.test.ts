// The m_axi channels (docs/estimate.md, src/estimate/axi-channels.ts): each bundle of the vitis_hls top
// is one AXI master with one read and one write channel, so a pipelined loop reading an m_axi port k
// times an iteration runs at II k whatever the 2 ports a BRAM bank would give; reads and writes take
// separate channels; arrays the user puts in one bundle share it. The wrapIo top's on-chip copies and
// the kernel alone's memory ports (wrapIo: false) keep the RAM model.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type Estimate, profiles } from "allo-ts";
import { projectOptions } from "../../src/backends/hls/options.ts";
import { emitVitisKernel } from "../../src/backends/hls/vitis.ts";
import { resMii, scheduleIteration } from "../../src/estimate/iteration.ts";
import type { Op } from "../../src/estimate/ops.ts";
import type { Func } from "../../src/ir/nodes.ts";
import { seedSystolic } from "../verify/support/systolic.ts";
import { gemmBuffered } from "./kernels.ts";

const row = (e: Estimate, func: string, label: string) => {
  const r = e.loops.find((l) => l.func === func && l.label === label);
  assert.ok(r, `no row ${func}/${label}: ${e.loops.map((l) => `${l.func}/${l.label}`).join(", ")}`);
  return r;
};

test("a loader reading k elements of its m_axi port an iteration runs at II k, held by the bundle's read channel", () => {
  for (const k of [2, 4]) {
    // The PE array's A loader reads a column of A at its port (gmem0), k operands an iteration.
    const e = seedSystolic(k).estimate();
    const r = row(e, "A_load", "l_k_init");
    assert.equal(r.ii, k, `A_load at k = ${k}`);
    assert.match(
      r.limitedBy ?? "",
      new RegExp(`single read channel of the m_axi bundle 'gmem0'.* ${k} reads of 'A'`),
    );
    assert.match(r.limitedBy ?? "", /wider element type.*bufferAt/);
    // The B loader's k operands are one run of a row of B: one word (wide-loaders.ts), one read.
    assert.deepEqual(
      [row(e, "B_load", "l_k_init").ii, row(e, "B_load", "l_k_init").limitedBy],
      [1, undefined],
    );
    // The kernel alone has memory ports (ap_memory, 2 a bank): half the reads a cycle each, as before.
    const alone = row(seedSystolic(k).estimate({ wrapIo: false }), "A_load", "l_k_init");
    assert.equal(alone.ii, k / 2);
    if (k > 2) assert.match(alone.limitedBy ?? "", /port conflict on 'A'/);
  }
});

test("the estimate's bundle is the kernel's: a user's interfaces.<name>.bundle names the channel in both", () => {
  const interfaces = { A: { mode: "m_axi", bundle: "hbm7" } } as const;
  const s = seedSystolic(4);
  const r = row(s.estimate({ interfaces }), "A_load", "l_k_init");
  assert.match(r.limitedBy ?? "", /m_axi bundle 'hbm7'/);
  const top = s.ir.functions.find((f) => f.name === s.ir.top) as Func;
  const { code } = emitVitisKernel(s.ir, projectOptions({ interfaces }, top));
  assert.match(code, /interface m_axi port=A offset=slave bundle=hbm7/);
  assert.match(code, /interface m_axi port=B offset=slave bundle=gmem1/);
  assert.throws(() => s.estimate({ interfaces: { Q: { mode: "m_axi" } } }), /'Q', which is not an argument/);
});

const NO_BUFFERS: Func = { name: "f", params: [], results: [], buffers: {}, body: [], attrs: {} };

/** Independent accesses of m_axi arrays: [kind, array, bundle] each. */
const accesses = (list: readonly (readonly ["load" | "store", string, string])[]): Op[] =>
  list.map(([kind, buffer, bundle], id) => ({ id, kind, buffer, bundle, mem: "axi", deps: [] }));

test("reads and writes of one bundle take separate channels: 2 reads + 2 writes an iteration are II 2", () => {
  const ops = accesses([
    ["load", "X", "gmem0"],
    ["load", "X", "gmem0"],
    ["store", "X", "gmem0"],
    ["store", "X", "gmem0"],
  ]);
  const p = profiles.u280;
  assert.equal(resMii(ops, NO_BUFFERS, p).ii, 2);
  // Each channel issues one access a cycle: the second read and the second write wait one cycle.
  const { end } = scheduleIteration(ops, NO_BUFFERS, p, new Set());
  assert.deepEqual(end, [2, 3, 2, 3]);
  // A profile with two read channels a bundle halves the reads' bound.
  const wide = { ...p, mem: { ...p.mem, axiReadChannels: 2 } };
  assert.equal(
    resMii(
      accesses([
        ["load", "X", "gmem0"],
        ["load", "X", "gmem0"],
      ]),
      NO_BUFFERS,
      wide,
    ).ii,
    1,
  );
});

test("two arrays in one bundle share its read channel; in bundles of their own they do not", () => {
  const p = profiles.u280;
  const shared = resMii(
    accesses([
      ["load", "X", "gmem"],
      ["load", "X", "gmem"],
      ["load", "Y", "gmem"],
      ["load", "Y", "gmem"],
    ]),
    NO_BUFFERS,
    p,
  );
  assert.equal(shared.ii, 4);
  assert.match(shared.why ?? "", /bundle 'gmem'.* 4 reads of 'X', 'Y'.*bundles of their own/);
  const apart = accesses([
    ["load", "X", "gmem0"],
    ["load", "X", "gmem0"],
    ["load", "Y", "gmem1"],
    ["load", "Y", "gmem1"],
  ]);
  assert.equal(resMii(apart, NO_BUFFERS, p).ii, 2);
});

test("the wrapIo top's copies read or write their port once an iteration (II 1); the kernel reads the copies", () => {
  const s = gemmBuffered(128);
  s.unroll("j", 16);
  const e = s.estimate();
  const copies = e.loops.filter((l) => l.io);
  assert.equal(copies.length, 3);
  for (const c of copies) assert.deepEqual([c.ii, c.limitedBy], [1, undefined], c.label);
  // 16 reads of B's on-chip copy an iteration: Vitis partitions it, no AXI channel in the way.
  assert.equal(row(e, "gemm", "l_k_l_S_k_0_j").ii, 1);
});

test("a profile's AXI channel counts are checked like its other fields (AL7002)", () => {
  const broken = { ...profiles.u280, mem: { ...profiles.u280.mem, axiWriteChannels: 0 } };
  assert.throws(
    () => seedSystolic(2).estimate({ profile: broken }),
    /'mem.axiWriteChannels' must be at least 1/,
  );
});
