// drainWrites: the library's tiled systolic array, whose PEs write blocks of C that no constant index
// separates, gets one writer of C (a store process fed by one FIFO per PE). The module the HLS passes
// make runs on the CPU backend (bounded FIFOs of the drain's depth: no deadlock) exactly as the
// schedule does, its C++ passes C to that process only, csim agrees, and the Vitis top hands the array
// its m_axi port (no on-chip copy). Arrays that constant indices separate stay with sliceArrays.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { emitHls } from "../../../src/backends/hls/index.ts";
import { HLS_PASSES } from "../../../src/backends/hls/passes.ts";
import { customize, float32, int8, int32 } from "../../../src/index.ts";
import type { Module } from "../../../src/ir/nodes.ts";
import { runPasses } from "../../../src/ir/passes/pass.ts";
import { systolic } from "../../../src/library/index.ts";
import { fillFloat, fillInt, rng } from "../../support/random.ts";
import { seedSystolic } from "../../verify/support/systolic.ts";

type Sizes = readonly [M: number, K: number, N: number, Mt: number, Nt: number];

function scheduled(float: boolean, [M, K, N, Mt, Nt]: Sizes) {
  const [TyA, TyC] = float ? [float32, float32] : [int8, int32];
  return customize(systolic, { instantiate: { TyA, TyB: TyA, TyC, M, K, N, Mt, Nt } }).compose(systolic);
}

function operands(float: boolean, [M, K, N]: Sizes) {
  const r = rng(M * 31 + K * 7 + N);
  const fill = (n: number) =>
    float ? fillFloat(new Float32Array(n), r, -2, 2) : fillInt(new Int8Array(n), r, -128, 127);
  return [fill(M * K), fill(K * N), float ? new Float32Array(M * N) : new Int32Array(M * N)] as const;
}

/** The kernel's C after one run of `run` on fresh operands. */
function runOn(run: (...args: unknown[]) => unknown, float: boolean, sizes: Sizes) {
  const [A, B, C] = operands(float, sizes);
  run(A, B, C);
  return C;
}

const drained = (m: Module): Module => runPasses(HLS_PASSES, m).module;

test("the drained PE array computes what the schedule does, on the CPU backend with depth-2 drain FIFOs", () => {
  for (const sizes of [
    [8, 6, 8, 2, 2],
    [6, 5, 4, 3, 2],
    [12, 9, 8, 4, 4],
    [3, 4, 5, 1, 5],
  ] as Sizes[]) {
    for (const float of [false, true]) {
      const s = scheduled(float, sizes);
      const m = drained(s.ir);
      const store = m.functions.find((f) => f.name === "C_store");
      assert.ok(store, `a store process for C at ${sizes}`);
      const fifos = Object.values(store.buffers).filter((b) => b.stream);
      assert.equal(fifos.length, sizes[3] * sizes[4], "one FIFO per PE");
      assert.ok(fifos.every((b) => b.stream?.depth === 2));
      assert.deepEqual(
        runOn(compileCpu(m), float, sizes),
        runOn(s.build(), float, sizes),
        `${sizes} ${float}`,
      );
    }
  }
});

test("the C++ passes C to the store process only, whose loop is pipelined; every PE writes a FIFO", () => {
  const code = emitHls(scheduled(false, [8, 6, 8, 2, 2]).ir);
  const calls = [...code.matchAll(/^ {2}(\w+)\((.*)\);/gm)].filter(([, f]) => f !== "systolic");
  const withC = calls.filter(([, , args]) => args.split(", ").includes("C"));
  assert.deepEqual(
    withC.map(([, f]) => f),
    ["C_store"],
  );
  assert.match(code, /#pragma HLS stream variable=C_drain_3 depth=2/);
  const store = code.slice(code.indexOf("void C_store("));
  assert.match(store, /l_j_outer: for [^\n]*\n {4}#pragma HLS pipeline II=1\n/);
  assert.match(store, /C\[4 \+ i_0_0\]\[\(j_outer_0_0 \* 2\) \+ 1\] = v3;/);
  for (const pe of ["PE_0_0", "PE_1_1"]) {
    const body = code.slice(code.indexOf(`void ${pe}(`));
    assert.match(body.slice(0, body.indexOf("\n}\n")), /C_drain_\d\.write\(c\);/, pe);
  }
});

test("csim of the drained array equals the CPU backend (int8 and float32)", async () => {
  for (const float of [false, true]) {
    const sizes: Sizes = [6, 5, 4, 3, 2];
    const s = scheduled(float, sizes);
    const dir = mkdtempSync(join(tmpdir(), "allo-drain-"));
    try {
      const [A, B, C] = operands(float, sizes);
      await s.build({ target: "vitis_hls", mode: "csim", project: dir })(A, B, C);
      assert.deepEqual(C, runOn(s.build(), float, sizes));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test("PEs that write C[i][j] keep their parts (sliceArrays): no drain", () => {
  const code = emitHls(seedSystolic(4).ir);
  assert.ok(!code.includes("_drain"), "no drain FIFO");
  assert.ok(!code.includes("_store("), "no store process");
});

test("the estimate of the Vitis top: C needs no on-chip copy, and the store keeps pace with the array", () => {
  const e = scheduled(false, [32, 64, 32, 4, 4]).estimate();
  assert.equal(e.resources.bram18k, 0);
  assert.equal(e.loops.filter((l) => l.io).length, 0, "no interface copy loops");
  const store = e.loops.find((l) => l.func === "C_store");
  assert.ok(store && store.tripCount === 64, "one iteration per output of a PE");
  const pe = e.loops.find((l) => l.func === "PE_0_0" && l.depth === 0);
  assert.ok(pe && store.latency < pe.latency, `store ${store.latency} < PE ${pe?.latency}`);
});
