// Fails on golden files whose name (a kernel or case name) no test or corpus file mentions any more,
// so stale expectations cannot pile up.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { GOLDEN_ROOT } from "./support/golden.ts";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

test("every golden file is referenced by a test", () => {
  const tests = files(join(GOLDEN_ROOT, ".."))
    .filter((f) => f.endsWith(".ts") && !f.includes("/golden/"))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  const unused = files(GOLDEN_ROOT)
    .map((f) => relative(GOLDEN_ROOT, f))
    .filter((name) => {
      const base = name.split("/").pop()!.replace(/\..*$/, "");
      return !tests.includes(name) && !new RegExp(`\\b${base}\\b`).test(tests);
    });
  assert.deepEqual(unused, []);
});
