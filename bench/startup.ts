// Start-up as users meet it, in fresh processes run in turn (median of 5, wall and CPU time):
// `npx allo k.ts --target vhls` from the compiled package and `npm run demo`, each against plain
// `node -e "require('typescript')"`, the floor any TypeScript-parsing tool pays. The package is
// copied from dist/ into a temporary project's node_modules/allo-ts (bin/, dist/, package.json, no
// src/) with its .bin link, so `npx allo` runs the shipped dist/ path; its dependencies are links to
// this repository's install.
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

interface Command {
  readonly what: string;
  readonly cmd: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

/** Median costs of the commands, run round-robin (one run of each in turn) so load hits all alike. */
function costs(cmds: readonly Command[]): Cost[] {
  const wall = cmds.map((): number[] => []);
  const cpu = cmds.map((): number[] => []);
  for (let i = 0; i < RUNS; i++) {
    cmds.forEach((c, k) => {
      const c0 = childrenCpuMs();
      const t0 = performance.now();
      const r = spawnSync(c.cmd, c.args, { cwd: c.cwd, encoding: "utf8" });
      wall[k].push(performance.now() - t0);
      const c1 = childrenCpuMs();
      if (c0 !== undefined && c1 !== undefined) cpu[k].push(c1 - c0);
      if (r.status !== 0) throw new Error(`${c.cmd} ${c.args.join(" ")} failed:\n${r.stderr}`);
    });
  }
  return cmds.map((_, k) => ({
    wallMs: median(wall[k]),
    ...(cpu[k].length ? { cpuMs: median(cpu[k]) } : {}),
  }));
}

/**
 * A project with allo-ts installed from this repository's dist/ (built first, as `npm ci` builds it,
 * so `npm run demo` also runs compiled); returns its directory.
 */
function installedProject(): string {
  execFileSync("npm", ["run", "--silent", "build"], { cwd: REPO });
  const dir = mkdtempSync(join(tmpdir(), "allo-startup-"));
  const pkg = join(dir, "node_modules", "allo-ts");
  cpSync(join(REPO, "dist"), join(pkg, "dist"), { recursive: true });
  mkdirSync(join(pkg, "bin"));
  copyFileSync(join(REPO, "bin/allo.js"), join(pkg, "bin/allo.js"));
  copyFileSync(join(REPO, "package.json"), join(pkg, "package.json"));
  symlinkSync(join(REPO, "include"), join(pkg, "include"));
  const deps = Object.keys(JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).dependencies);
  for (const dep of deps) symlinkSync(join(REPO, "node_modules", dep), join(dir, "node_modules", dep));
  mkdirSync(join(dir, "node_modules", ".bin"));
  symlinkSync("../allo-ts/bin/allo.js", join(dir, "node_modules", ".bin", "allo"));
  // What npx and npm run cost by themselves: a bin and a script that do nothing.
  writeFileSync(join(dir, "node_modules", ".bin", "noop"), "#!/usr/bin/env node\n", { mode: 0o755 });
  writeFileSync(join(dir, "package.json"), '{ "private": true, "scripts": { "noop": "node -e 0" } }\n');
  return dir;
}

export function benchStartup(): Record<string, string>[] {
  const dir = installedProject();
  try {
    const kernel = join(REPO, "test/cli/add-kernel.ts");
    const cmds: Command[] = [
      {
        what: `node -e "require('typescript')"`,
        cmd: process.execPath,
        args: ["-e", "require('typescript')"],
        cwd: dir,
      },
      {
        what: "npx allo k.ts --target vhls (installed package)",
        cmd: "npx",
        args: ["allo", kernel, "--target", "vhls"],
        cwd: dir,
      },
      {
        what: "node node_modules/.bin/allo k.ts --target vhls (no npx)",
        cmd: process.execPath,
        args: ["node_modules/.bin/allo", kernel, "--target", "vhls"],
        cwd: dir,
      },
      { what: "npm run demo", cmd: "npm", args: ["run", "--silent", "demo"], cwd: REPO },
      {
        what: "node scripts/run-compiled.mjs examples/gemm.ts (the demo, no npm)",
        cmd: process.execPath,
        args: ["scripts/run-compiled.mjs", "examples/gemm.ts"],
        cwd: REPO,
      },
      { what: "(npx's own start-up: npx <bin that does nothing>)", cmd: "npx", args: ["noop"], cwd: dir },
      {
        what: "(npm run's and tsx's: npm run <node --import tsx -e 0>)",
        cmd: "npm",
        args: ["run", "--silent", "noop", "--", "--import", "tsx"],
        cwd: dir,
      },
    ];
    const [floor, ...rest] = costs(cmds);
    const row = (what: string, c: Cost) => ({
      what,
      "wall ms": c.wallMs.toFixed(0),
      "x wall": (c.wallMs / floor.wallMs).toFixed(2),
      "cpu ms": c.cpuMs?.toFixed(0) ?? "-",
      "x cpu": c.cpuMs !== undefined && floor.cpuMs ? (c.cpuMs / floor.cpuMs).toFixed(2) : "-",
    });
    return [
      row(`${cmds[0].what} (median of ${RUNS}, interleaved)`, floor),
      ...rest.map((c, k) => row(cmds[k + 1].what, c)),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchStartup());
