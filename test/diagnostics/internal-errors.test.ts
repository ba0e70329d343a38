// scripts/check-errors.ts: src/ builds no Error by hand (internal errors go through internalError), and
// the check does find hand-built ones while allowing an argument-free stack probe and error.ts itself.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { handBuiltErrors } from "../../scripts/check-errors.ts";

test("src/ raises internal errors only through internalError", () => {
  assert.deepEqual(handBuiltErrors(resolve(import.meta.dirname, "../../src")), []);
});

test("the check reports Error, TypeError and RangeError built by hand, with or without new", () => {
  const root = mkdtempSync(join(tmpdir(), "allo-errors-"));
  try {
    mkdirSync(join(root, "diagnostics"));
    writeFileSync(
      join(root, "diagnostics", "error.ts"),
      'export const e = () => new Error("the one place");\n',
    );
    writeFileSync(
      join(root, "bad.ts"),
      [
        'export function f() { throw new Error("allo-ts internal error: x"); }',
        'export const g = () => TypeError("y");',
        "export const h = () => new RangeError(`z`);",
        "export const stack = () => new Error().stack;",
        "",
      ].join("\n"),
    );
    const found = handBuiltErrors(root);
    assert.deepEqual(
      found.map((f) => f.split(": ")[0]),
      ["src/bad.ts:1:29", "src/bad.ts:2:24", "src/bad.ts:3:24"],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
