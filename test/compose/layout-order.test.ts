// Layout inference does not depend on the order of the steps: on random sets of partitions, stated in the
// caller or composed from the callees' own schedules, every order in which all steps are accepted ends
// with the same layout for every buffer of the seed's top2 (a step refused with AL3402 in one order is the
// documented "state the join first" case, and that order is not compared).
import assert from "node:assert/strict";
import { test } from "node:test";
import { AlloError, customize, type Schedule } from "../../src/index.ts";
import { rng } from "../support/random.ts";
import { matmul, top2 } from "./fixtures/seed.ts";

type Opts = NonNullable<Parameters<Schedule["partition"]>[1]>;
interface Req {
  /** "top" for a step of top2's own schedule, else the instance id whose schedule is composed. */
  readonly via: "top" | "mm1" | "mm2";
  readonly buf: string;
  readonly opts: Opts;
}

const BUFFERS = ["Y", "X", "Z", "matmul_mm1:A", "matmul_mm1:C", "matmul_mm2:A", "matmul_mm2:C", "W_A"];

function randomReqs(r: () => number): Req[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const n = 2 + Math.floor(r() * 3);
  return Array.from({ length: n }, (): Req => {
    const via = pick(["top", "mm1", "mm2"] as const);
    const buf = via === "top" ? pick(["Y", "X", "Z"]) : pick(["A", "C"]);
    const type = pick(["complete", "cyclic", "block"] as const);
    const opts: Opts = { type, dim: pick([1, 2]), factor: pick([2, 4, 8]) };
    return { via, buf, opts };
  });
}

/** The layouts after applying `reqs` in this order, or undefined when a step is refused. */
function layoutsAfter(reqs: readonly Req[]): string[] | undefined {
  const s = customize(top2);
  try {
    for (const q of reqs) {
      if (q.via === "top") s.partition(q.buf, q.opts);
      else s.compose(customize(matmul).partition(q.buf, q.opts), { id: q.via });
    }
  } catch (e) {
    if (e instanceof AlloError) return undefined;
    throw e;
  }
  return BUFFERS.map((b) => s.layout(b));
}

function shuffled<T>(xs: readonly T[], r: () => number): T[] {
  const out = [...xs];
  for (let k = out.length - 1; k > 0; k--) {
    const j = Math.floor(r() * (k + 1));
    [out[k], out[j]] = [out[j], out[k]];
  }
  return out;
}

test("every order of the same partitions that is accepted infers the same layouts", () => {
  const r = rng(2026);
  let compared = 0;
  let refusedSomewhere = 0;
  let propagated = 0;
  for (let c = 0; c < 30; c++) {
    const reqs = randomReqs(r);
    const results = [reqs, [...reqs].reverse(), shuffled(reqs, r), shuffled(reqs, r)].map(layoutsAfter);
    const accepted = results.filter((x): x is string[] => x !== undefined);
    if (accepted.length < results.length) refusedSomewhere++;
    // Y is bound to matmul_mm1:C and matmul_mm2:A: a layout stated on one side shows on the others.
    if (accepted[0] && accepted[0][0] !== "[none, none]" && accepted[0][0] === accepted[0][4]) propagated++;
    for (const other of accepted.slice(1)) {
      assert.deepEqual(other, accepted[0], JSON.stringify(reqs));
      compared++;
    }
  }
  // Not vacuous: many orders were compared, layouts crossed calls, and some sets hit a refusal.
  assert.ok(compared >= 40, `only ${compared} comparisons`);
  assert.ok(propagated > 0, "no accepted case propagated a layout across a call");
  assert.ok(refusedSomewhere > 0, "no case exercised a refused step");
});
