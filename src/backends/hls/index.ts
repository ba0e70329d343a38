// The Vitis HLS backend: `emitHls` prints a module as Vitis HLS C++ in Allo's format, and
// `buildVitisProject` writes a Vitis project and returns an async callable: mode "csim" compiles the
// kernel and its testbench with g++ and the csim headers here; csyn, cosim, sw_emu, hw_emu and hw run
// the vendor tools (vitis_hls, v++) and fail with AL5005 naming the tool when it is not installed.
// The project carries its data (project-data.ts): a vendor-mode call makes its arguments the project's
// data, so the tool's testbench checks the call's outputs against the CPU backend's.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { AlloError } from "../../diagnostics/error.ts";
import type { Func, Module, Span } from "../../ir/nodes.ts";
import { checkSimulable, compileCxx, type ProcLimits, runProcess, runTestbench, stageCall } from "./csim.ts";
import { emitModule } from "./emit.ts";
import { projectOptions, type VitisOptions } from "./options.ts";
import { MODES, type Mode, projectFiles } from "./project.ts";
import { writeDefaultData, writeProjectData } from "./project-data.ts";
import { requireTool } from "./tools.ts";

export { type BatchCase, csimBatch } from "./csim.ts";
export type { InterfaceSpec, VitisOptions } from "./options.ts";
export { MODES, type Mode } from "./project.ts";

/** Vitis HLS C++ for the module (deterministic: the same module always prints the same text). */
export function emitHls(module: Module): string {
  return emitModule(module);
}

export interface VitisProject {
  (...args: unknown[]): Promise<unknown>;
  /** Absolute path of the project directory. */
  readonly project: string;
  readonly mode: Mode;
  /**
   * Replaces the project's data (docs/vitis-project.md): `inputs` (one per parameter, as for a call)
   * go to input<k>.data, and the CPU backend's outputs for them to expected<k>.data, which the
   * testbench compares with what the kernel computes.
   */
  writeData(inputs: readonly unknown[]): void;
}

async function runVendor(
  cmd: string,
  args: readonly string[],
  dir: string,
  what: string,
  limits: ProcLimits,
): Promise<string> {
  const r = await runProcess(cmd, args, { cwd: dir, limits });
  if (r.code !== 0) {
    throw new AlloError(
      "AL5009",
      `${what} failed (exit ${r.code ?? "signal"}); see the logs in ${dir}:\n${r.stderr.slice(-4000)}`,
    );
  }
  return r.stdout;
}

/**
 * Writes the project into `opts.project` now; the returned callable runs `opts.mode` on each call
 * (one call at a time: calls queue, since they share the project's data files).
 */
export function buildVitisProject(
  module: Module,
  opts: VitisOptions & {
    mode: string;
    project: string;
    /** Bounds writeData's CPU run (csim and the tools have no step count). */
    maxSteps?: number;
    timeoutMs?: number;
    signal?: AbortSignal;
    /** Where the schedule partitioned a top-level argument (for AL5014). */
    partitionSite?: (arg: string) => Span | undefined;
  },
): VitisProject {
  if (!(MODES as readonly string[]).includes(opts.mode)) {
    throw new AlloError("AL9001", `unknown vitis_hls mode '${opts.mode}'; use one of ${MODES.join(", ")}`);
  }
  const mode = opts.mode as Mode;
  const dir = resolve(opts.project);
  const top = module.functions.find((f) => f.name === module.top) as Func;
  const { kernel, files } = projectFiles(module, mode, projectOptions(opts, top, opts.partitionSite));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  writeDefaultData(module, dir);
  const budget = {
    ...(opts.maxSteps === undefined ? {} : { maxSteps: opts.maxSteps }),
    ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  const writeData = (inputs: readonly unknown[]) => writeProjectData(module, dir, inputs, budget);

  let exe: Promise<string> | undefined;
  // C++ statics live as long as the process: a kernel with stateful locals replays this build's
  // earlier calls (their inputs as they were) before the new one, in one run of the testbench.
  const stateful = module.functions.some((f) => Object.values(f.buffers).some((b) => b.state));
  const history: string[] = [];
  const csim = async (args: unknown[], limits: ProcLimits): Promise<unknown> => {
    checkSimulable(kernel);
    // Calls run in their own directories: the project's data stays what the build or writeData wrote.
    const callDir = join(dir, `call${stateful ? history.length : 0}`);
    const read = stageCall(module, args, callDir);
    const source = '#include "kernel.cpp"\n#include "testbench.cpp"\n';
    // A compile that was stopped (or failed) is not kept: the next call compiles again.
    exe ??= compileCxx(source, join(dir, "csim.out"), [dir], false, limits).then(
      () => join(dir, "csim.out"),
      (e) => {
        exe = undefined;
        throw e;
      },
    );
    await runTestbench(await exe, stateful ? [...history, callDir] : callDir, limits);
    if (stateful) history.push(callDir);
    return read();
  };
  const run = async (args: unknown[]): Promise<unknown> => {
    // timeoutMs bounds the whole call (compile and run), counted from when the call starts.
    const limits: ProcLimits = {
      ...(opts.timeoutMs === undefined
        ? {}
        : { deadline: Date.now() + opts.timeoutMs, timeoutMs: opts.timeoutMs }),
      ...(opts.signal ? { signal: opts.signal } : {}),
    };
    const vendor = (cmd: string, a: readonly string[], what: string) => runVendor(cmd, a, dir, what, limits);
    switch (mode) {
      case "csim":
        return csim(args, limits);
      case "csyn": {
        const tool = requireTool("vitis_hls", mode, dir, "vitis_hls -f run.tcl -tclargs csyn");
        const log = await vendor(tool, ["-f", "run.tcl", "-tclargs", "csyn"], "vitis_hls csynth_design");
        const report = join(dir, "out.prj", "solution1", "syn", "report", `${kernel.top}_csynth.rpt`);
        return existsSync(report) ? readFileSync(report, "utf8") : log;
      }
      case "cosim": {
        const tool = requireTool("vitis_hls", mode, dir, "vitis_hls -f run.tcl -tclargs cosim");
        writeData(args);
        const read = stageCall(module, args, dir);
        await vendor(tool, ["-f", "run.tcl", "-tclargs", "cosim"], "vitis_hls cosim_design");
        return read();
      }
      default: {
        requireTool("v++", mode, dir, `make run TARGET=${mode} PLATFORM=<platform>`);
        writeData(args);
        const read = stageCall(module, args, dir);
        await vendor("make", ["run", `TARGET=${mode}`], `make run TARGET=${mode}`);
        return read();
      }
    }
  };
  let queue: Promise<unknown> = Promise.resolve();
  const callable = (...args: unknown[]): Promise<unknown> => {
    const result = queue.then(() => run(args));
    queue = result.catch(() => undefined);
    return result;
  };
  return Object.assign(callable, { project: dir, mode, writeData });
}
