// The frontend robustness corpus on the CPU backend (issue 17): every error row is an AlloError with its
// exact code at `file:line:col` (and, where marked, its full text as a diagnostics baseline), never a
// raw exception; every value row compiles and computes the outputs written in robustness-rows.ts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AlloError, customize } from "../../src/index.ts";
import { assertGolden } from "../support/golden.ts";
import { ERRORS, elements, HEAD, VALUES } from "./robustness-rows.ts";

for (const row of ERRORS) {
  test(`${row.name} is ${row.code} at ${row.at}`, () => {
    let caught: unknown;
    try {
      customize(HEAD + row.source, { name: "k", file: `${row.name}.ts` });
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof AlloError, `expected an AlloError, got ${String(caught)}`);
    assert.equal(caught.code, row.code, caught.message);
    assert.ok(caught.message.startsWith(`${row.name}.ts:${row.at} - error ${row.code}: `), caught.message);
    if (row.golden) assertGolden(`diagnostics/${row.name}.txt`, `${caught.message}\n`);
  });
}

for (const row of VALUES) {
  test(`${row.name}: the CPU backend computes the expected values`, () => {
    const args = row.args();
    customize(HEAD + row.source, { name: "k", file: "row.ts" }).build()(...args);
    assert.deepStrictEqual(elements(args), row.want);
  });
}

test("row names are unique (error rows name their baseline files)", () => {
  const names = [...ERRORS, ...VALUES].map((r) => r.name);
  assert.deepEqual(
    names.filter((n, i) => names.indexOf(n) !== i),
    [],
  );
});
