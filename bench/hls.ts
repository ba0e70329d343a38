// HLS C simulation speed: a 32x32 float32 GEMM (and the int8 x int8 -> int16 matmul at 32^3) through
// s.build({ target: "vitis_hls", mode: "csim" }): the first call writes inputs, compiles kernel and
// testbench with g++ and runs it; later calls only run. Also the time to emit the HLS C++ of the seed's
// output-stationary systolic array (seedSystolic: bufferAt + unfold + relay) at 16x16 and 64x64 PEs
// (emission is linear in PEs: ~16x apart) and its size: functions stay constant, lines grow with calls.
// `npx tsx bench/hls.ts` prints the table; bench/run.ts can call benchHls().
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildVitisProject, emitHls } from "../src/backends/hls/index.ts";
import { customize } from "../src/index.ts";
import { seedSystolic } from "../test/verify/support/systolic.ts";

const KERNELS: Readonly<Record<string, { source: string; args: () => unknown[] }>> = {
  "gemm float32 32^3": {
    source: `import { float32, grid, zeros } from "allo-ts";
export function gemm(A: float32<[32, 32]>, B: float32<[32, 32]>): float32<[32, 32]> {
  const C: float32<[32, 32]> = zeros();
  for (const [i, j, k] of grid(32, 32, 32)) C[i][j] += A[i][k] * B[k][j];
  return C;
}`,
    args: () => [
      Float32Array.from({ length: 1024 }, (_, i) => i % 7),
      Float32Array.from({ length: 1024 }, (_, i) => i % 5),
    ],
  },
  "matmul int8->int16 32^3": {
    source: `import { grid, int8, int16, range } from "allo-ts";
export function gemm(A: int8<[32, 32]>, B: int8<[32, 32]>, C: int16<[32, 32]>): void {
  for (const [i, j] of grid(32, 32, { name: "PE" })) for (const k of range(32)) C[i][j] += A[i][k] * B[k][j];
}`,
    args: () => [
      Int8Array.from({ length: 1024 }, (_, i) => i % 127),
      Int8Array.from({ length: 1024 }, (_, i) => -i % 13),
      new Int16Array(1024),
    ],
  },
};

export async function benchHls(): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for (const [name, k] of Object.entries(KERNELS)) {
    const dir = mkdtempSync(join(tmpdir(), "allo-bench-hls-"));
    const s = customize(k.source, { name: "gemm" });
    let t = performance.now();
    const run = buildVitisProject(s.ir, { mode: "csim", project: dir });
    await run(...k.args());
    const cold = performance.now() - t;
    t = performance.now();
    for (let i = 0; i < 5; i++) await run(...k.args());
    const warm = (performance.now() - t) / 5;
    rows.push({
      kernel: name,
      "first call (write + g++ + run) ms": cold.toFixed(0),
      "later calls ms": warm.toFixed(1),
    });
    rmSync(dir, { recursive: true });
  }
  for (const n of [16, 64]) {
    const s = seedSystolic(n);
    const t = performance.now();
    const code = emitHls(s.ir);
    const ms = performance.now() - t;
    const functions = code.match(/^void \w+\(/gm)?.length ?? 0;
    rows.push({
      kernel: `emit systolic ${n}x${n} PEs (${functions} functions, ${code.split("\n").length} lines)`,
      "first call (write + g++ + run) ms": ms.toFixed(0),
      "later calls ms": "-",
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchHls());
