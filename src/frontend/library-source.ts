// Where the kernel source of allo-ts/library lives. The frontend reads kernels as TypeScript, so the
// package ships the library's .ts files: src/library/ in the repository, dist/library/source/ once
// built (compiled dist/library/*.js carry no types). Imports from "allo-ts/library" resolve to its
// index, and a library function located in its compiled file maps back to its source file.

import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { originalSource } from "./source-map.ts";

export const LIBRARY_MODULE = "allo-ts/library";

const here = dirname(fileURLToPath(import.meta.url));
const compiled = join(here, "..", "library");
const shipped = join(compiled, "source");

/** The directory of the library's kernel sources (.ts). */
export const librarySourceDir = (): string => (existsSync(join(shipped, "index.ts")) ? shipped : compiled);

/**
 * The file customize(fn) reads for a function defined in `file`: a library .js maps to its .ts, other
 * compiled JavaScript to the .ts its source map names (when it has one).
 */
export function kernelSourcePath(file: string): string {
  if (dirname(file) !== compiled || !file.endsWith(".js")) return originalSource(file) ?? file;
  const ts = join(librarySourceDir(), basename(file).replace(/\.js$/, ".ts"));
  return existsSync(ts) ? ts : file;
}
