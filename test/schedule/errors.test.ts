// Error baselines: the full text of every schedule misuse (code, primitive, loop or buffer, valid
// names, the user's file:line:col and code frame) against test/golden/schedule/errors/<case>.txt.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { assertGolden } from "../support/golden.ts";
import { MISUSES } from "./fixtures/misuse.ts";
import { caught } from "./support.ts";

for (const [name, [kernel, misuse]] of Object.entries(MISUSES)) {
  test(`error baseline ${name}`, () => {
    const s = customize(kernel);
    const e = caught(() => misuse(s));
    assert.ok(e.message.startsWith("test/schedule/fixtures/misuse.ts:"), e.message);
    assertGolden(`schedule/errors/${name}.txt`, `${e.message}\n`);
  });
}
