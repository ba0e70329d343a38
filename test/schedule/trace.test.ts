// Traces: replayable TypeScript with the user's names and handles printed as names, round trips,
// call sites, atomic failed steps, and the printAfterEach output.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { assertGolden } from "../support/golden.ts";
import { gemm, mm, stencil } from "./kernels.ts";
import { assertReplays, caught } from "./support.ts";

test("the trace uses the user's names and prints handles as the names they resolved to", () => {
  const s = customize(stencil);
  const [io, ii] = s.split("i", 4);
  const { outer: jo } = s.split("j", 5);
  s.reorder(io, jo, ii);
  const f = s.fuse(io, jo);
  s.pipeline(f, { ii: 2 });
  s.unroll(ii, 2);
  s.partition("A", { type: "cyclic", dim: [1], factor: 2 });
  s.reshape("B", [120]);
  assert.equal(
    s.trace(),
    [
      's.split("i", 4);',
      's.split("j", 5);',
      's.reorder("i.outer", "j.outer", "i.inner");',
      's.fuse("i.outer", "j.outer");',
      's.pipeline("i.outer_j.outer_fused", { ii: 2 });',
      's.unroll("i.inner", 2);',
      's.partition("A", { type: "cyclic", dim: [1], factor: 2 });',
      's.reshape("B", [120]);',
      "",
    ].join("\n"),
  );
  assertReplays(stencil, s);
});

test("steps record their call sites; a failed step records nothing and changes nothing", () => {
  const s = customize(gemm);
  s.split("i", 2);
  const before = s.ir;
  caught(() => s.reorder("i.inner", "k", "nope"));
  assert.equal(s.ir, before);
  assert.equal(s.steps.length, 1);
  const site = s.steps[0].site!;
  assert.equal(site.file, "test/schedule/trace.test.ts");
  const lines = readFileSync(import.meta.filename, "utf8").split("\n");
  assert.equal(site.line, lines.indexOf('  s.split("i", 2);') + 1);
  assert.equal(site.col, 5);
  assert.equal(s.trace("sched"), 'sched.split("i", 2);\n');
});

test("printAfterEach prints each step's header and IR, or (unchanged)", (t) => {
  const out: string[] = [];
  t.mock.method(process.stdout, "write", (chunk: string) => {
    out.push(chunk);
    return true;
  });
  const s = customize(mm, { printAfterEach: true });
  s.reorder("k", "j");
  s.pipeline("j");
  s.pipeline("j");
  t.mock.restoreAll();
  const text = out.join("");
  assert.match(text, /^\/\/ ----- step 1: reorder\("k", "j"\) -----\nmodule \{/);
  assert.match(text, /\/\/ ----- step 3: pipeline\("j"\) -----\n\(unchanged\)\n$/);
  assertGolden("schedule/trace/print_after_each.mlir", text);
});
