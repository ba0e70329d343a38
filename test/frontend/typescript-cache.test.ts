// typescript.js is compiled once per machine: the first process saves V8's code cache of it in the
// allo-ts cache directory, the next one loads from it, and a cache V8 rejects is compiled and replaced.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";

const FRONTEND = join(import.meta.dirname, "..", "..", "src", "frontend");
const home = mkdtempSync(join(tmpdir(), "allo-ts-cache-"));
after(() => rmSync(home, { recursive: true, force: true }));

/** A fresh process that loads the compiler API as allo-ts does; prints how typescript.js was had. */
function load(): string {
  const script = `const ts = require(${JSON.stringify(join(FRONTEND, "typescript.cts"))});
const p = require(${JSON.stringify(join(FRONTEND, "preload-typescript.cts"))});
ts.createSourceFile("k.ts", "export const N = 4;", ts.ScriptTarget.Latest);
console.log(p.state);`;
  const r = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
    encoding: "utf8",
    env: { ...process.env, XDG_CACHE_HOME: home },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

const caches = () => readdirSync(join(home, "allo-ts")).filter((f) => f.endsWith(".v8cache"));

test("the first process compiles and saves the code cache, the next loads from it", () => {
  assert.equal(load(), "compiled");
  assert.equal(caches().length, 1);
  assert.equal(load(), "cached");
});

test("a cache V8 rejects is compiled and replaced", () => {
  const [file] = caches();
  writeFileSync(join(home, "allo-ts", file), Buffer.alloc(4096, 7));
  assert.equal(load(), "rejected");
  assert.equal(load(), "cached");
  assert.deepEqual(caches(), [file]);
});
