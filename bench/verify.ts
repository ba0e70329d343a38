// Verifier speed: symbolic operations per second, and the time and peak memory to prove a 64x64 int8
// systolic array (K = 64) equal to the plain matmul. The array is the seed's output-stationary
// schedule (bufferAt A and B at j, unfold the PE band, relay A along rows and B along columns); the
// proof of the hand-built array (test/verify/support) is measured too. Each proof runs in a fresh
// child process, so its peak RSS is its own. Goal: >= 5M ops/s, < 60 s on 2 cores.
//   npx tsx bench/verify.ts            (or `npm run bench`, which runs every bench)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { customize } from "../src/index.ts";
import type { Module } from "../src/ir/nodes.ts";
import { verifyModules } from "../src/verify/index.ts";
import { matmulSource, seedSystolic, systolicMatmul } from "../test/verify/support/systolic.ts";

interface Measure {
  readonly status: string;
  /** Time to build the systolic design (frontend and schedule), not part of the proof. */
  readonly designMs: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly ops: number;
  readonly nodes: number;
  readonly peakMB: number;
}

/** The seed's output-stationary systolic schedule, and the plain kernel it came from. */
function scheduled(size: number, k: number): { systolic: Module; plain: Module } {
  const s = seedSystolic(size, k);
  return { systolic: s.ir, plain: s.original };
}

/** One proof in this process (the child's job). */
function prove(design: string, size: number, k: number): Measure {
  const d0 = performance.now();
  const { systolic, plain } =
    design === "schedule"
      ? scheduled(size, k)
      : {
          systolic: systolicMatmul(size, size, k),
          plain: customize(matmulSource(size, size, k), { name: "matmul", file: "matmul.ts" }).ir,
        };
  const designMs = performance.now() - d0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = verifyModules(systolic, plain, { labels: ["systolic", "plain"], progress: false });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    status: r.status,
    designMs,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ops: r.stats.symbolicOps,
    nodes: r.stats.nodes,
    peakMB: process.resourceUsage().maxRSS / 1024,
  };
}

function proveInChild(design: string, size: number, k: number): Measure {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", self, "--child", design, String(size), String(k)],
    {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`verify bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Measure;
}

export function benchVerify(): Record<string, string>[] {
  const runs: [string, number][] = [
    ["schedule", 16],
    ["schedule", 32],
    ["schedule", 64],
    ["hand-built", 64],
  ];
  return runs.map(([design, size]) => {
    const m = proveInChild(design, size, size);
    return {
      what: `${size}x${size} int8 systolic (K=${size}, ${design}) vs plain matmul`,
      status: m.status,
      "design s": (m.designMs / 1000).toFixed(2),
      "time s": (m.ms / 1000).toFixed(2),
      "cpu s": (m.cpuMs / 1000).toFixed(2),
      "symbolic ops": String(m.ops),
      "M ops/s": (m.ops / m.ms / 1000).toFixed(2),
      nodes: String(m.nodes),
      "peak MB": m.peakMB.toFixed(0),
    };
  });
}

if (process.argv[2] === "--child") {
  process.stdout.write(
    JSON.stringify(prove(process.argv[3], Number(process.argv[4]), Number(process.argv[5]))),
  );
} else if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(benchVerify());
}
