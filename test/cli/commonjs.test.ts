// customize(fn) from a CommonJS project run with tsx: tsx evaluates a CommonJS .ts kernel file imported
// from an ES module as a data: URL, and the kernel's source must still be found in the file it names.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

test("customize(fn) finds a kernel defined in a CommonJS .ts file", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "allo-cjs-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "package.json"), '{ "type": "commonjs" }\n');
  writeFileSync(
    join(dir, "k.ts"),
    [
      'import type { int32 } from "allo-ts";',
      "export function inc(A: int32<[4]>): void {",
      "  for (let i = 0; i < 4; i++) A[i] = A[i] + 1;",
      "}",
    ].join("\n"),
  );
  const index = pathToFileURL(join(import.meta.dirname, "..", "..", "src", "index.ts")).href;
  writeFileSync(
    join(dir, "run.mts"),
    [
      `import { customize } from ${JSON.stringify(index)};`,
      'import { inc } from "./k.ts";',
      "const A = Int32Array.of(1, 2, 3, 4);",
      "customize(inc).build()(A);",
      "console.log(A.join());",
    ].join("\n"),
  );
  const r = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), "run.mts"], {
    cwd: dir,
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, "2,3,4,5\n");
});
