// What the generators of allo-ts/library's files share (scripts/gen-elementwise.ts,
// scripts/gen-products.ts, scripts/gen-quant.ts): biome's formatting of the generated text, the
// freshness check and the command line (`--check` fails when a checked-in file differs; without it the
// files are rewritten). scripts/rank-forms.ts has the loop nests of the rank 1-4 forms.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";

export const LIBRARY = resolve(import.meta.dirname, "..", "src", "library");

/** Each file (path -> text) as biome writes it: formatted, its imports sorted. */
export function formatted(raw: ReadonlyMap<string, string>): Map<string, string> {
  const biome = resolve(import.meta.dirname, "..", "node_modules", ".bin", "biome");
  return new Map(
    [...raw].map(([path, text]) => [
      path,
      execFileSync(biome, ["check", "--write", `--stdin-file-path=${path}`], {
        input: text,
        encoding: "utf8",
      }),
    ]),
  );
}

/** The generated files that differ from the checked-in ones. */
export function staleFiles(files: ReadonlyMap<string, string>): string[] {
  return [...files].filter(([path, text]) => readFileSync(path, "utf8") !== text).map(([p]) => p);
}

/** Runs generator `script` (its import.meta.filename) when it is the command node was started with. */
export function runIfMain(script: string, generate: () => Map<string, string>): void {
  if (!process.argv[1] || resolve(process.argv[1]) !== resolve(script)) return;
  const files = generate();
  if (process.argv.includes("--check")) {
    const bad = staleFiles(files);
    for (const p of bad)
      console.error(`error: ${p} is not what ${relative(process.cwd(), script)} generates; run it`);
    process.exit(bad.length ? 1 : 0);
  }
  for (const [path, text] of files) writeFileSync(path, text);
}
