// FIFOs and spatial units: systolic arrays (hand-built as unfold + relay make them, and made by the real
// primitives) proven equal to the plain matmul for several FIFO depths; a loader sending A in the wrong
// order is rejected with a counterexample; deadlocks and data left in FIFOs are reported as failures
// of the design, with the blocked units, in the report the CPU backend gives (test/runtime/streams.test.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import type { Module } from "../../src/ir/nodes.ts";
import { verifyModules } from "../../src/verify/index.ts";
import { assertConfirmed } from "./support/confirm.ts";
import { matmulSource, systolicMatmul } from "./support/systolic.ts";

const plain = (M: number, N: number, K: number): Module =>
  customize(matmulSource(M, N, K), { name: "matmul", file: "matmul.ts" }).ir;

test("a hand-built 8 x 8 systolic array equals the plain matmul for FIFO depths 1, 2 and 9", () => {
  for (const depth of [1, 2, 9]) {
    const r = verifyModules(systolicMatmul(8, 8, 12, { depth }), plain(8, 8, 12));
    assert.equal(r.status, "equivalent", `depth ${depth}: ${r.reason}`);
  }
});

test("a rectangular array (3 x 5, K = 7) made by bufferAt, unfold and relay", () => {
  const s = customize(matmulSource(3, 5, 7), { name: "matmul", file: "matmul.ts" });
  const bufA = s.bufferAt("A", "j");
  const bufB = s.bufferAt("B", "j");
  const pe = s.unfold("PE", { axis: [0, 1], factor: [3, 5] });
  s.relay(bufA, pe, { axis: 0, depth: 4 });
  s.relay(bufB, pe, { axis: 1, depth: 6 });
  const r = verifyModules(s.ir, s.original);
  assert.equal(r.status, "equivalent", r.reason);
});

test("a loader that sends a row of A in reverse order is rejected with a confirmed counterexample", () => {
  const a = systolicMatmul(4, 4, 6, { reverseA: true });
  const b = plain(4, 4, 6);
  const r = verifyModules(a, b);
  assertConfirmed(a, b, r);
  assert.equal(r.counterexample!.output, "C[0][0]");
  assert.match(r.counterexample!.a, /int16\(A\[0\]\[5\]\) \* int16\(B\[0\]\[0\]\)/);
});

test("a deadlock fails the design on every input: not equivalent, with the blocked units", () => {
  const r = verifyModules(systolicMatmul(2, 2, 3, { shortB: true }), plain(2, 2, 3));
  assert.equal(r.status, "not-equivalent");
  assert.equal(r.counterexample, undefined);
  assert.equal(
    r.reason,
    [
      "the first module fails on every input, the other does not: Dataflow deadlock in region 'PE': every unfinished instance is blocked.",
      "  PE_0_0  get B_fifo[0][0]  0/2 empty    k=2",
      "  PE_0_1  get A_fifo[0][1]  0/2 empty    k=2",
      "  PE_1_0  get B_fifo[1][0]  0/2 empty    k=2",
      "  PE_1_1  get A_fifo[1][1]  0/2 empty    k=2",
      "  stream B_fifo[0][0]  load_B_0 -> PE_0_0  0/2  puts 2  gets 2",
      "  stream A_fifo[0][1]  PE_0_0 -> PE_0_1    0/2  puts 2  gets 2",
      "  stream B_fifo[1][0]  PE_0_0 -> PE_1_0    0/2  puts 2  gets 2",
      "  stream A_fifo[1][1]  PE_1_0 -> PE_1_1    0/2  puts 2  gets 2",
      "  finished: load_A_0, load_A_1, load_B_0, load_B_1",
    ].join("\n"),
  );
});

test("data left in a FIFO when the region ends fails the design", () => {
  const r = verifyModules(plain(2, 2, 3), systolicMatmul(2, 2, 3, { extraA: true }));
  assert.equal(r.status, "not-equivalent");
  assert.match(
    r.reason!,
    /second module fails on every input.*stream A_fifo\[0\]\[0\] still holds 1 value\(s\) at the end of region 'PE' \(puts 4, gets 3\)/s,
  );
});

test("two designs that both fail are not compared: unknown", () => {
  const r = verifyModules(
    systolicMatmul(2, 2, 3, { shortB: true }),
    systolicMatmul(2, 2, 3, { extraA: true }),
  );
  assert.equal(r.status, "unknown");
  assert.match(
    r.reason!,
    /^both modules fail: first: Dataflow deadlock.*; second: stream A_fifo\[0\]\[0\] still holds/s,
  );
});
