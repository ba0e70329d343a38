// Tiled PE arrays for the drainWrites tests: size x size outputs of `C += A * B` (int8 x int8 -> int16,
// or float32) on pes x pes PEs, each owning a tile of C; the operands they run on and C after them
// computed in plain TypeScript, and the HLS passes' module and csim run of a schedule.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HLS_PASSES } from "../../../src/backends/hls/passes.ts";
import { customize, type Schedule } from "../../../src/index.ts";
import { forLoop, idx } from "../../../src/ir/build.ts";
import type { Module, Stmt } from "../../../src/ir/nodes.ts";
import { runPasses } from "../../../src/ir/passes/pass.ts";
import { fillFloat, fillInt, rng } from "../../support/random.ts";
import { matmulSource, seedSystolic } from "../../verify/support/systolic.ts";

/** A tiled design: size x size outputs on pes x pes PEs, K = k. */
export interface Design {
  readonly size: number;
  readonly k: number;
  readonly pes: number;
  readonly float: boolean;
  /** The PE sets its output to 0 before accumulating (it never reads C's start value). */
  readonly zeroFirst?: boolean;
  /** The PE's k loop runs outside its tile loops (`for k { for i { for j { .. } } }`). */
  readonly kOutside?: boolean;
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

const sourceOf = (d: Design): string =>
  d.float || d.zeroFirst ? floatSource(d) : matmulSource(d.size, d.size, d.k);

/**
 * The seed's schedule with i and j split into PE and tile loops and k moved between them, so each PE
 * runs its k loop around its tile (A and B buffered at k: a column of A and a row of B per step).
 */
function kOutsideSystolic(d: Design): Schedule {
  const s = customize(sourceOf(d), { name: "matmul", file: "matmul.ts" });
  const tile = d.size / d.pes;
  const [i, j] = [s.split("i", tile), s.split("j", tile)];
  s.reorder(i.outer, j.outer, "k", i.inner, j.inner);
  const [bufA, bufB] = [s.bufferAt("A", "k"), s.bufferAt("B", "k")];
  const pe = s.unfold("PE", { axis: [0, 1], factor: [d.pes, d.pes] });
  s.relay(bufA, pe, { axis: 0, depth: d.size + 1 });
  s.relay(bufB, pe, { axis: 1, depth: d.size + 1 });
  return s;
}

export const scheduled = (d: Design): Schedule =>
  d.kOutside ? kOutsideSystolic(d) : seedSystolic(d.size, d.k, { factor: d.pes, source: sourceOf(d) });

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
export function reference(d: Design): Float32Array | Int16Array {
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
export async function runOn(run: (...args: unknown[]) => unknown, d: Design) {
  const { A, B, C } = operands(d);
  await run(A, B, C);
  return C;
}

/** The module the HLS passes hand the printer (and the estimator). */
export const prepared = (m: Module): Module => runPasses(HLS_PASSES, m).module;

/** C after csim of the schedule's HLS C++ on fresh operands. */
export async function csimOn(s: Schedule, d: Design) {
  const dir = mkdtempSync(join(tmpdir(), "allo-rmw-"));
  try {
    return await runOn(s.build({ target: "vitis_hls", mode: "csim", project: dir }), d);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The module with its region's units run twice (`for t in [0, 2)`): each PE reads its tile again after writing it. */
export function twice(m: Module): Module {
  const again = (b: readonly Stmt[]): Stmt[] => [forLoop("t", "t", idx(0), idx(2), b)];
  const wrap = (b: readonly Stmt[]): Stmt[] =>
    b.map((x) =>
      x.kind === "spatial" ? { ...x, units: x.units.map((u) => ({ ...u, body: again(u.body) })) } : x,
    );
  return { ...m, functions: m.functions.map((f) => ({ ...f, body: wrap(f.body) })) };
}
