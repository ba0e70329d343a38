// Runs a TypeScript file of this repository (`npm run demo` runs examples/gemm.ts) on the compiled
// package in dist/ with plain node, so a run starts without a TypeScript loader: the file is transpiled
// once into node_modules/.cache/allo-ts/run/, its imports of allo-ts pointed at dist/ and an inline
// source map pointing customize(fn) back at the .ts file. dist/ is built by `npm ci` (the prepare
// script); when it is missing or older than src/, or the file imports other local files, the file runs
// through tsx instead: the same results, a slower start.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(repo, "dist");
const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/run-compiled.mjs <file.ts> [args...]");
  process.exit(2);
}
const source = resolve(file);
const text = readFileSync(source, "utf8");
process.argv = [process.argv[0], source, ...args];

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);
const newest = (dir) =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : mtime(join(dir, e.name)),
    ),
  );

const built = mtime(join(dist, "index.js"));
const inputs = [
  newest(join(repo, "src")),
  mtime(join(repo, "tsconfig.json")),
  mtime(join(repo, "tsconfig.build.json")),
];
const importsLocal = /\b(?:from|import)\s*\(?\s*["']\.\.?\//.test(text);

if (built <= Math.max(...inputs) || importsLocal) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(compiled()).href);
}

/** The transpiled file, rewritten when the source or dist/ is newer than it. */
function compiled() {
  const dir = join(repo, "node_modules", ".cache", "allo-ts", "run");
  const tag = createHash("sha256").update(source).digest("hex").slice(0, 12);
  const out = join(dir, `${basename(source).replace(/\.[cm]?ts$/, "")}-${tag}.mjs`);
  if (mtime(out) > Math.max(mtime(source), built)) return out;
  // allo-ts's own loader of the typescript package (from its code cache), which the run loads anyway.
  const ts = createRequire(import.meta.url)(join(dist, "frontend", "typescript.cjs"));
  const { outputText, sourceMapText } = ts.transpileModule(text, {
    fileName: source,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: true },
  });
  const map = { ...JSON.parse(sourceMapText), sources: [pathToFileURL(source).href], sourceRoot: "" };
  const code = outputText
    .replace(/^\/\/# sourceMappingURL=.*$/m, "")
    .replace(/(\b(?:from|import)\s*\(?\s*)(["'])allo-ts(\/library)?\2/g, (_, head, _q, library) => {
      const target = join(dist, library ? "library/index.js" : "index.js");
      return `${head}${JSON.stringify(pathToFileURL(target).href)}`;
    });
  const inline = Buffer.from(JSON.stringify(map)).toString("base64");
  mkdirSync(dir, { recursive: true });
  writeFileSync(out, `${code}//# sourceMappingURL=data:application/json;base64,${inline}\n`);
  return out;
}
