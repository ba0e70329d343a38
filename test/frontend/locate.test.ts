// customize(fn) finds the kernel's file: the calling file when it declares the function, or a file the
// calling file imports it from by name (neither asks the inspector), else through the inspector (a kernel
// reached another way), also when the calling file declares another function of the same name.
import assert from "node:assert/strict";
import { test } from "node:test";
import { locateStats } from "../../src/frontend/locate.ts";
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
