// Shared by the native-target tests: whether a C++ compiler is here (the tests skip with a message when
// not), the cases every native test set runs (each with its CPU-backend result), and the comparison:
// exact, except kernels calling libm functions (exp, log, ...), whose last bit V8 and glibc may round
// differently, compared within 4 float32 ulps.
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { findTool } from "../../../src/backends/hls/tools.ts";
import type { Module } from "../../../src/ir/nodes.ts";
import { visitExprs } from "../../../src/ir/walk.ts";
import { assertSameOutputs, cloneArgs } from "../../support/compare.ts";

export const COMPILER = findTool("g++") ?? findTool("clang++");
export const SKIP = COMPILER
  ? false
  : "no C++ compiler (g++ or clang++) on PATH: the native targets cannot be tested here";

const LIBM = new Set(["exp", "log", "log2", "log10", "sin", "cos", "tan", "tanh", "pow"]);

export function usesLibm(m: Module): boolean {
  let found = false;
  for (const f of m.functions)
    visitExprs(f.body, (e) => void (found ||= e.kind === "intrinsic" && LIBM.has(e.fn)));
  return found;
}

export interface Case {
  readonly name: string;
  readonly module: Module;
  readonly args: readonly unknown[];
}

/** What a call returns followed by every argument after it (output parameters updated in place). */
export function outputs(run: (...a: unknown[]) => unknown, args: readonly unknown[]): unknown[] {
  const mine = cloneArgs(args);
  return [run(...mine), ...mine];
}

/** Within 4 ulps of a float32 (the coarsest float a kernel returns here; float16 goes through float32). */
const close = (x: number, y: number): boolean =>
  Object.is(x, y) || Math.abs(x - y) <= 4 * 2 ** -23 * Math.abs(x);

function assertClose(actual: readonly unknown[], expected: readonly unknown[], what: string): void {
  const flat = (xs: readonly unknown[]) =>
    xs.flatMap((x) => (x !== null && typeof x === "object" ? Array.from(x as ArrayLike<unknown>) : [x]));
  const [a, e] = [flat(actual), flat(expected)];
  if (a.length !== e.length) throw new Error(`${what}: ${a.length} output values, expected ${e.length}`);
  e.forEach((x, i) => {
    const y = a[i];
    const ok = typeof x === "number" && typeof y === "number" ? close(x, y) : x === y;
    if (!ok)
      throw new Error(`${what}: output value ${i} is ${String(y)}, expected ${String(x)} (within 4 ulps)`);
  });
}

/** Each case's outputs on `runs[k]` equal the CPU backend's. */
export function assertLikeCpu(cases: readonly Case[], runs: readonly ((...a: unknown[]) => unknown)[]): void {
  cases.forEach((c, k) => {
    const want = outputs(compileCpu(c.module), c.args);
    const got = outputs(runs[k], c.args);
    if (usesLibm(c.module)) assertClose(got, want, c.name);
    else assertSameOutputs(got, want, c.name);
  });
}
