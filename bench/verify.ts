// Verifier speed: symbolic operations per second, and the time and peak memory to prove a 64x64 int8
// systolic array (K = 64, unfolded PEs talking through FIFOs) equal to the plain matmul. Each proof
// runs in a fresh child process, so its peak RSS is its own. Goal: >= 5M ops/s, < 60 s.
//   npx tsx bench/verify.ts            (or `npm run bench`, which runs every bench)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { customize } from "../src/index.ts";
import { verifyModules } from "../src/verify/index.ts";
import { matmulSource, systolicMatmul } from "../test/verify/support/systolic.ts";

interface Measure {
  readonly status: string;
  readonly ms: number;
  readonly cpuMs: number;
  readonly ops: number;
  readonly nodes: number;
  readonly peakMB: number;
}

/** One proof in this process (the child's job). */
function prove(size: number, k: number): Measure {
  const plain = customize(matmulSource(size, size, k), { name: "matmul", file: "matmul.ts" }).ir;
  const systolic = systolicMatmul(size, size, k);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = verifyModules(systolic, plain, { labels: ["systolic", "plain"], progress: false });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    status: r.status,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ops: r.stats.symbolicOps,
    nodes: r.stats.nodes,
    peakMB: process.resourceUsage().maxRSS / 1024,
  };
}

function proveInChild(size: number, k: number): Measure {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ["--import", "tsx", self, "--child", String(size), String(k)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`verify bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Measure;
}

export function benchVerify(): Record<string, string>[] {
  return [16, 32, 64].map((size) => {
    const m = proveInChild(size, size);
    return {
      what: `${size}x${size} int8 systolic (K=${size}) vs plain matmul`,
      status: m.status,
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
  process.stdout.write(JSON.stringify(prove(Number(process.argv[3]), Number(process.argv[4]))));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(benchVerify());
}
