// Every code of the diagnostics table (src/diagnostics/codes.ts) has a baseline: a golden under
// test/golden/diagnostics or an assertion naming it in a test (a string, template or regex in test
// code; comments do not count, nor does this file). Codes the public API cannot raise on this machine
// are listed below with the reason.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { CODES } from "../../src/diagnostics/codes.ts";
import { GOLDEN_ROOT } from "../support/golden.ts";

/** Codes without a baseline, and why none can be written against the public API here. */
const UNREACHABLE: Readonly<Record<string, string>> = {
  AL5008:
    "a testbench exiting with a code other than the deadlock/leftover ones means generated code crashed",
  AL5009: "needs a vendor tool (vitis_hls, v++) that runs and fails; without one the answer is AL5005",
};

const TEST_ROOT = join(import.meta.dirname, "..");

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return files(p, keep);
    return keep(e.name) ? [p] : [];
  });
}

/** The text of every string, template and regex literal of a test source (its comments are skipped). */
function literalText(path: string): string {
  const sf = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteralLike(n) || ts.isRegularExpressionLiteral(n) || ts.isTemplateLiteralToken(n))
      out.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out.join("\n");
}

test("every diagnostic code has a baseline or a stated reason why it cannot have one", () => {
  const goldens = files(join(GOLDEN_ROOT, "diagnostics"), () => true).map((p) => readFileSync(p, "utf8"));
  const self = join(import.meta.dirname, "codes.test.ts");
  const sources = files(TEST_ROOT, (n) => n.endsWith(".ts"))
    .filter((p) => p !== self && !p.startsWith(GOLDEN_ROOT))
    .map(literalText);
  const seen = (code: string) =>
    goldens.some((g) => g.includes(`error ${code}:`)) || sources.some((s) => s.includes(code));
  const missing = Object.keys(CODES).filter((c) => !seen(c) && !(c in UNREACHABLE));
  assert.deepEqual(missing, [], `diagnostic codes with no baseline: ${missing.join(", ")}`);
  for (const [code, why] of Object.entries(UNREACHABLE)) {
    assert.ok(code in CODES, `UNREACHABLE lists ${code}, which is not in the table`);
    assert.ok(!seen(code), `${code} has a baseline now (${why}): remove it from UNREACHABLE`);
  }
});
