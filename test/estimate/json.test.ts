// Estimates are data: `JSON.stringify(est)` round-trips every number of the estimate (latency, interval,
// loop rows, resources, the cosim-like timing, the process graph, the profile), non-finite numbers by
// name as verify results write them, while the estimate itself stays an Estimate.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Estimate } from "../../src/estimate/index.ts";
import { seedSystolic } from "../verify/support/systolic.ts";
import { gemmBuffered } from "./kernels.ts";

test("JSON.stringify of an estimate round-trips its numbers, rows, graph and profile", () => {
  for (const s of [gemmBuffered(32), seedSystolic(4)]) {
    const est = s.estimate();
    const back = JSON.parse(JSON.stringify(est));
    const { latency, interval, loops, resources, profile, cosim, graph, notes, top, dataflow } = est;
    assert.deepEqual(
      back,
      JSON.parse(
        JSON.stringify({ top, latency, interval, loops, resources, profile, dataflow, notes, cosim, graph }),
      ),
    );
    assert.equal(back.latency, est.latency);
    assert.deepEqual(
      back.loops,
      loops.map((r) => ({ ...r })),
    );
    assert.deepEqual(back.resources, { ...resources });
    assert.deepEqual(back.graph, graph);
    assert.match(String(est), /^== allo-ts estimate of/, "the estimate is still an Estimate");
  }
});

test("a non-finite number in an estimate is written by name, not as null", () => {
  const e = seedSystolic(2).estimate();
  const odd = new Estimate(
    e.top,
    Number.POSITIVE_INFINITY,
    Number.NaN,
    e.loops,
    e.resources,
    e.profile,
    e.dataflow,
    e.notes,
  );
  const back = JSON.parse(JSON.stringify(odd));
  assert.equal(back.latency, "Infinity");
  assert.equal(back.interval, "NaN");
});
