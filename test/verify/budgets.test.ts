// The verifier's budgets (api.md section 3): a proof that would run away ends as "unknown" with a
// reason starting with AL6003 that names the budget (steps, time, memory, abort), never as an
// exception; the default budget alone stops a 2^31-iteration loop.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AlloError, customize, verify } from "../../src/index.ts";
import { intType } from "../../src/types/dtype.ts";
import { BudgetExceeded, MAX_NODES } from "../../src/verify/budget.ts";
import { Dag } from "../../src/verify/dag/dag.ts";

/** `B[i % 8] <op> A[i % 8]` over `trips` iterations: a new symbolic node every iteration. */
const loop = (trips: string, op = "+=", value = "A[i % 8]") =>
  customize(
    `
function big(A: int32<[8]>): int32<[8]> {
  const B: int32<[8]> = zeros();
  for (const i of range(${trips})) {
    B[i % 8] ${op} ${value};
  }
  return B;
}`,
    { name: "big", file: "big.ts" },
  );

test("without options, a 2^31-iteration loop stops at the default budget in bounded memory (unknown)", () => {
  // Its time is bounded by the budget, not measured here (timings belong in npm run bench).
  const r = verify(loop("2147483648"), loop("2147483648", "-="));
  assert.equal(r.status, "unknown");
  assert.equal(r.equivalent, false);
  assert.match(r.reason!, /^AL6003 (memory|step) budget ran out/);
  assert.ok(r.stats.nodes <= MAX_NODES, `${r.stats.nodes} nodes`);
});

test("maxSteps: the step budget, also through s.verify()", () => {
  const a = loop("4096");
  const b = loop("4096", "-=");
  const r = verify(a, b, { maxSteps: 1000 });
  assert.equal(r.status, "unknown");
  assert.match(r.reason!, /^AL6003 step budget ran out: more than maxSteps = 1000 steps/);
  assert.match(r.reason!, /symbolic run of the first module/);
  const split = loop("4096");
  split.split("i", 4);
  assert.match(split.verify({ maxSteps: 1000 }).reason!, /^AL6003 step budget/);
  assert.equal(split.verify().status, "equivalent");
  // The same pair within budget gets its real verdict.
  assert.equal(verify(a, b, { maxSteps: 1e6 }).status, "not-equivalent");
});

test("timeoutMs: the time budget of a loop that creates no nodes", () => {
  const t0 = performance.now();
  const r = verify(loop("2147483648", "=", "A[1]"), loop("2147483647", "=", "A[1]"), {
    maxSteps: Number.POSITIVE_INFINITY,
    timeoutMs: 50,
  });
  assert.equal(r.status, "unknown");
  assert.match(r.reason!, /^AL6003 time budget ran out: timeoutMs = 50 ms/);
  assert.ok(performance.now() - t0 < 10_000);
});

test("signal: an aborted signal ends the proof as unknown", () => {
  const c = new AbortController();
  c.abort();
  const r = verify(loop("8"), loop("8", "-="), { signal: c.signal });
  assert.equal(r.status, "unknown");
  assert.match(r.reason!, /^AL6003 verification was aborted/);
});

test("a 10^10-element local is a memory budget, not an internal error", () => {
  const huge = (v: string) =>
    customize(
      `
function huge(A: int32<[8]>): int32<[8]> {
  const B: int32<[8]> = zeros();
  const L: int32<[100000, 100000]> = zeros();
  L[0][0] = A[0];
  B[0] = L[0][0] + ${v};
  return B;
}`,
      { name: "huge", file: "huge.ts" },
    );
  const r = verify(huge("1"), huge("2"));
  assert.equal(r.status, "unknown");
  assert.match(r.reason!, /^AL6003 memory budget ran out: buffer 'L' has 10000000000 elements/);
});

test("the node store stops at its limit with a budget error, not by exhausting memory", () => {
  const D = new Dag(0, 1 << 12);
  const t = D.types.id(intType(32));
  assert.throws(
    () => {
      for (let i = 0; i < 1 << 13; i++) D.konst(t, BigInt(i));
    },
    (e: unknown) => e instanceof BudgetExceeded && /4096 symbolic nodes/.test(e.message),
  );
  assert.equal(D.count, 1 << 12);
});

test("a budget option that is not a number >= 0 is a clear error (AL9001)", () => {
  const a = loop("8");
  for (const bad of [{ maxSteps: -1 }, { timeoutMs: Number.NaN }, { maxSteps: "10" }]) {
    assert.throws(
      () => verify(a, loop("8", "-="), bad as object),
      (e: unknown) =>
        e instanceof AlloError && e.code === "AL9001" && /must be a number >= 0/.test(e.message),
    );
  }
  assert.throws(
    () => verify(a, a, { signal: {} as AbortSignal }),
    (e: unknown) => e instanceof AlloError && /AbortSignal/.test(e.message),
  );
});
