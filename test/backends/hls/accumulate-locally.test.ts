// drainWrites on PEs that read-modify-write their tile of C (the seed's `C[i][j] += A[i][k] * B[k][j]`
// unfolded into fewer PEs than outputs, so PE (p, q) owns a tile): each PE accumulates in a local
// scalar fed from C by one `C_load` process and drained to one `C_store` process, so C has one writer
// in the dataflow region and the PEs of one kind share a function whatever the array's size. The HLS
// passes' module runs on the CPU backend (depth-2 feed and drain FIFOs: no deadlock), csim and a plain
// reference agree bit for bit, int16 (wrapping) and float32. A PE that would read an element after
// writing it is left as it was.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { emitHls } from "../../../src/backends/hls/index.ts";
import { HLS_PASSES } from "../../../src/backends/hls/passes.ts";
import type { Schedule } from "../../../src/index.ts";
import { forLoop, idx } from "../../../src/ir/build.ts";
import type { Module, Stmt } from "../../../src/ir/nodes.ts";
import { runPasses } from "../../../src/ir/passes/pass.ts";
import { fillFloat, fillInt, rng } from "../../support/random.ts";
import { seedSystolic } from "../../verify/support/systolic.ts";
import { arrayWriters, functionText, regionParts } from "./dataflow-text.ts";

/** A tiled design: size x size outputs on pes x pes PEs, K = k. */
interface Design {
  readonly size: number;
  readonly k: number;
  readonly pes: number;
  readonly float: boolean;
  /** The PE sets its output to 0 before accumulating (it never reads C's start value). */
  readonly zeroFirst?: boolean;
}

function floatSource({ size, k, zeroFirst }: Design): string {
  return `import { type float32, grid, range } from "allo-ts";
export function matmul(A: float32<[${size}, ${k}]>, B: float32<[${k}, ${size}]>, C: float32<[${size}, ${size}]>): void {
  for (const [i, j] of grid(${size}, ${size}, { name: "PE" })) {
    ${zeroFirst ? "C[i][j] = 0.0;" : ""}
    for (const k of range(${k})) C[i][j] += A[i][k] * B[k][j];
  }
}
`;
}

const scheduled = (d: Design): Schedule =>
  seedSystolic(d.size, d.k, { factor: d.pes, ...(d.float || d.zeroFirst ? { source: floatSource(d) } : {}) });

function operands({ size, k, float }: Design) {
  const r = rng(size * 131 + k);
  const fill = (n: number) =>
    float ? fillFloat(new Float32Array(n), r, -2, 2) : fillInt(new Int8Array(n), r, -128, 127);
  const C = float
    ? fillFloat(new Float32Array(size * size), r, -4, 4)
    : fillInt(new Int16Array(size * size), r, -3000, 3000);
  return { A: fill(size * k), B: fill(k * size), C };
}

/** C after the kernel, computed in plain TypeScript (int16 wraps, float32 rounds at every step). */
function reference(d: Design): Float32Array | Int16Array {
  const { A, B, C } = operands(d);
  for (let i = 0; i < d.size; i++)
    for (let j = 0; j < d.size; j++) {
      if (d.zeroFirst) C[i * d.size + j] = 0;
      for (let k = 0; k < d.k; k++) {
        const p = d.float
          ? Math.fround(A[i * d.k + k] * B[k * d.size + j])
          : A[i * d.k + k] * B[k * d.size + j];
        C[i * d.size + j] += p;
      }
    }
  return C;
}

/** C after `run` on fresh operands. */
async function runOn(run: (...args: unknown[]) => unknown, d: Design) {
  const { A, B, C } = operands(d);
  await run(A, B, C);
  return C;
}

const prepared = (m: Module): Module => runPasses(HLS_PASSES, m).module;

const DESIGNS: readonly Design[] = [
  { size: 4, k: 3, pes: 2, float: false },
  { size: 8, k: 5, pes: 4, float: false },
  { size: 4, k: 3, pes: 2, float: true },
  { size: 6, k: 4, pes: 2, float: true },
  { size: 6, k: 4, pes: 3, float: true, zeroFirst: true },
];

test("C read-modify-written by every PE of a tiled array has one writer (C_store) and one reader (C_load)", () => {
  for (const d of DESIGNS) {
    const code = emitHls(scheduled(d).ir);
    const writers = arrayWriters(code, "matmul");
    assert.deepEqual([...writers], [["C", ["C_store"]]], `${JSON.stringify(d)}`);
    const { calls } = regionParts(functionText(code, "matmul"));
    const withC = calls.filter((c) => c.args.includes("C")).map((c) => c.fn);
    assert.deepEqual(withC, d.zeroFirst ? ["C_store"] : ["C_load", "C_store"], "C reaches no PE");
    assert.equal(calls.length, d.pes * d.pes + 3 + (d.zeroFirst ? 0 : 1), "loaders, PEs, store (and feed)");
  }
});

test("the PE functions do not grow with the array: 2x2 and 4x4 PEs of 2x2 tiles print as many functions", () => {
  const counts = [2, 4].map((pes) => {
    const code = emitHls(scheduled({ size: 2 * pes, k: 3, pes, float: false }).ir);
    const names = code.match(/^void \w+(?=\()/gm) ?? [];
    return [names.length, names.filter((n) => n.startsWith("void PE_")).length];
  });
  // The feed, the loaders, four kinds of PE (interior, last column, last row, corner), the store, the region.
  assert.deepEqual(counts, [
    [9, 4],
    [9, 4],
  ]);
});

test("the prepared module runs on the CPU backend (depth-2 feed and drain FIFOs) as the schedule and the reference", async () => {
  for (const d of DESIGNS) {
    const s = scheduled(d);
    const want = reference(d);
    assert.deepEqual(await runOn(s.build(), d), want, `schedule ${JSON.stringify(d)}`);
    assert.deepEqual(await runOn(compileCpu(prepared(s.ir)), d), want, `prepared ${JSON.stringify(d)}`);
  }
});

test("csim of the tiled read-modify-write array equals the CPU backend and the reference, at two sizes", async () => {
  for (const d of DESIGNS.filter((x) => x.size !== 4 || !x.float)) {
    const s = scheduled(d);
    const dir = mkdtempSync(join(tmpdir(), "allo-rmw-"));
    try {
      const got = await runOn(s.build({ target: "vitis_hls", mode: "csim", project: dir }), d);
      assert.deepEqual(got, await runOn(s.build(), d), `${JSON.stringify(d)}`);
      assert.deepEqual(got, reference(d));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

/** The module with its region's units run twice (`for t in [0, 2)`): each PE reads its tile again after writing it. */
function twice(m: Module): Module {
  const again = (b: readonly Stmt[]): Stmt[] => [forLoop("t", "t", idx(0), idx(2), b)];
  const wrap = (b: readonly Stmt[]): Stmt[] =>
    b.map((x) =>
      x.kind === "spatial" ? { ...x, units: x.units.map((u) => ({ ...u, body: again(u.body) })) } : x,
    );
  return { ...m, functions: m.functions.map((f) => ({ ...f, body: wrap(f.body) })) };
}

test("PEs that read an element after writing it keep their stores of C (no feed could give them the new value)", async () => {
  const d: Design = { size: 4, k: 3, pes: 2, float: false };
  const m = twice(scheduled(d).ir);
  const code = emitHls(m);
  assert.ok(
    !code.includes("C_load") && !code.includes("C_feed") && !code.includes("C_acc"),
    "left as it was",
  );
  assert.equal(arrayWriters(code, "matmul").get("C")?.length, 4, "every PE still writes C");
  assert.deepEqual(await runOn(compileCpu(prepared(m)), d), await runOn(compileCpu(m), d));
});
