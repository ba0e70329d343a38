// Calls inside pipelined loops: the call is one op of the iteration taking the callee's latency, the
// loop's II is at least the callee's interval (with the reason naming the callee), the callee's cores
// are the call's own, and a loop around a call is not auto-pipelined (the callee is a module of its own).
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "allo-ts";

const CALLS = `
import { type float32, range, zeros } from "allo-ts";
export function inc(A: float32<[16]>): void {
  for (const k of range(16)) A[k] = A[k] * 2.0;
}
export function top(A: float32<[64, 16]>, B: float32<[64]>): void {
  const T: float32<[16]> = zeros();
  for (const i of range(64)) {
    T[0] = A[i][0];
    inc(T);
    B[i] = T[0];
  }
}`;

const row = (e: ReturnType<ReturnType<typeof customize>["estimate"]>, label: string) => {
  const r = e.loops.find((l) => l.label === label);
  assert.ok(r, `row ${label} in ${e.loops.map((l) => l.label).join(", ")}`);
  return r;
};

test("a loop around a call is not auto-pipelined: it runs TC x (body + call)", () => {
  const e = customize(CALLS, { name: "top", file: "calls.ts" }).estimate({ wrapIo: false });
  const inc = row(e, "l_S_k_0_k");
  const i = row(e, "l_S_i_0_i");
  assert.equal(i.pipeline, undefined);
  assert.equal(i.ii, undefined);
  const callee = inc.latency + 2; // + funcOverhead of inc
  // The body: a load and store before (3 cycles), the call with its overhead, a load and store after.
  assert.ok(i.iterationLatency >= callee + 2, `${i.iterationLatency} covers the call (${callee} + 2)`);
  assert.equal(i.latency, 64 * i.iterationLatency);
});

test("a call inside a pipelined loop: II >= the callee's interval, IL covers its latency, its DSPs counted", () => {
  const s = customize(CALLS, { name: "top", file: "calls.ts" });
  s.pipeline("i");
  const e = s.estimate({ wrapIo: false });
  const inc = row(e, "l_S_k_0_k");
  const i = row(e, "l_S_i_0_i");
  const latency = inc.latency + 2;
  assert.equal(i.ii, latency + 1, "a sequential callee starts every latency + 1 cycles");
  assert.match(
    i.limitedBy ?? "",
    /the call of 'inc' takes \d+ cycles and can start every \d+ cycles; pipeline/,
  );
  assert.ok(i.iterationLatency > latency, "the iteration waits for the call");
  assert.equal(i.latency, (i.ii as number) * 63 + i.iterationLatency - 1);
  // inc's fmul (3 DSP) is the only core.
  assert.equal(e.resources.dsp, 3);
});
