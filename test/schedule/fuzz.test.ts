// Differential schedule fuzzer: seeded random schedules of 1 to 6 primitives (loop, memory and
// spatial) over a corpus of kernels must run bit-identically to the unscheduled kernel on the CPU
// backend, and their printed traces must replay to the same IR. A failure prints the seed and trace.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../src/backends/cpu/index.ts";
import { printMlir } from "../../src/backends/mlir/print.ts";
import { customize, Schedule } from "../../src/index.ts";
import { randomArgs } from "../backends/mlir/inputs.ts";
import { assertSameOutputs, cloneArgs } from "../support/compare.ts";
import { rng } from "../support/random.ts";
import { type FuzzKernel, randomSchedule } from "./fuzz/generate.ts";
import * as fk from "./fuzz/kernels.ts";
import * as k from "./kernels.ts";

const CORPUS: readonly FuzzKernel[] = [
  { kernel: k.gemm, ordered: ["k"], parallel: ["i", "j"] },
  { kernel: k.mm, ordered: [], parallel: ["i", "j"] },
  { kernel: k.stencil, ordered: [], parallel: ["i", "j"] },
  { kernel: k.twoStage, ordered: [], parallel: ["i", "j"] },
  { kernel: k.tri, ordered: [], parallel: ["i", "j"] },
  { kernel: k.rowsum, ordered: [], parallel: ["i"] },
  { kernel: k.caller, ordered: [], parallel: ["i", "j"] },
  { kernel: fk.conv1d, ordered: ["r"], parallel: ["i"] },
  { kernel: fk.matvec, ordered: ["j"], parallel: ["i"] },
  { kernel: fk.permute, ordered: [], parallel: ["i", "j", "k"] },
  { kernel: fk.smooth, ordered: [], parallel: ["i", "j"] },
  { kernel: fk.mix, ordered: [], parallel: ["i", "j"] },
  { kernel: fk.bmm, ordered: [], parallel: ["b", "i", "j"] },
  { kernel: fk.prodcons, ordered: [], parallel: ["i", "j"] },
];

const CASES = 520;

test(`${CASES} random schedules run bit-identically to their kernels and replay from their traces`, () => {
  const base = CORPUS.map((c) => {
    const s = customize(c.kernel);
    return { c, module: s.ir, run: compileCpu(s.ir) };
  });
  const used = new Map<string, number>();
  for (let seed = 1; seed <= CASES; seed++) {
    const { c, module, run } = base[seed % base.length];
    const r = rng(seed);
    const s = new Schedule(module);
    const where = () => `seed ${seed}, kernel ${module.top}, schedule:\n${s.trace()}`;
    try {
      randomSchedule(s, c, r, 1 + Math.floor(r() * 6));
      for (const st of s.steps) used.set(st.prim, (used.get(st.prim) ?? 0) + 1);
      const top = module.functions.find((f) => f.name === module.top)!;
      const args = randomArgs(top, rng(seed));
      const x = cloneArgs(args);
      const y = cloneArgs(args);
      const want = run(...x);
      const got = compileCpu(s.ir)(...y);
      assertSameOutputs([got, ...y], [want, ...x], "outputs");
      const replay = new Schedule(module);
      new Function("s", s.trace())(replay);
      assert.equal(printMlir(replay.ir), printMlir(s.ir), "replayed trace");
    } catch (e) {
      assert.fail(`${where()}${(e as Error).stack ?? e}`);
    }
  }
  const missing = [
    "split",
    "reorder",
    "fuse",
    "unroll",
    "pipeline",
    "parallel",
    "dataflow",
    "inline",
    "partition",
    "reshape",
    "bufferAt",
    "reuseAt",
    "computeAt",
    "unfold",
    "relay",
  ].filter((p) => !used.has(p));
  assert.deepEqual(missing, [], `primitives never applied: ${[...used].join(", ")}`);
});
