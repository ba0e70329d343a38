// `npx allo <file.ts>`: compiles a kernel, applies the schedule the file (or --schedule) exports as
// `schedule(s)`, and prints or writes the chosen target. Returns the process exit code.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { customize } from "../api/customize.ts";
import type { Schedule } from "../api/schedule.ts";
import { AlloError } from "../diagnostics/error.ts";
import { scopeForSource } from "../frontend/constants.ts";
import { sourceOfText } from "../frontend/index.ts";
import { type CliOptions, parseArgs } from "./args.ts";

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
    const o = parseArgs(argv);
    const s = await scheduled(o);
    const text = await emit(s, o);
    out.write(text.endsWith("\n") ? text : `${text}\n`);
    return 0;
  } catch (e) {
    if (e instanceof AlloError) {
      err.write(`${e.message}\n`);
      return e.code === "AL9001" && e.text.startsWith("usage:") ? 0 : 1;
    }
    throw e;
  }
}

async function scheduled(o: CliOptions): Promise<Schedule> {
  const path = resolve(o.file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new AlloError("AL9001", `cannot read '${o.file}'`);
  }
  const kernel = o.kernel ?? defaultKernel(text, path);
  const s = customize(text, { name: kernel, file: path, printAfterEach: o.printAfterEach });
  const schedFile = o.schedule ? resolve(o.schedule) : path;
  const mod = (await import(pathToFileURL(schedFile).href)) as { schedule?: (s: Schedule) => void };
  if (typeof mod.schedule === "function") mod.schedule(s);
  else if (o.schedule) throw new AlloError("AL9001", `'${o.schedule}' exports no schedule(s) function`);
  return s;
}

/** The kernel when --kernel is absent: the file's only exported function besides `schedule`. */
function defaultKernel(text: string, path: string): string {
  const names = scopeForSource(sourceOfText(text, path))
    .exportedFunctionNames()
    .filter((n) => n !== "schedule");
  if (names.length === 1) return names[0];
  throw new AlloError(
    "AL1002",
    `${path} exports ${names.length ? `several kernels (${names.join(", ")})` : "no kernel function"}; choose one with --kernel name`,
  );
}

async function emit(s: Schedule, o: CliOptions): Promise<string> {
  switch (o.target) {
    case "mlir":
      return String(s.module);
    case "vhls":
      return s.build({ target: "vhls" }).code;
    case "cpu":
      return s.build({ target: "cpu" }).source;
    case "vitis_hls": {
      const project = o.project ?? `${s.ir.top}.prj`;
      s.build({ target: "vitis_hls", mode: o.mode as never, project });
      return `wrote the Vitis HLS project to ${project}`;
    }
  }
}
