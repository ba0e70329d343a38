// Budgets of CPU runs (api.md section 3): maxSteps and timeoutMs stop an endless while (AL5011 /
// AL5012 naming the kernel and the loop with its source line), the step count is exact (a run of
// exactly maxSteps iterations completes), stream regions are stopped too, an aborted signal is AL5012,
// and without options the generated code holds no counting at all.
import assert from "node:assert/strict";
import { test } from "node:test";
import { build } from "../../../src/api/build.ts";
import { AlloError } from "../../../src/diagnostics/error.ts";
import { customize } from "../../../src/index.ts";
import { cloneArgs } from "../../support/compare.ts";
import { rng } from "../../support/random.ts";
import { ENDLESS } from "../hls/endless.ts";
import { PRIMITIVES, scheduled } from "../hls/scheduled.ts";
import { randomArgs } from "../mlir/inputs.ts";

const GRID = `import { int32, range } from "allo-ts";
export function grid3(A: int32<[10, 10]>): void {
  for (const i of range(10)) {
    for (const j of range(10)) {
      A[i][j] = i + j;
    }
  }
}`;

function budgetError(fn: () => unknown, code: string, text: RegExp): AlloError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof AlloError, `expected ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.match(caught.text, text);
  return caught;
}

test("an endless while stops with AL5011 past maxSteps, naming the kernel and the loop's line", () => {
  const run = customize(ENDLESS, { name: "spin" }).build({ maxSteps: 100_000 });
  const e = budgetError(
    () => run(new Int32Array(1)),
    "AL5011",
    /'spin' ran past maxSteps = 100000.*while loop of 'spin'/,
  );
  assert.equal(e.span?.line, 4);
});

test("an endless while stops with AL5012 past timeoutMs", () => {
  const run = build(customize(ENDLESS, { name: "spin" }).ir, { timeoutMs: 50 });
  const t0 = Date.now();
  budgetError(() => run(new Int32Array(1)), "AL5012", /'spin' ran past timeoutMs = 50 ms.*while loop/);
  assert.ok(Date.now() - t0 < 2000);
});

test("maxSteps counts every loop iteration exactly: 110 runs, 109 is AL5011 in loop 'j'", () => {
  const s = customize(GRID, { name: "grid3" });
  const A = new Int32Array(100);
  s.build({ maxSteps: 110 })(A);
  assert.equal(A[99], 18);
  budgetError(() => s.build({ maxSteps: 109 })(A), "AL5011", /loop 'j' of 'grid3'/);
});

test("an aborted signal is AL5012 before the kernel runs", () => {
  const c = new AbortController();
  c.abort();
  const run = customize(GRID, { name: "grid3" }).build({ signal: c.signal });
  budgetError(() => run(new Int32Array(100)), "AL5012", /signal was aborted/);
});

test("every scheduled kernel (jammed loops, PE arrays, stream regions) respects maxSteps and still agrees", () => {
  for (const p of Object.keys(PRIMITIVES)) {
    const module = scheduled(p).ir;
    const top = module.functions.find((f) => f.name === module.top);
    assert.ok(top);
    const args = randomArgs(top, rng(3));
    const [a, b] = [cloneArgs(args), cloneArgs(args)];
    const free = build(module)(...a);
    const counted = build(module, { maxSteps: 1e9 })(...b);
    assert.deepEqual([counted, b], [free, a], p);
    budgetError(() => build(module, { maxSteps: 3 })(...cloneArgs(args)), "AL5011", /ran past maxSteps = 3/);
  }
});

test("without budget options the generated code has no counting; bad options are AL9001", () => {
  const ir = customize(ENDLESS, { name: "spin" }).ir;
  assert.doesNotMatch(build(ir).source, /B\.n|B\.check|rt\.b/);
  assert.match(build(ir, { maxSteps: 5 }).source, /B\.check/);
  for (const bad of [{ maxSteps: -1 }, { maxSteps: 1.5 }, { timeoutMs: Number.NaN }]) {
    assert.throws(
      () => build(ir, bad),
      (e: unknown) => e instanceof AlloError && e.code === "AL9001",
    );
  }
});
