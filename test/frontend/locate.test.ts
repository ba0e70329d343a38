// customize(fn) finds the kernel's file: the calling file when it declares the function, or a file the
// calling file imports it from by name (neither asks the inspector), else through the inspector (a kernel
// reached another way), also when the calling file declares another function of the same name; compiled
// JavaScript is read from the .ts file its source map names.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { locateStats } from "../../src/frontend/locate.ts";
import { originalSource } from "../../src/frontend/source-map.ts";
import { customize, type int32, range } from "../../src/index.ts";
import { inc as imported, lin } from "./fixtures/calls.ts";
import { inc as twin } from "./fixtures/calls-twin.ts";

export function twice(A: int32<[4]>): void {
  for (const i of range(4)) A[i] = A[i] * 2;
}

// Same name as the fixture's kernel, other parameters: the caller's file must not be taken for it.
export function inc(X: int32<[4]>, Y: int32<[4]>): void {
  for (const i of range(4)) Y[i] = X[i];
}

// A module-level A: tsx (esbuild) then renames twice's parameter to A2 in the running code.
const A = Int32Array.from([1, 2, 3, 4]);

test("a kernel declared in the calling file is read from it without the inspector", () => {
  const before = locateStats.inspector;
  customize(twice).build()(A);
  assert.deepEqual([...A], [2, 4, 6, 8]);
  assert.equal(locateStats.inspector, before, "the inspector was not asked");
});

test("a kernel imported by name is read from the imported file without the inspector, even under another name", () => {
  const before = locateStats.inspector;
  const s = customize(lin, { instantiate: { M: 2, N: 3 } });
  assert.equal(locateStats.inspector, before, "the inspector was not asked");
  assert.equal(s.ir.functions[0].name, "lin");
});

test("two imported files declaring the same kernel are told apart through the inspector", () => {
  const before = locateStats.inspector;
  assert.equal(customize(imported).build()(5), 6, "calls.ts's inc, not this file's two-parameter one");
  assert.equal(customize(twin).build()(5), 7, "calls-twin.ts's inc");
  assert.equal(locateStats.inspector, before + 2);
  assert.equal(customize(inc).ir.functions[0].params.length, 2);
});

test("a kernel reached another way (a dynamic import) is found through the inspector", async () => {
  // This file imports `inc` and `lin` from the fixture statically; `tr` it reaches at run time.
  const { tr } = await import("./fixtures/calls.ts");
  const before = locateStats.inspector;
  const s = customize(tr, { instantiate: { M: 2, N: 3 } });
  assert.equal(locateStats.inspector, before + 1);
  assert.equal(s.ir.functions[0].name, "tr");
});

/**
 * A kernel file compiled to JavaScript (as tsc --sourceMap writes it: `out/k.js` with `out/k.js.map`
 * naming `../src/k.ts`, or with the map inline) whose code calls customize(fn) on its own kernel.
 */
function compiledKernel(inline: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "allo-srcmap-"));
  mkdirSync(join(dir, "src"));
  mkdirSync(join(dir, "out"));
  const tsFile = join(dir, "src", "k.ts");
  writeFileSync(
    tsFile,
    `import { customize, type int16, range } from "allo-ts";
export function sq(A: int16<[3]>): void {
  for (const i of range(3)) A[i] = A[i] * A[i];
}
export const run = (A: Int16Array) => customize(sq).build()(A);
`,
  );
  const { outputText, sourceMapText } = ts.transpileModule(readFileSync(tsFile, "utf8"), {
    fileName: "k.ts",
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: true },
  });
  const map = { ...JSON.parse(sourceMapText ?? "{}"), sources: ["../src/k.ts"] };
  const index = JSON.stringify(pathToFileURL(join(import.meta.dirname, "../../src/index.ts")).href);
  const code = outputText.replace(/^\/\/# sourceMappingURL=.*$/m, "").replace(/"allo-ts"/, index);
  const url = inline
    ? `data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString("base64")}`
    : "k.js.map";
  writeFileSync(join(dir, "out", "k.js.map"), JSON.stringify(map));
  writeFileSync(join(dir, "out", "k.mjs"), `${code}//# sourceMappingURL=${url}\n`);
  return join(dir, "out", "k.mjs");
}

for (const inline of [false, true])
  test(`a kernel in compiled JavaScript is read from the .ts its source map names (${inline ? "inline map" : "map file"})`, async () => {
    const { run } = await import(pathToFileURL(compiledKernel(inline)).href);
    const A = Int16Array.from([3, -4, 300]);
    run(A);
    assert.deepEqual([...A], [9, 16, 24464], "300 * 300 wraps to int16 as the .ts types say");
  });

test("compiled JavaScript without a source map is not taken for TypeScript source", () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-srcmap-"));
  const js = join(dir, "k.js");
  writeFileSync(js, "export function sq(A) {}\n//# sourceMappingURL=missing.js.map\n");
  assert.equal(originalSource(js), undefined);
  writeFileSync(js, "export function sq(A) {}\n");
  assert.equal(originalSource(js), undefined);
  assert.equal(originalSource(join(import.meta.dirname, "locate.test.ts")), undefined);
});
