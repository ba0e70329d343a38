// Compiling a native translation unit to a shared object, cached by content: the key hashes the source,
// the compiler (its path and `--version`), the flags, the csim headers it includes and the host CPU
// (-march=native), so a second build of the same design compiles nothing and any change recompiles.
// Files are written under a temporary name and renamed, so a concurrent build never loads half a file.
// A compiler that is missing or cannot run is AL5005; one that rejects the code is AL5006 (our bug);
// a compile past timeoutMs is killed (AL5012).

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { AlloError } from "../../diagnostics/error.ts";
import defaultCacheDir from "../../util/cache-dir.cts";
import { INCLUDE_DIR } from "../hls/csim.ts";
import { findTool } from "../hls/tools.ts";

/** Full optimisation for this host; floats stay IEEE exactly as the CPU backend computes them. */
export const NATIVE_FLAGS = [
  "-O3",
  "-march=native",
  "-ffp-contract=off",
  "-fno-fast-math",
  "-fPIC",
  // Only the entries are exported: calls inside the object are direct and inlinable (Int<48> matmul
  // 7.5 -> 5.8 ms a call, measured through dlopen).
  "-fvisibility=hidden",
  "-shared",
  "-w",
];

/**
 * The language standard of a unit: C++20 for the coroutines of its dataflow (include/allo_dataflow.h),
 * else C++17, whose standard headers compile in half the time (0.27 against 0.67 s for <algorithm>).
 */
export const nativeStd = (source: string): string =>
  source.includes("#include <allo_dataflow.h>") ? "-std=c++20" : "-std=c++17";

/** Bumped when the entry convention changes, so old cached objects are never loaded. */
const FORMAT = "allo-native-3";

/** Compiler runs in this process (tests check cache hits with it). */
export const compileStats = { compiles: 0 };

export interface CompileOptions {
  readonly compiler?: string;
  readonly cacheDir?: string;
  readonly timeoutMs?: number;
}

/** The compiler's full path: `compiler` as given (a path, or a name on PATH), or g++, else clang++. */
export function resolveCompiler(compiler?: string): string {
  if (compiler !== undefined) {
    if (compiler.includes("/")) {
      try {
        accessSync(compiler, constants.X_OK);
        return compiler;
      } catch {
        // reported below
      }
    } else {
      const found = findTool(compiler);
      if (found) return found;
    }
    throw new AlloError(
      "AL5005",
      `the C++ compiler '${compiler}' was not found (build option compiler); install it, or pass compiler: "g++" or "clang++"`,
    );
  }
  const found = findTool("g++") ?? findTool("clang++");
  if (found) return found;
  throw new AlloError(
    "AL5005",
    'the native targets need a C++ compiler and found neither g++ nor clang++ on PATH; install g++ (or clang), or pass compiler: "/path/to/g++"',
  );
}

const versions = new Map<string, string>();

export function versionOf(compiler: string): string {
  const known = versions.get(compiler);
  if (known !== undefined) return known;
  const r = spawnSync(compiler, ["--version"], { encoding: "utf8", timeout: 10_000 });
  if (r.error || r.status !== 0) {
    throw new AlloError(
      "AL5005",
      `the C++ compiler '${compiler}' could not be run (${r.error?.message ?? `exit ${r.status}`}); install a working g++ or clang++, or pass another compiler`,
    );
  }
  versions.set(compiler, r.stdout);
  return r.stdout;
}

let headers: string | undefined;
const headerText = (): string => {
  headers ??= readdirSync(INCLUDE_DIR)
    .sort()
    .map((f) => readFileSync(join(INCLUDE_DIR, f), "utf8"))
    .join("\0");
  return headers;
};

/** Writes `text` to `path` through a temporary file and a rename. */
function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** A tool run that failed: AL5012 past the time limit, AL5005 when it could not start, AL5006 otherwise. */
export function failure(
  r: ReturnType<typeof spawnSync>,
  tool: string,
  what: string,
  timeoutMs?: number,
): AlloError {
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT") {
    return new AlloError("AL5012", `${what} ran past timeoutMs = ${timeoutMs} ms; ${tool} was killed`);
  }
  if (r.error) return new AlloError("AL5005", `'${tool}' could not be run (${r.error.message})`);
  return new AlloError(
    "AL5006",
    `${tool} failed on ${what}; with working tools this is a bug in allo-ts, please report it:\n${String(r.stderr).slice(0, 4000)}`,
  );
}

/** Runs a tool to completion within the build's time limit; a failure is thrown (see failure()). */
export function runTool(tool: string, args: readonly string[], what: string, timeoutMs?: number): void {
  const r = spawnSync(tool, args, { encoding: "utf8", timeout: timeoutMs, killSignal: "SIGKILL" });
  if (r.error || r.status !== 0) throw failure(r, tool, what, timeoutMs);
}

/**
 * The cached shared object for `parts` (everything its bytes depend on, sources included): `produce`
 * writes it to the temporary path it is given, unless the cache already holds it. `sources` are
 * written next to it first (name suffix -> text), for the tools to read and for inspection.
 */
export function cachedObject(
  parts: readonly string[],
  dir: string,
  sources: Readonly<Record<string, string>>,
  produce: (out: string, sources: Readonly<Record<string, string>>) => void,
): string {
  const key = createHash("sha256")
    .update([FORMAT, process.arch, cpus()[0]?.model ?? "", headerText(), ...parts].join("\0"))
    .digest("hex")
    .slice(0, 32);
  const lib = join(dir, `${key}.so`);
  if (existsSync(lib)) return lib;
  mkdirSync(dir, { recursive: true });
  const paths: Record<string, string> = {};
  for (const [suffix, text] of Object.entries(sources)) {
    paths[suffix] = join(dir, `${key}${suffix}`);
    writeAtomic(paths[suffix], text);
  }
  const tmp = `${lib}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  compileStats.compiles++;
  try {
    produce(tmp, paths);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  renameSync(tmp, lib);
  return lib;
}

/** The path of the shared object for C++ `source`, compiled unless the cache already holds it. */
export function sharedObject(source: string, o: CompileOptions = {}): string {
  const compiler = resolveCompiler(o.compiler);
  const flags = [nativeStd(source), ...NATIVE_FLAGS];
  const parts = [compiler, versionOf(compiler), flags.join(" "), source];
  return cachedObject(parts, o.cacheDir ?? defaultCacheDir(), { ".cpp": source }, (out, src) =>
    runTool(
      compiler,
      [...flags, `-I${INCLUDE_DIR}`, "-x", "c++", src[".cpp"], "-o", out],
      "the generated native C++",
      o.timeoutMs,
    ),
  );
}
