// The native target equals the CPU backend bit for bit on the whole corpus, the hand-built modules,
// kernels under random schedules from the schedule fuzzer, and random typed expressions over every
// dtype (integers of 1..512 bits, fixed point, float16/32/64 with NaN, infinities and -0), all in one
// translation unit: one compile for the whole file. PE arrays and regions run as sequential code where
// the sequentializing pass proves a static schedule (NATIVE_PASSES), and as coroutines where it does not.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { compileNative } from "../../../src/backends/native/index.ts";
import { NATIVE_PASSES } from "../../../src/backends/native/passes.ts";
import { customize, Schedule } from "../../../src/index.ts";
import type { Module } from "../../../src/ir/nodes.ts";
import { runPasses } from "../../../src/ir/passes/pass.ts";
import { visitStmts } from "../../../src/ir/walk.ts";
import { CASES } from "../../corpus/cases.ts";
import { type FuzzKernel, randomSchedule } from "../../schedule/fuzz/generate.ts";
import * as fk from "../../schedule/fuzz/kernels.ts";
import * as k from "../../schedule/kernels.ts";
import { rng } from "../../support/random.ts";
import { inputValues, randomExpressionKernel, toArray } from "../cpu/gen.ts";
import { randomArgs } from "../mlir/inputs.ts";
import { MODULES } from "../mlir/modules.ts";
import { assertLikeCpu, type Case, SKIP, usesLibm } from "./support.ts";

const cacheDir = mkdtempSync(join(tmpdir(), "allo-native-"));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

const topOf = (m: Module) => m.functions.find((f) => f.name === m.top)!;
const withArgs = (name: string, m: Module, seed: number): Case => ({
  name,
  module: m,
  args: randomArgs(topOf(m), rng(seed)),
});
/** Whether the module has streams or regions left after the native target's passes. */
const leftAfterPasses = (m: Module): boolean => streamsOrRegions(runPasses(NATIVE_PASSES, m).module);

function streamsOrRegions(m: Module): boolean {
  let region = false;
  for (const f of m.functions) visitStmts(f.body, (st) => void (region ||= st.kind === "spatial"));
  return region || m.functions.some((f) => Object.values(f.buffers).some((b) => b.stream));
}

/** A top taking a stream, which no host call can feed (AL5007 on every backend). */
const takesStream = (m: Module): boolean => {
  const top = topOf(m);
  return top.params.some((p) => p.kind === "buffer" && top.buffers[p.name].stream !== undefined);
};

const FUZZ: readonly FuzzKernel[] = [
  { kernel: k.gemm, ordered: ["k"], parallel: ["i", "j"] },
  { kernel: k.stencil, ordered: [], parallel: ["i", "j"] },
  { kernel: k.tri, ordered: [], parallel: ["i", "j"] },
  { kernel: k.caller, ordered: [], parallel: ["i", "j"] },
  { kernel: fk.conv1d, ordered: ["r"], parallel: ["i"] },
  { kernel: fk.matvec, ordered: ["j"], parallel: ["i"] },
  { kernel: fk.mix, ordered: [], parallel: ["i", "j"] },
  { kernel: fk.bmm, ordered: [], parallel: ["b", "i", "j"] },
];

/**
 * Kernels under seeded random schedules (1 to 6 primitives), split by whether their regions stay
 * regions (coroutines) after the native passes.
 */
function scheduled(): { sequential: Case[]; coroutines: Case[] } {
  const sequential: Case[] = [];
  const coroutines: Case[] = [];
  for (let seed = 1; seed <= 32; seed++) {
    const c = FUZZ[seed % FUZZ.length];
    const s = new Schedule(customize(c.kernel).ir);
    randomSchedule(s, c, rng(seed), 1 + (seed % 6));
    const run = withArgs(`schedule seed ${seed}: ${s.trace()}`, s.ir, seed);
    (leftAfterPasses(s.ir) ? coroutines : sequential).push(run);
  }
  return { sequential, coroutines };
}

/** `C[i] = cast(expr)` over random typed expressions; libm-calling ones are left to the corpus. */
function expressions(): Case[] {
  const out: Case[] = [];
  const N = 24;
  for (let seed = 1; out.length < 64; seed++) {
    const r = rng(seed);
    const { module: m, inputs, out: res } = randomExpressionKernel(r, `expr${seed}`, N);
    if (usesLibm(m)) continue;
    const args = [
      ...inputs.map((b) => toArray(inputValues(b.type, r, N), b.type)),
      toArray(Array(N).fill(0), res.type),
    ];
    out.push({ name: `expression seed ${seed}`, module: m, args });
  }
  return out;
}

test("native equals the CPU backend on the corpus, hand-built modules, random schedules and typed expressions", {
  skip: SKIP,
}, () => {
  const corpus = CASES.map((c) => ({
    name: c.name,
    module: customize(c.kernel, c.options).ir,
    args: c.inputs(rng(7)),
  }));
  const hand = Object.entries(MODULES)
    .map(([name, make]) => ({ name, m: make() }))
    .filter(({ m }) => !takesStream(m))
    .map(({ name, m }) => withArgs(`module ${name}`, m, 9));
  const { sequential, coroutines } = scheduled();
  const cases = [...corpus, ...hand, ...sequential, ...coroutines, ...expressions()];
  const runs = compileNative(
    cases.map((c) => c.module),
    { cacheDir },
  );
  assertLikeCpu(cases, runs);
  assert.ok(sequential.length >= 16, `only ${sequential.length} random schedules without streams`);
  const regions = [...hand, ...sequential].filter((c) => streamsOrRegions(c.module)).length;
  assert.ok(regions >= 2, `only ${regions} PE arrays or regions ran as sequential code`);
  // coroutines.test.ts has the dataflow regions no static schedule covers; here one random schedule.
  const left = [...hand, ...coroutines].filter((c) => leftAfterPasses(c.module)).length;
  assert.ok(left >= 1, "no PE array or region ran as coroutines");
});
