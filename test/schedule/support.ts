// Shared checks for schedule tests: before/after MLIR goldens, bit-exact runs of a scheduled module
// against its unscheduled kernel on the CPU backend, trace replay, and caught errors.
import assert from "node:assert/strict";
import { compileCpu } from "../../src/backends/cpu/index.ts";
import { printMlir } from "../../src/backends/mlir/print.ts";
import { AlloError } from "../../src/diagnostics/error.ts";
import { customize, type Schedule } from "../../src/index.ts";
import type { Module } from "../../src/ir/nodes.ts";
import { randomArgs } from "../backends/mlir/inputs.ts";
import { assertSameOutputs, cloneArgs } from "../support/compare.ts";
import { assertGolden } from "../support/golden.ts";
import { rng } from "../support/random.ts";

/** Runs both modules on the same seeded inputs; the return value and every argument must match bit for bit. */
export function assertSameRun(original: Module, scheduled: Module, what: string, seeds = [1, 2]): void {
  const top = original.functions.find((f) => f.name === original.top)!;
  const a = compileCpu(original);
  const b = compileCpu(scheduled);
  for (const seed of seeds) {
    const args = randomArgs(top, rng(seed));
    const x = cloneArgs(args);
    const y = cloneArgs(args);
    const ra = a(...x);
    const rb = b(...y);
    assertSameOutputs([rb, ...y], [ra, ...x], `${what} (seed ${seed})`);
  }
}

/** test/golden/schedule/<name>.mlir: the IR before and after the schedule, headed by its trace. */
export function assertStepsGolden(name: string, s: Schedule): void {
  const text = `// before\n${printMlir(s.original)}// after\n${s.trace("// s")}${printMlir(s.ir)}`;
  assertGolden(`schedule/${name}.mlir`, text);
}

/** Applies `steps` to a fresh schedule of `kernel`, checks the goldens and the run, returns the schedule. */
export function scheduled(name: string, kernel: Function, steps: (s: Schedule) => void): Schedule {
  const s = customize(kernel);
  steps(s);
  assertStepsGolden(name, s);
  assertSameRun(s.original, s.ir, name);
  assertReplays(kernel, s);
  return s;
}

/**
 * Replaying the printed trace on a fresh schedule gives the same module, and so does replaying the
 * steps as JSON data (`s.replay(JSON.parse(JSON.stringify(s.steps)))`).
 */
export function assertReplays(kernel: Function, s: Schedule): void {
  const fresh = customize(kernel);
  new Function("s", s.trace())(fresh);
  assert.equal(printMlir(fresh.ir), printMlir(s.ir), `replaying\n${s.trace()}`);
  const json = JSON.stringify(s.steps);
  const data = customize(kernel).replay(JSON.parse(json));
  assert.equal(printMlir(data.ir), printMlir(s.ir), `replaying the steps as data\n${json}`);
  assert.equal(data.steps.length, s.steps.length);
}

/** The AlloError `f` throws (failing when it throws nothing or something else). */
export function caught(f: () => unknown): AlloError {
  try {
    f();
  } catch (e) {
    if (e instanceof AlloError) return e;
    throw e;
  }
  assert.fail("expected an AlloError");
}
