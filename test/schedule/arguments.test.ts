// Bad arguments to every primitive of the registry: null, undefined, {}, [], wrong types, NaN, -1, 0.5
// and unknown option keys in every position give a coded AlloError at the user's call (never a
// TypeError), and the schedule is left as it was.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AlloError, customize, type Schedule } from "../../src/index.ts";
import type { Param } from "../../src/schedule/params.ts";
import { PRIMITIVES, type PrimitiveName } from "../../src/schedule/registry.ts";
import { gemm, mm } from "./kernels.ts";
import { conv, twoBands } from "./memory/kernels.ts";

/** A kernel and valid arguments for each primitive (made on the fresh schedule). */
const VALID: Record<PrimitiveName, readonly [Function, (s: Schedule) => unknown[]]> = {
  split: [gemm, () => ["i", 2]],
  reorder: [gemm, () => ["k", "j"]],
  fuse: [gemm, () => ["i", "j"]],
  unroll: [gemm, () => ["k", 2]],
  pipeline: [gemm, () => ["j", { ii: 1, rewind: true }]],
  parallel: [gemm, () => ["i"]],
  dataflow: [gemm, () => ["gemm"]],
  inline: [gemm, () => ["gemm"]],
  partition: [gemm, () => ["A", { type: "cyclic", dim: 1, factor: 2 }]],
  bindStorage: [gemm, () => ["A", { impl: "bram", type: "ram_2p", latency: 2 }]],
  reshape: [gemm, () => ["A", [2, 4, 6]]],
  bufferAt: [gemm, () => ["C", "j"]],
  reuseAt: [conv, () => ["A", "y"]],
  computeAt: [twoBands, () => ["j", "jj"]],
  unfold: [mm, () => ["PE", { axis: [0, 1], factor: [6, 4] }]],
  relay: [mm, (s) => relayArgs(s)],
};

/** A per-PE copy of A in an unfolded PE array: what relay streams. */
function relayArgs(s: Schedule): unknown[] {
  const buf = s.bufferAt("A", "j");
  return [buf, s.unfold("PE", { axis: [0, 1] }), { axis: 0, depth: 2 }];
}

const WRONG: readonly unknown[] = [null, {}, [], true, () => 0, Symbol.for("x"), 10n];
const NUMBERS: readonly unknown[] = [Number.NaN, -1, 0.5, Infinity];
const STRINGS: readonly unknown[] = ["", "nope"];

/** Calls `prim` with argument `k` replaced by `v` on a fresh schedule; returns the error it throws. */
function misuse(prim: PrimitiveName, k: number, v: unknown): AlloError {
  const [kernel, valid] = VALID[prim];
  const s = customize(kernel);
  const args = valid(s);
  args[k] = v;
  const before = s.ir;
  const count = s.steps.length;
  try {
    (s[prim] as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    assert.ok(e instanceof AlloError, `${prim} argument ${k + 1} = ${String(v)}: ${e}`);
    assert.match(e.code, /^AL\d{4}$/);
    assert.equal(s.ir, before);
    assert.equal(s.steps.length, count);
    assert.match(e.message, /^test\/schedule\/arguments\.test\.ts:\d+:\d+/, e.message);
    return e;
  }
  assert.fail(`${prim} argument ${k + 1} = ${String(v)} was accepted`);
}

test("every primitive of the registry has valid arguments in this table, and they apply", () => {
  assert.deepEqual(Object.keys(VALID).sort(), Object.keys(PRIMITIVES).sort());
  for (const prim of Object.keys(VALID) as PrimitiveName[]) {
    const [kernel, valid] = VALID[prim];
    const s = customize(kernel);
    (s[prim] as (...a: unknown[]) => unknown)(...valid(s));
  }
});

for (const prim of Object.keys(VALID) as PrimitiveName[]) {
  test(`${prim}: every argument refuses null, undefined, {}, [], wrong types and bad numbers`, () => {
    const params: readonly Param[] = PRIMITIVES[prim].params;
    const [kernel, valid] = VALID[prim];
    valid(customize(kernel)).forEach((good, k) => {
      const p = params[Math.min(k, params.length - 1)];
      const kind = p.kind.t;
      const optional = p.optional || p.default !== undefined;
      const wrong = WRONG.filter((v) => kind !== "options" || !optional || !isEmptyObject(v));
      if (!optional) wrong.push(undefined);
      if (kind === "int") wrong.push("2");
      else if (kind !== "options") wrong.push(3, ...NUMBERS);
      for (const v of wrong) {
        const e = misuse(prim, k, v);
        if (kind !== "options" || (v !== null && typeof v === "object")) continue;
        assert.equal(e.code, "AL3019", `${prim} argument ${k + 1} = ${String(v)}: ${e.message}`);
      }
      for (const v of kind === "int" ? NUMBERS : kind === "options" ? [] : STRINGS) misuse(prim, k, v);
      if (kind === "options") optionsMisuse(prim, k, good as Record<string, unknown>);
    });
  });
}

const isEmptyObject = (v: unknown) =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;

/** Every option of a valid options object set to bad values, and an unknown key (AL3020). */
function optionsMisuse(prim: PrimitiveName, k: number, good: Record<string, unknown>): void {
  const unknown = misuse(prim, k, { ...good, bogus: 1 });
  assert.equal(unknown.code, "AL3020");
  assert.match(unknown.message, new RegExp(`${prim}: unknown option 'bogus'; the options are `));
  for (const key of Object.keys(good)) {
    for (const v of [null, "x", {}, [], [null], ...NUMBERS]) {
      const e = misuse(prim, k, { ...good, [key]: v });
      if (typeof v !== "number") assert.equal(e.code, "AL3019", `${prim} option ${key} = ${String(v)}`);
    }
  }
}

test("messages say what is expected", () => {
  const e = (f: (s: Schedule) => unknown, kernel: Function = gemm) => {
    const s = customize(kernel);
    try {
      f(s);
    } catch (x) {
      return (x as AlloError).message.split("\n")[0].replace(/^\S+ - /, "");
    }
    return "";
  };
  assert.equal(
    e((s) => s.split(null as never, 4)),
    'error AL3019: split: loop must be a loop name ("i", "gemm:j", "i.outer") or a loop handle from split, fuse or getLoops(); got null',
  );
  assert.equal(
    e((s) => s.reshape("A", "8x8" as never)),
    'error AL3019: reshape: shape must be a list of integers, like [2, 16, 32]; got the string "8x8"',
  );
  assert.equal(
    e((s) => s.unfold("PE", {} as never), mm),
    "error AL3019: unfold: options needs 'axis' (an integer or a list of integers)",
  );
  assert.equal(
    e((s) => s.pipeline("j", "2" as never)),
    'error AL3019: pipeline: options must be an options object (or a number for ii) with { ii: an integer; rewind: true or false }; got the string "2"',
  );
});
