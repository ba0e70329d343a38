// The import graph of src/: no import cycles, and the layering rules (schedule imports no backend and
// nothing from api; ir imports no schedule and no backend; backends import no api and no schedule).
// Imports are read with the TypeScript preprocessor (static, dynamic and type-only imports and
// re-exports alike). Known offenders outside the layer being checked sit on the allow-lists below
// until they are fixed; an allow-list entry that no longer matches anything is reported so it is removed.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const SRC = resolve("src");

/** [importer folder, forbidden folder], both relative to src/. */
const LAYERS: readonly (readonly [string, string])[] = [
  ["schedule", "backends"],
  ["schedule", "api"],
  ["ir", "schedule"],
  ["ir", "backends"],
  ["backends", "api"],
  ["backends", "schedule"],
];

/** Known import cycles (every file of one strongly connected component, relative to src/); to be removed. */
const KNOWN_CYCLES: readonly (readonly string[])[] = [
  [
    "frontend/context.ts",
    "frontend/df-checks.ts",
    "frontend/df-races.ts",
    "frontend/df-region.ts",
    "frontend/df-stream.ts",
    "frontend/instances.ts",
    "frontend/kernel.ts",
    "frontend/lower-bits.ts",
    "frontend/lower-call.ts",
    "frontend/lower-expr.ts",
    "frontend/lower-loop.ts",
    "frontend/lower-stateful.ts",
    "frontend/lower-stmt.ts",
    "frontend/module-builder.ts",
    "frontend/tensor-init.ts",
  ],
];

/** Known layering violations ("importer -> imported", relative to src/); to be removed. */
const KNOWN_VIOLATIONS: readonly string[] = [];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.c?ts$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** The src/ files a file imports (relative specifiers only; packages and node: modules are not ours). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith("."))
    .map((s) => resolve(dirname(file), s))
    .filter((p) => p.startsWith(SRC));
}

const rel = (p: string) => relative(SRC, p).split("\\").join("/");
const files = sources(SRC);
const graph = new Map(files.map((f) => [rel(f), importsOf(f).map(rel)]));
const errors: string[] = [];

const layer = (f: string) => f.split("/")[0];
const usedViolations = new Set<string>();
for (const [from, tos] of graph) {
  for (const to of tos) {
    if (!graph.has(to)) errors.push(`${from} imports ${to}, which does not exist`);
    if (!LAYERS.some(([a, b]) => layer(from) === a && layer(to) === b)) continue;
    const edge = `${from} -> ${to}`;
    if (KNOWN_VIOLATIONS.includes(edge)) usedViolations.add(edge);
    else errors.push(`layering: ${edge} (src/${layer(from)}/ may not import src/${layer(to)}/)`);
  }
}

/** Strongly connected components of the graph with more than one file (Tarjan, iterative enough for src/). */
function cycles(): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      on.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || graph.get(v)!.includes(v)) out.push(scc.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

const usedCycles = new Set<number>();
for (const scc of cycles()) {
  const known = KNOWN_CYCLES.findIndex((k) => scc.every((f) => k.includes(f)));
  if (known >= 0) usedCycles.add(known);
  else errors.push(`import cycle: ${scc.join(", ")}`);
}
KNOWN_CYCLES.forEach((k, i) => {
  if (!usedCycles.has(i)) errors.push(`KNOWN_CYCLES entry [${k.join(", ")}] is no longer a cycle: remove it`);
});
for (const v of KNOWN_VIOLATIONS) {
  if (!usedViolations.has(v)) errors.push(`KNOWN_VIOLATIONS entry '${v}' no longer occurs: remove it`);
}

for (const e of errors) console.error(`error: ${e}`);
console.log(
  `${graph.size} files, ${[...graph.values()].reduce((n, x) => n + x.length, 0)} imports checked; ` +
    `${errors.length} problems; allowed for now: ${KNOWN_CYCLES.length} cycles, ${KNOWN_VIOLATIONS.length} violations`,
);
if (errors.length > 0) process.exit(1);
