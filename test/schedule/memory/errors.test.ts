// Misuse of bufferAt, reuseAt and computeAt: each error's code and full message (with the call site)
// as one golden baseline. Every message names the primitive, the buffer or loops, and what is valid.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../../src/index.ts";
import { assertGolden } from "../../support/golden.ts";
import { caught } from "../support.ts";
import { blurX, conv, inc, mm, ragged, rowFactors, shifted, twoBands } from "./kernels.ts";

const messages: string[] = [];
const expectError = (code: string, f: () => unknown) => {
  const e = caught(f);
  assert.equal(e.code, code, e.message);
  messages.push(e.message);
};

test("bufferAt refuses buffers it cannot keep exactly or usefully", () => {
  expectError("AL3008", () => customize(inc).bufferAt("B", "i"));
  expectError("AL3016", () => customize(mm).bufferAt("C", "k"));
  expectError("AL3016", () => customize(twoBands).bufferAt("A", "jj"));
});

test("reuseAt refuses reads that do not slide or do not repeat", () => {
  expectError("AL3015", () => customize(inc).reuseAt("A", "j"));
  expectError("AL3015", () => customize(blurX).reuseAt("B", "x"));
  expectError("AL3015", () => customize(conv).reuseAt("F", "x"));
  expectError("AL3015", () => customize(conv).reuseAt("A", "r"));
});

test("computeAt refuses fusions that would change results", () => {
  expectError("AL3014", () => customize(shifted).computeAt("j", "jj"));
  expectError("AL3014", () => customize(ragged).computeAt("j", "jj"));
  expectError("AL3014", () => customize(rowFactors).computeAt("r", "jj"));
  expectError("AL3014", () => customize(twoBands).computeAt("jj", "j"));
});

test("error messages", () => {
  assertGolden("schedule/memory/errors.txt", `${messages.join("\n\n")}\n`);
});
