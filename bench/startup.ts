// Start-up as users meet it, in fresh processes side by side (median of 5, wall and CPU time):
// `npx allo k.ts --target vhls` from the compiled package and `npm run demo`, each against plain
// `node -e "require('typescript')"`, the floor any TypeScript-parsing tool pays. The package is compiled into a temporary project's
// node_modules/allo-ts (bin/, dist/, package.json, no src/) with its .bin link, so `npx allo` runs the
// shipped dist/ path; its dependencies are links to this repository's install.
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";

const REPO = resolve(import.meta.dirname, "..");
const RUNS = 5;

interface Cost {
  readonly wallMs: number;
  /** CPU time of the command and all its processes (Linux), steadier than wall time on a busy machine. */
  readonly cpuMs?: number;
}

/** CPU time, in ms, of this process's finished children (Linux /proc; clock ticks are 10 ms). */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return undefined;
  }
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

function cost(cmd: string, args: readonly string[], cwd = REPO): Cost {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = childrenCpuMs();
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd, encoding: "utf8" });
    wall.push(performance.now() - t0);
    const c1 = childrenCpuMs();
    if (c0 !== undefined && c1 !== undefined) cpu.push(c1 - c0);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
  }
  return { wallMs: median(wall), ...(cpu.length ? { cpuMs: median(cpu) } : {}) };
}

/** A project with allo-ts installed from this repository's compiled source; returns its directory. */
function installedProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "allo-startup-"));
  const pkg = join(dir, "node_modules", "allo-ts");
  const tsc = join(REPO, "node_modules/typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", join(pkg, "dist")], {
    cwd: REPO,
  });
  // As package.json's build script: the estimator's profiles are data files tsc does not copy.
  cpSync(join(REPO, "src/estimate/profiles"), join(pkg, "dist/estimate/profiles"), { recursive: true });
  mkdirSync(join(pkg, "bin"));
  copyFileSync(join(REPO, "bin/allo.js"), join(pkg, "bin/allo.js"));
  copyFileSync(join(REPO, "package.json"), join(pkg, "package.json"));
  symlinkSync(join(REPO, "include"), join(pkg, "include"));
  for (const dep of ["typescript", "tsx"])
    symlinkSync(join(REPO, "node_modules", dep), join(dir, "node_modules", dep));
  mkdirSync(join(dir, "node_modules", ".bin"));
  symlinkSync("../allo-ts/bin/allo.js", join(dir, "node_modules", ".bin", "allo"));
  writeFileSync(join(dir, "package.json"), '{ "private": true }\n');
  return dir;
}

export function benchStartup(): Record<string, string>[] {
  const dir = installedProject();
  try {
    const floor = cost(process.execPath, ["-e", "require('typescript')"], dir);
    const kernel = join(REPO, "test/cli/add-kernel.ts");
    const npx = cost("npx", ["allo", kernel, "--target", "vhls"], dir);
    const bin = cost(process.execPath, ["node_modules/.bin/allo", kernel, "--target", "vhls"], dir);
    const demo = cost("npm", ["run", "--silent", "demo"]);
    const row = (what: string, c: Cost) => ({
      what,
      "wall ms": c.wallMs.toFixed(0),
      "x wall": (c.wallMs / floor.wallMs).toFixed(2),
      "cpu ms": c.cpuMs?.toFixed(0) ?? "-",
      "x cpu": c.cpuMs !== undefined && floor.cpuMs ? (c.cpuMs / floor.cpuMs).toFixed(2) : "-",
    });
    return [
      row(`node -e "require('typescript')" (median of ${RUNS})`, floor),
      row("npx allo k.ts --target vhls (installed package)", npx),
      row("node node_modules/.bin/allo k.ts --target vhls (no npx)", bin),
      row("npm run demo", demo),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchStartup());
