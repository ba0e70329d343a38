// The Vitis kernel top (api.md section 3): with wrapIo (the default) every array argument is copied
// into an on-chip buffer with its layout in loops named as Allo's, so no m_axi port is ever
// partitioned; with wrapIo: false the ports are used in place and partitioning one is AL5014 at the
// schedule call. csim equals the CPU backend in both forms. Also the project options (part, clock,
// interfaces, control) and their checks, and which ports a PE array reads in place (m_axi only).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { emitHls } from "../../../src/backends/hls/index.ts";
import { projectOptions, type VitisOptions } from "../../../src/backends/hls/options.ts";
import { emitVitisKernel } from "../../../src/backends/hls/vitis.ts";
import { AlloError } from "../../../src/diagnostics/error.ts";
import { customize, int8, int32, type Schedule } from "../../../src/index.ts";
import type { Func, Module } from "../../../src/ir/nodes.ts";
import { systolic } from "../../../src/library/index.ts";
import { CASES } from "../../corpus/cases.ts";
import { assertSameOutputs, cloneArgs } from "../../support/compare.ts";
import { assertGolden } from "../../support/golden.ts";
import { rng } from "../../support/random.ts";
import { PRIMITIVES, scheduled } from "./scheduled.ts";
import { scaleAcc } from "./wrap-io-kernel.ts";

const kernelOf = (m: Module, o: VitisOptions = {}) =>
  emitVitisKernel(m, projectOptions(o, m.functions.find((f) => f.name === m.top) as Func));

function partitioned(): Schedule {
  const s = customize(scaleAcc);
  s.partition("A", { type: "cyclic", dim: 2, factor: 4 });
  s.partition("C", { type: "complete", dim: 1 });
  s.pipeline("j");
  return s;
}

function inputs(seed: number): unknown[] {
  const r = rng(seed);
  const mat = () => Int32Array.from({ length: 64 }, () => Math.floor(r() * 2000) - 1000);
  return [mat(), mat(), -7];
}

/** csim of `s` as a Vitis project against the CPU backend, on an in-out C with nonzero contents. */
async function assertCsimMatchesCpu(s: Schedule, o: VitisOptions): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "allo-wrap-io-"));
  try {
    const prj = s.build({ target: "vitis_hls", mode: "csim", project: dir, ...o });
    const cpu = s.build();
    for (const seed of [1, 2]) {
      const args = inputs(seed);
      const cpuArgs = cloneArgs(args);
      const want = cpu(...cpuArgs);
      const got = await prj(...args);
      assertSameOutputs([got, args[1]], [want, cpuArgs[1]], `seed ${seed}`);
    }
    return readFileSync(join(dir, "kernel.cpp"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("wrapIo (default): every array argument is copied on chip with its layout; csim equals the CPU", async () => {
  const code = await assertCsimMatchesCpu(partitioned(), {});
  assertGolden("hls/vitis/wrap_io_kernel.cpp", code);
  // Inputs and the in-out C are copied in; C and the returned tensor are copied back; n stays by value.
  for (const label of ["l_S_buf0_buf0_l_0", "l_buf0_l_1", "l_S_buf1_buf1_l_0", "l_S_result1_result1_l_0"]) {
    assert.ok(code.includes(`${label}: for`), label);
  }
  assert.ok(code.includes("l_S_result3_result3_l_0: for"), "the returned tensor is copied out");
  assert.ok(!code.includes("l_S_buf3_"), "a write-only output is not copied in");
  assert.match(
    code,
    /int32_t buf0\[8\]\[8\];\n#pragma HLS array_partition variable=buf0 cyclic dim=2 factor=4\n/,
  );
  assert.match(code, /scaleAcc_kernel\(buf0, buf1, n, result3\);/);
});

test("wrapIo: false uses the ports in place (same results); interfaces and control become pragmas", async () => {
  const s = customize(scaleAcc);
  s.pipeline("j");
  const o: VitisOptions = {
    wrapIo: false,
    interfaces: { A: { mode: "m_axi", bundle: "weights" }, n: { mode: "s_axilite" } },
    control: "s_axilite",
  };
  const code = await assertCsimMatchesCpu(s, o);
  assertGolden("hls/vitis/in_place_kernel.cpp", code);
  assert.ok(!code.includes("_kernel("), "no inner kernel function");
  assert.ok(code.includes("interface m_axi port=A offset=slave bundle=weights\n"));
  assert.ok(code.includes("interface m_axi port=C offset=slave bundle=gmem1\n"));
  assert.ok(code.includes("interface s_axilite port=n\n"));
  assert.ok(code.includes("interface s_axilite port=return bundle=control\n"));
});

test("wrapIo: false with a partitioned argument is AL5014 at the partition call, naming both ways out", () => {
  const s = customize(scaleAcc);
  s.partition("C", { type: "block", dim: 2, factor: 2 });
  const here = fileURLToPath(import.meta.url);
  const lines = readFileSync(here, "utf8").split("\n");
  const line = lines.indexOf('  s.partition("C", { type: "block", dim: 2, factor: 2 });') + 1;
  const dir = mkdtempSync(join(tmpdir(), "allo-wrap-io-"));
  try {
    assert.throws(
      () => s.build({ target: "vitis_hls", mode: "csim", project: dir, wrapIo: false }),
      (e: unknown) => {
        assert.ok(e instanceof AlloError && e.code === "AL5014", String(e));
        assert.match(e.message, /'C', an argument of the top 'scaleAcc'/);
        assert.match(e.message, /wrapIo: true/);
        assert.match(e.message, /bufferAt/);
        assert.equal(resolve(e.span?.file ?? ""), here);
        assert.equal(e.span?.line, line);
        return true;
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Names of the m_axi ports of the extern "C" top, and whether any of them is partitioned there. */
function partitionedMaxiPorts(code: string): string[] {
  const top = code.slice(code.indexOf('extern "C"'));
  const ports = [...top.matchAll(/interface m_axi port=(\w+)/g)].map((m) => m[1]);
  return ports.filter((p) => top.includes(`array_partition variable=${p} `));
}

test("no array_partition on an m_axi port, for every scheduled kernel and corpus kernel", () => {
  for (const name of Object.keys(PRIMITIVES)) {
    const m = scheduled(name).ir;
    assert.deepEqual(partitionedMaxiPorts(kernelOf(m).code), [], name);
  }
  for (const c of CASES.slice(0, 12)) {
    const m = customize(c.kernel, c.options).ir;
    assert.ok(!emitHls(m).includes('extern "C"'), `${c.name}: the vhls target prints plain C++`);
    for (const wrapIo of [true, false])
      assert.deepEqual(partitionedMaxiPorts(kernelOf(m, { wrapIo }).code), [], c.name);
  }
});

test("part and clockNs reach run.tcl; bad options are AL9001 naming the option", () => {
  const s = scheduled("pipeline");
  const dir = mkdtempSync(join(tmpdir(), "allo-wrap-io-"));
  try {
    s.build({ target: "vitis_hls", mode: "csyn", project: dir, part: "xcvu9p-flga2104-2-i", clockNs: 5 });
    const tcl = readFileSync(join(dir, "run.tcl"), "utf8");
    assert.match(tcl, /set_part \{xcvu9p-flga2104-2-i\}\ncreate_clock -period 5\n/);
    const bad: [VitisOptions, RegExp][] = [
      [{ clockNs: 0 }, /clockNs must be a positive number/],
      [{ part: "" }, /part must be a device part name/],
      [
        { interfaces: { Z: { mode: "m_axi" } } },
        /names 'Z', which is not an argument of 'gemm'; its arguments are A, B, C/,
      ],
      [
        { interfaces: { A: { mode: "bram" as never } } },
        /interfaces\.A\.mode must be one of m_axi, axis, s_axilite/,
      ],
      [{ interfaces: { A: { mode: "axis", bundle: "g" } } }, /only an m_axi port has a bundle/],
      [{ control: "ap_none" as never }, /control must be "s_axilite"/],
      [{ wrapIo: "yes" as never }, /wrapIo must be true or false/],
    ];
    for (const [o, re] of bad) {
      assert.throws(
        () => s.build({ target: "vitis_hls", mode: "csim", project: dir, ...o }),
        (e: unknown) => e instanceof AlloError && e.code === "AL9001" && re.test(e.message),
        re.source,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a PE array's m_axi ports go straight to their loaders; an axis port keeps its in-order copy", () => {
  const instantiate = { TyA: int8, TyB: int8, TyC: int32, M: 8, K: 6, N: 8, Mt: 2, Nt: 2 };
  const s = customize(systolic, { instantiate }).compose(systolic);
  // A copy is the wrapper's (the loaders read their ports in their own loops: A's into a tile).
  const copied = (code: string, port: string) =>
    new RegExp(`= ${port}\\[`).test(code.slice(code.indexOf('extern "C"')));
  const mAxi = kernelOf(s.ir).code;
  assert.ok(!copied(mAxi, "A") && !copied(mAxi, "B"), "m_axi A and B are read by their loaders in place");
  const axis = kernelOf(s.ir, { interfaces: { A: { mode: "axis" } } }).code;
  assert.match(axis, /#pragma HLS interface axis port=A/);
  assert.ok(copied(axis, "A"), "the axis A is copied on chip, in order, before the array runs");
  assert.ok(!copied(axis, "B"), "B is still m_axi and read in place");
});
