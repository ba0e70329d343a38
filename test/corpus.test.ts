// Every corpus kernel, compiled through the public API and run on the CPU backend on seeded random
// inputs, must equal its independent plain-JS reference exactly.
import { test } from "node:test";
import { compileCpu } from "../src/backends/cpu/index.ts";
import { customize } from "../src/index.ts";
import { CASES } from "./corpus/cases.ts";
import { assertSameOutputs, cloneArgs } from "./support/compare.ts";
import { rng } from "./support/random.ts";

for (const c of CASES) {
  test(`corpus ${c.name} on the CPU backend matches its reference`, () => {
    const run = compileCpu(customize(c.kernel, c.options).ir);
    for (const seed of [1, 2, 3]) {
      const args = c.inputs(rng(seed));
      const expected = c.reference(...cloneArgs(args));
      const ret = run(...args);
      const actual = [...(ret === undefined ? [] : [ret]), ...(c.outputs ?? []).map((i) => args[i])];
      assertSameOutputs(actual, expected, `${c.name} (seed ${seed})`);
    }
  });
}
