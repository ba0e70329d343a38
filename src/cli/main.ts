// `npx allo <file.ts>`: compiles a kernel from the file's text (the file is not run), applies its
// `schedule(s)` (./file-schedule.ts) or the one a --schedule file exports, and prints or writes the
// chosen target. Returns the process exit code; output goes to the given sinks (stdout/stderr).

import { createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { customize } from "../api/customize.ts";
import type { Schedule } from "../api/schedule.ts";
import { INCLUDE_DIR } from "../backends/hls/csim.ts";
import { AlloError } from "../diagnostics/error.ts";
import { scopeForSource } from "../frontend/constants.ts";
import { sourceOfText } from "../frontend/index.ts";
import type { SourceFile } from "../frontend/source.ts";
import { type CliOptions, parseArgs, USAGE } from "./args.ts";
import { fileSchedule, type ScheduleFn } from "./file-schedule.ts";
import { inputsFromJson } from "./inputs.ts";

/** Where the command writes (process.stdout/stderr by default; tests pass their own). */
export interface Sink {
  write(text: string): unknown;
}

export async function main(
  argv: readonly string[],
  out: Sink = process.stdout,
  err: Sink = process.stderr,
): Promise<number> {
  try {
    const req = parseArgs(argv);
    if (req.kind !== "compile") {
      out.write(`${req.kind === "help" ? USAGE : `allo-ts ${packageVersion()}`}\n`);
      return 0;
    }
    const text = await compile(req.options, err);
    out.write(text.endsWith("\n") ? text : `${text}\n`);
    return 0;
  } catch (e) {
    if (e instanceof AlloError) {
      err.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return String(pkg.version);
}

async function compile(o: CliOptions, err: Sink): Promise<string> {
  const path = resolve(o.file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new AlloError("AL9001", `cannot read '${o.file}'`);
  }
  const sf = sourceOfText(text, path);
  const apply = o.schedule ? await importedSchedule(o.schedule) : fileSchedule(sf);
  const log = o.printAfterEach?.file ? createWriteStream(resolve(o.printAfterEach.file)) : undefined;
  try {
    const printAfterEach = o.printAfterEach ? (log ?? err) : false;
    const s = customize(text, { name: o.kernel ?? defaultKernel(sf), file: path, printAfterEach });
    apply?.(s);
    return emit(s, o);
  } finally {
    if (log) await new Promise((done) => log.end(done));
  }
}

/** --schedule file.ts: the user asked for this file to run; it must export schedule(s). */
async function importedSchedule(file: string): Promise<ScheduleFn> {
  if (!existsSync(file)) throw new AlloError("AL9001", `cannot read the schedule file '${file}'`);
  // tsx loads only here: compiling a kernel from its text needs no TypeScript loader.
  const { tsImport } = await import("tsx/esm/api");
  const mod = (await tsImport(pathToFileURL(resolve(file)).href, import.meta.url)) as {
    schedule?: unknown;
  };
  if (typeof mod.schedule === "function") return mod.schedule as ScheduleFn;
  throw new AlloError("AL9001", `'${file}' exports no schedule(s) function`);
}

/** The kernel when --kernel is absent: the file's only exported function besides `schedule`. */
function defaultKernel(sf: SourceFile): string {
  const names = scopeForSource(sf)
    .exportedFunctionNames()
    .filter((n) => n !== "schedule");
  if (names.length === 1) return names[0];
  throw new AlloError(
    "AL1002",
    `${sf.path} exports ${names.length ? `several kernels (${names.join(", ")})` : "no kernel function"}; choose one with --kernel name`,
  );
}

/** The target's output (when --target is given or nothing else is asked), the estimate, the report. */
function emit(s: Schedule, o: CliOptions): string {
  const profile = o.estimate?.profile ? { profile: o.estimate.profile } : {};
  const parts: string[] = [];
  if (o.targetGiven || (!o.estimate && !o.report)) parts.push(emitTarget(s, o));
  if (o.estimate) parts.push(String(s.estimate(profile)));
  if (o.report) {
    s.report(o.report, profile);
    parts.push(`wrote the design report to ${o.report}`);
  }
  return parts.join("\n");
}

function emitTarget(s: Schedule, o: CliOptions): string {
  switch (o.target) {
    case "mlir":
      return String(s.module);
    case "vhls":
    case "vivado_hls":
      return s.build({ target: o.target }).code;
    case "cpu":
      return s.build({ target: o.target }).source;
    case "native":
    case "llvm":
      return s.build({ target: o.target }).source;
    case "vitis_hls": {
      const project = o.project ?? `${s.ir.top}.prj`;
      const prj = s.build({ target: "vitis_hls", mode: o.mode, project });
      if (o.inputs) prj.writeData(inputsFromJson(s.ir, o.inputs));
      const checked = readdirSync(prj.project).some((f) => /^expected\d+\.data$/.test(f));
      return checked
        ? `wrote the Vitis HLS project to ${project}, with input data and the expected outputs; C simulation: cd ${project} && make csim HLS_INCLUDE=${INCLUDE_DIR} (or vitis_hls -f run.tcl), which prints PASS or FAIL`
        : `wrote the Vitis HLS project to ${project}, without data: the CPU run on generated inputs failed or ran long; give yours with --inputs file.json`;
    }
  }
}
