// Target profiles (named, inline, bad), the estimate options, BRAM18K mapping of buffer shapes, String(est),
// and loop rows named exactly as the vitis_hls kernel the HLS backend writes.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { AlloError, profiles } from "allo-ts";
import { storageOf } from "../../src/estimate/memory.ts";
import type { BufferDecl } from "../../src/ir/nodes.ts";
import { floatType } from "../../src/types/dtype.ts";
import { gemm, gemmBuffered } from "./kernels.ts";

const code = (f: () => unknown, c: string, re: RegExp) =>
  assert.throws(f, (e: unknown) => e instanceof AlloError && e.code === c && re.test(e.message));

test("named profiles: u280 (default), u280-2.5ns, pynq-z1; the clock changes the fadd and so the recurrence II", () => {
  assert.deepEqual(Object.keys(profiles).sort(), ["pynq-z1", "u280", "u280-2.5ns"]);
  assert.equal(profiles.u280.clockNs, 3.33);
  const ii = (profile: string) =>
    gemm(64)
      .estimate({ profile })
      .loops.find((l) => l.label === "l_S_k_0_k")?.ii;
  assert.equal(ii("u280"), 7);
  assert.equal(ii("u280-2.5ns"), 10);
  assert.equal(ii("pynq-z1"), 5);
});

test("an inline profile is a named one with fields changed", () => {
  const mine = { ...profiles.u280, name: "mine", mem: { ...profiles.u280.mem, recurrenceMemOverhead: 3 } };
  assert.equal(
    gemm(64)
      .estimate({ profile: mine })
      .loops.find((l) => l.label === "l_S_k_0_k")?.ii,
    9,
  );
});

test("AL7001 for an unknown profile lists the known ones; AL7002 names the bad field; AL7003 an unknown option", () => {
  code(() => gemm(8).estimate({ profile: "u250" }), "AL7001", /'u250'.*'u280', 'u280-2.5ns', 'pynq-z1'/);
  const broken = { ...profiles.u280, mem: { ...profiles.u280.mem, portsPerBank: "two" } };
  code(() => gemm(8).estimate({ profile: broken as never }), "AL7002", /'mem.portsPerBank' must be a number/);
  const noOps = { ...profiles.u280, ops: { fadd: [] } };
  code(() => gemm(8).estimate({ profile: noOps as never }), "AL7002", /'ops.fadd'/);
  code(() => gemm(8).estimate({ clock: 3 } as never), "AL7003", /unknown estimate option 'clock'/);
});

const buf = (shape: number[], partitions: BufferDecl["partitions"] = []): BufferDecl => ({
  name: "X",
  type: floatType(32),
  shape,
  role: "local",
  partitions,
});

test("BRAM18K mapping of buffer shapes (observed Vitis mappings in the reference)", () => {
  const p = profiles.u280;
  assert.equal(storageOf(buf([1024]), p).bram18k, 2);
  assert.equal(storageOf(buf([390]), p).bram18k, 1);
  assert.equal(storageOf(buf([450]), p).bram18k, 1);
  assert.equal(storageOf(buf([10]), p).bram18k, 0); // LUTRAM
  assert.equal(storageOf(buf([128, 128]), p).bram18k, 32);
  assert.equal(storageOf(buf([128, 128], [{ type: "cyclic", dim: 2, factor: 16 }]), p).bram18k, 32);
  assert.equal(storageOf(buf([16, 16], [{ type: "complete", dim: 0, factor: 0 }]), p).bram18k, 0);
  assert.equal(storageOf(buf([16, 16], [{ type: "complete", dim: 0, factor: 0 }]), p).ff, 16 * 16 * 32);
});

test("String(est) is a csynth-shaped summary", () => {
  const text = String(gemm(64).estimate());
  for (const s of [
    "Latency (cycles)",
    "Interval",
    "Loop Name",
    "Achieved II",
    "Trip Count",
    "BRAM_18K",
    "DSP",
    "l_S_k_0_k",
    "II limited by",
  ])
    assert.ok(text.includes(s), s);
});

test("every row label is the label (or the joined labels of a flattened nest) the vitis_hls kernel prints", () => {
  const s = gemmBuffered(16);
  const dir = mkdtempSync(join(tmpdir(), "allo-est-"));
  try {
    s.build({ target: "vitis_hls", mode: "csim", project: dir });
    const cpp = readFileSync(join(dir, "kernel.cpp"), "utf8");
    const printed = new Set([...cpp.matchAll(/^\s*(l_\w+): for/gm)].map((m) => m[1]));
    const est = s.estimate();
    assert.equal(est.loops.length, 8);
    for (const r of est.loops) {
      let rest = r.label;
      while (rest.length) {
        const hit = [...printed]
          .filter((l) => rest === l || rest.startsWith(`${l}_l_`))
          .sort((a, b) => b.length - a.length)[0];
        assert.ok(hit, `'${r.label}' is not made of printed labels: ${[...printed].join(", ")}`);
        rest = rest.slice(hit.length + 1);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
