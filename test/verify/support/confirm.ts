// Checks a verifier verdict against reality: a counterexample's inputs (other inputs random) must make
// the two modules, run on the CPU backend, compute different values for the reported output element,
// and the first module's value must be the one reported.
import assert from "node:assert/strict";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { type Schedule, verify } from "../../../src/index.ts";
import type { Module } from "../../../src/ir/nodes.ts";
import type { ElemType } from "../../../src/types/dtype.ts";
import type { VerifyResult } from "../../../src/verify/index.ts";
import { randomArgs } from "../../backends/mlir/inputs.ts";
import { cloneArgs } from "../../support/compare.ts";
import { rng } from "../../support/random.ts";

type Cell = number | bigint;
type Arr = { [i: number]: Cell; length: number };

function parseElement(name: string): { base: string; indices: number[] } {
  const m = /^([^[]+)((?:\[\d+\])*)$/.exec(name);
  if (!m) throw new Error(`cannot parse element name ${name}`);
  return { base: m[1], indices: [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1])) };
}

const flatOf = (shape: readonly number[], indices: readonly number[]) =>
  indices.reduce((acc, x, d) => acc * shape[d] + x, 0);

function put(a: Arr, i: number, v: Cell): void {
  a[i] = typeof a[i] === "bigint" ? BigInt(v) : Number(v);
}

/** The verifier reports fixed-point values raw (r meaning r / 2^F); the CPU boundary holds real values. */
const real = (t: ElemType, v: Cell): Cell => (t.kind === "fixed" ? Number(v) / 2 ** t.frac : v);

/** The counterexample of a not-equivalent verdict holds on the CPU backend (for three fillings of the rest). */
export function assertConfirmed(a: Module, b: Module, r: VerifyResult): void {
  assert.equal(r.status, "not-equivalent", r.reason);
  const c = r.counterexample;
  assert.ok(c?.inputs && c.values, `a counterexample with inputs: ${r.reason}`);
  const top = a.functions.find((f) => f.name === a.top)!;
  for (const seed of [1, 2, 3]) {
    const args = randomArgs(top, rng(seed)) as unknown[];
    for (const [name, v] of Object.entries(c.inputs)) {
      const { base, indices } = parseElement(name);
      const k = top.params.findIndex((p) => p.name === base);
      const p = top.params[k];
      if (p.kind === "scalar") args[k] = typeof args[k] === "bigint" ? BigInt(v) : Number(v);
      else put(args[k] as Arr, flatOf(top.buffers[base].shape, indices), real(top.buffers[base].type, v));
    }
    const name = c.output.replace(/\[.*/, "");
    const element = (m: Module): Cell => {
      const f = m.functions.find((x) => x.name === m.top)!;
      const xs = cloneArgs(args);
      const ret = compileCpu(m)(...xs);
      const rets = f.results.length === 1 ? [ret] : ((ret ?? []) as unknown[]);
      const k = top.params.findIndex((p) => p.name === name);
      const arr = (k >= 0 ? xs[k] : rets[top.results.indexOf(name)]) as Arr;
      return arr[flatOf(top.buffers[name].shape, c.indices)];
    };
    const va = element(a);
    const vb = element(b);
    assert.ok(!Object.is(va, vb), `${c.output}: both modules give ${String(va)} (seed ${seed})`);
    // 64-bit outputs come back as bigint: compare those exactly, not through a double.
    const want: string =
      typeof va === "bigint"
        ? String(c.values[0])
        : String(Number(real(top.buffers[name].type, c.values[0])));
    assert.equal(String(va), want, `${c.output} of the first module`);
  }
}

/** verify() finds a counterexample that holds on the CPU backend, with the schedules in either order. */
export function assertConfirmedBothWays(a: Schedule, b: Schedule): void {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ])
    assertConfirmed(x.ir, y.ir, verify(x, y));
}
