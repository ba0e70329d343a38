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
import { cpus, homedir } from "node:os";
import { join } from "node:path";
import { AlloError } from "../../diagnostics/error.ts";
import { INCLUDE_DIR } from "../hls/csim.ts";
import { findTool } from "../hls/tools.ts";

/** Full optimisation for this host; floats stay IEEE exactly as the CPU backend computes them. */
export const NATIVE_FLAGS = [
  "-std=c++17",
  "-O3",
  "-march=native",
  "-ffp-contract=off",
  "-fno-fast-math",
  "-fPIC",
  "-shared",
  "-w",
];

/** Bumped when the entry convention changes, so old cached objects are never loaded. */
const FORMAT = "allo-native-1";

/** Compiler runs in this process (tests check cache hits with it). */
export const compileStats = { compiles: 0 };

export interface CompileOptions {
  readonly compiler?: string;
  readonly cacheDir?: string;
  readonly timeoutMs?: number;
}

export const defaultCacheDir = (): string =>
  join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "allo-ts");

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

function versionOf(compiler: string): string {
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

/** The path of the shared object for `source`, compiled unless the cache already holds it. */
export function sharedObject(
  source: string,
  o: CompileOptions = {},
  extraFlags: readonly string[] = [],
): string {
  const compiler = resolveCompiler(o.compiler);
  const flags = [...NATIVE_FLAGS, ...extraFlags];
  const key = createHash("sha256")
    .update(
      [
        FORMAT,
        compiler,
        versionOf(compiler),
        flags.join(" "),
        process.arch,
        cpus()[0]?.model ?? "",
        headerText(),
        source,
      ].join("\0"),
    )
    .digest("hex")
    .slice(0, 32);
  const dir = o.cacheDir ?? defaultCacheDir();
  const lib = join(dir, `${key}.so`);
  if (existsSync(lib)) return lib;
  mkdirSync(dir, { recursive: true });
  const src = join(dir, `${key}.cpp`);
  writeAtomic(src, source);
  const tmp = `${lib}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  compileStats.compiles++;
  const r = spawnSync(compiler, [...flags, `-I${INCLUDE_DIR}`, "-x", "c++", src, "-o", tmp], {
    encoding: "utf8",
    timeout: o.timeoutMs,
    killSignal: "SIGKILL",
  });
  if (r.error || r.status !== 0) {
    rmSync(tmp, { force: true });
    if ((r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT") {
      throw new AlloError(
        "AL5012",
        `compiling the native code ran past timeoutMs = ${o.timeoutMs} ms; the compiler was killed`,
      );
    }
    if (r.error)
      throw new AlloError("AL5005", `the C++ compiler '${compiler}' could not be run (${r.error.message})`);
    throw new AlloError(
      "AL5006",
      `${compiler} could not compile the generated native C++ (${src}); with a working compiler this is a bug in allo-ts, please report it:\n${r.stderr.slice(0, 4000)}`,
    );
  }
  renameSync(tmp, lib);
  return lib;
}
