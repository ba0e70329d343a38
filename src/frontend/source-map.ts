// The TypeScript file a compiled JavaScript file came from, by its source map: kernels compiled by
// `tsc --sourceMap` (or by scripts/run-compiled.mjs) and run by plain node are read from their .ts
// source, where their types are. The map is named by the file's last `//# sourceMappingURL=` comment,
// a path next to the file or an inline data: URL; its first source is the original.

import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const COMPILED = /\.[cm]?js$/;
const TYPESCRIPT = /\.[cm]?ts$/;

/** The map's JSON text, or undefined when the file names none that can be read. */
function mapText(file: string, url: string): string | undefined {
  const inline = /^data:application\/json(?:;charset=[\w-]+)?;base64,(.*)$/.exec(url);
  if (inline) return Buffer.from(inline[1], "base64").toString("utf8");
  if (url.startsWith("data:")) return undefined;
  const path = url.startsWith("file:") ? fileURLToPath(url) : resolve(dirname(file), decodeURI(url));
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/** `file`'s original .ts file when it is compiled JavaScript with a source map naming one that exists. */
export function originalSource(file: string): string | undefined {
  if (!COMPILED.test(file) || !existsSync(file)) return undefined;
  const urls = [...readFileSync(file, "utf8").matchAll(/^\/\/# sourceMappingURL=(\S+)\s*$/gm)];
  const url = urls.at(-1)?.[1];
  const text = url === undefined ? undefined : mapText(file, url);
  if (text === undefined) return undefined;
  try {
    const map = JSON.parse(text) as { sources?: unknown; sourceRoot?: unknown };
    const first = Array.isArray(map.sources) ? map.sources[0] : undefined;
    if (typeof first !== "string" || !TYPESCRIPT.test(first)) return undefined;
    const root = typeof map.sourceRoot === "string" ? map.sourceRoot : "";
    const source = first.startsWith("file:")
      ? fileURLToPath(first)
      : resolve(dirname(file), root.startsWith("file:") ? fileURLToPath(root) : root, first);
    return existsSync(source) ? source : undefined;
  } catch {
    return undefined;
  }
}
