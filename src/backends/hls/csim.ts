// C simulation with g++ and the csim headers in include/: arguments go to input<k>.data files, the
// compiled testbench calls the kernel and writes output<k>.data, and the results come back with the CPU
// backend's conventions (returned tensors as typed arrays, output parameters updated in place). A batch
// puts many kernels (each in its own namespace) into one translation unit: one g++ run for all.

import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AlloError } from "../../diagnostics/error.ts";
import type { Func, Module } from "../../ir/nodes.ts";
import { checkArgCount, checkSeparate, writtenParams } from "../../runtime/host-abi.ts";
import { decodeBuffer, encodeBuffer, encodeScalar, writeBack } from "./data.ts";
import { BANNER, emitParts, includesFor } from "./emit.ts";
import { TESTBENCH_HELPERS, TESTBENCH_INCLUDES, tbArgs, testbenchRun } from "./testbench.ts";

/** The csim headers (ap_int.h, ap_fixed.h, hls_stream.h, hls_math.h) shipped with allo-ts. */
export const INCLUDE_DIR = fileURLToPath(new URL("../../../include", import.meta.url));

/**
 * Flags every csim compile uses; floats stay IEEE (no FMA contraction). -O0 because compiling
 * dominates: C simulation is a functional check (-O1 triples g++ time on the template-heavy ap_int
 * code and saves milliseconds of run time at test sizes).
 */
export const CXXFLAGS = [
  "-std=c++17",
  "-O0",
  "-ffp-contract=off",
  "-Wall",
  "-Wno-unknown-pragmas",
  "-Wno-unused-label",
];

export interface Proc {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A whole call's limits: a deadline (from timeoutMs) and an abort signal shared by its processes. */
export interface ProcLimits {
  readonly deadline?: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** Process groups still running, killed if this process exits first (SIGKILL of node is the testbench's prctl). */
const live = new Set<number>();
process.on("exit", () => {
  for (const pid of live) killGroup(pid);
});

function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * Runs a program to completion without blocking the event loop, in its own process group so a
 * timeout or an abort kills it with everything it started (g++'s cc1plus and as, make's tools): AL5012.
 */
export function runProcess(
  cmd: string,
  args: readonly string[],
  opts: { cwd?: string; input?: string; limits?: ProcLimits } = {},
): Promise<Proc> {
  const lim = opts.limits ?? {};
  const stopped = (why: string) =>
    new AlloError(
      "AL5012",
      `\`${cmd.split("/").pop()}\` ${why}; it was killed, with every process it started`,
    );
  if (lim.signal?.aborted) return Promise.reject(stopped("was not started: the signal was aborted"));
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ALLO_PARENT_PID: String(process.pid) };
    const p = spawn(cmd, args, { cwd: opts.cwd, stdio: ["pipe", "pipe", "pipe"], detached: true, env });
    let stdout = "";
    let stderr = "";
    let stop: AlloError | undefined;
    const kill = (why: string) => {
      stop ??= stopped(why);
      if (p.pid !== undefined) killGroup(p.pid);
    };
    const left = lim.deadline === undefined ? undefined : Math.max(0, lim.deadline - Date.now());
    const timer =
      left === undefined
        ? undefined
        : setTimeout(() => kill(`ran past timeoutMs = ${lim.timeoutMs} ms`), left);
    const onAbort = () => kill("was aborted through the signal");
    lim.signal?.addEventListener("abort", onAbort);
    if (p.pid !== undefined) live.add(p.pid);
    const done = () => {
      if (timer) clearTimeout(timer);
      lim.signal?.removeEventListener("abort", onAbort);
      if (p.pid !== undefined) live.delete(p.pid);
    };
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("error", (e) => {
      done();
      reject(e);
    });
    // A program that exits without reading its input closes the pipe; that is not an error here.
    p.stdin.on("error", () => undefined);
    p.on("close", (code) => {
      done();
      if (stop) reject(stop);
      else resolve({ code, stdout, stderr });
    });
    p.stdin.end(opts.input ?? "");
  });
}

/**
 * Compiles C++ source text (given on stdin, so its #includes name the real files) to `out`. `strict`
 * adds -Werror: the tests hold emitted code to warning-free; a user's kernel with, say, a variable it
 * never reads still simulates.
 */
export async function compileCxx(
  source: string,
  out: string,
  includeDirs: readonly string[] = [],
  strict = false,
  limits: ProcLimits = {},
): Promise<void> {
  const args = [
    ...CXXFLAGS,
    ...(strict ? ["-Werror"] : []),
    `-I${INCLUDE_DIR}`,
    ...includeDirs.map((d) => `-I${d}`),
    "-x",
    "c++",
    "-",
    "-o",
    out,
  ];
  const r = await runProcess("g++", args, { input: source, limits }).catch((e: Error) => {
    if (e instanceof AlloError) throw e;
    throw new AlloError(
      "AL5005",
      `g++ is needed for C simulation and could not be run (${e.message}); install g++`,
    );
  });
  if (r.code !== 0) {
    throw new AlloError(
      "AL5006",
      `g++ could not compile the generated C++ (this is a bug in allo-ts):\n${r.stderr.slice(0, 4000)}`,
    );
  }
}

/**
 * Runs a compiled testbench on the calls staged in `dirs`, in order, in one process; its exit codes
 * map to allo-ts diagnostics.
 */
export async function runTestbench(
  exe: string,
  dirs: string | readonly string[],
  limits: ProcLimits = {},
): Promise<void> {
  const r = await runProcess(exe, typeof dirs === "string" ? [dirs] : dirs, { limits });
  if (r.code === 0) return;
  const msg = r.stderr.trim();
  if (r.code === 70) throw new AlloError("AL4101", `C simulation deadlocked: ${msg}`);
  if (r.code === 71) throw new AlloError("AL4102", `C simulation ended with data in a stream: ${msg}`);
  throw new AlloError("AL5008", `C simulation failed (exit ${r.code ?? "signal"})${msg ? `: ${msg}` : ""}`);
}

const topOf = (m: Module): Func => {
  const f = m.functions.find((g) => g.name === m.top);
  if (!f) throw new AlloError("AL5007", `the module has no function named '${m.top}' (its top)`);
  return f;
};

/** Refuses modules C simulation cannot run in sequence (see spatial.ts). */
export function checkSimulable(parts: { readonly cyclic: readonly string[] }): void {
  if (parts.cyclic.length === 0) return;
  throw new AlloError(
    "AL5201",
    `the FIFOs of spatial region '${parts.cyclic[0]}' form a cycle: C simulation calls its units one after another, like Vitis, so no order lets every unit read what it needs; use target "cpu" to simulate it`,
  );
}

/** Writes the call's inputs into `dir`; returns what reads its results once the testbench ran. */
export function stageCall(m: Module, args: readonly unknown[], dir: string): () => unknown {
  const f = topOf(m);
  const tb = tbArgs(f);
  const nParams = f.params.length;
  checkArgCount(f, args);
  checkSeparate(f, args, writtenParams(f));
  mkdirSync(dir, { recursive: true });
  tb.forEach((a, k) => {
    if (!a.input) return;
    const bytes = a.scalar
      ? encodeScalar(f, a.decl.name, a.decl.type, args[k])
      : encodeBuffer(f, a.decl, args[k]);
    writeFileSync(join(dir, `input${k}.data`), bytes);
  });
  return () => {
    const results: unknown[] = [];
    tb.forEach((a, k) => {
      if (!a.output) return;
      const bytes = readFileSync(join(dir, `output${k}.data`));
      if (k < nParams) writeBack(args[k], a.decl, bytes);
      else results.push(decodeBuffer(a.decl, bytes));
    });
    return results.length === 0 ? undefined : results.length === 1 ? results[0] : results;
  };
}

export interface BatchCase {
  readonly module: Module;
  readonly args: readonly unknown[];
}

/**
 * Runs every case through one compiled program in `dir`: one result (what the kernel call returns)
 * per case, output parameters updated in place.
 */
export async function csimBatch(
  cases: readonly BatchCase[],
  dir: string,
  opts: { readonly strict?: boolean } = {},
): Promise<unknown[]> {
  mkdirSync(dir, { recursive: true });
  const units: string[] = [];
  const readers = cases.map((c, k) => {
    const parts = emitParts(c.module);
    checkSimulable(parts);
    units.push(
      `namespace c${k} {\n${parts.body}\n${testbenchRun(topOf(c.module), parts.top)}}  // namespace c${k}\n`,
    );
    return stageCall(c.module, c.args, join(dir, String(k)));
  });
  const calls = cases.map(
    (_, k) => `  snprintf(dir, sizeof dir, "%s/${k}", argv[1]);\n  if (c${k}::allo_run(dir) != 0) return 73;`,
  );
  const main = `int main(int argc, char** argv) {\n  if (argc < 2) return 64;\n  char dir[4096];\n${calls.join("\n")}\n  return 0;\n}\n`;
  const source = `${BANNER}${includesFor(units.join(""))}${TESTBENCH_INCLUDES}\n${TESTBENCH_HELPERS}\n${units.join("\n")}\n${main}`;
  writeFileSync(join(dir, "batch.cpp"), source);
  const exe = join(dir, "batch.out");
  await compileCxx('#include "batch.cpp"\n', exe, [dir], opts.strict);
  await runTestbench(exe, dir);
  return readers.map((read) => read());
}
