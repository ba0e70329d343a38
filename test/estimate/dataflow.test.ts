// Dataflow regions and PE arrays (csynth-equivalent): FIFO-connected processes start together, a
// ping-pong buffer makes its consumer wait for its producer, the interval is the slowest process + 1.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "allo-ts";
import { type Process, regionTiming } from "../../src/estimate/dataflow.ts";
import { seedSystolic } from "../verify/support/systolic.ts";

const proc = (
  latency: number,
  io: Partial<Record<"reads" | "writes" | "gets" | "puts", string[]>>,
): Process => ({
  latency,
  interval: latency,
  reads: new Set(io.reads),
  writes: new Set(io.writes),
  gets: new Set(io.gets),
  puts: new Set(io.puts),
});

test("region timing: FIFO edges start together, PIPO edges serialize, interval = slowest + intervalExtra", () => {
  const fifo = regionTiming([proc(100, { puts: ["f"] }), proc(120, { gets: ["f"] })], 1);
  assert.deepEqual(fifo, { latency: 120, interval: 121 });
  const pipo = regionTiming([proc(100, { writes: ["T"] }), proc(120, { reads: ["T"] })], 1);
  assert.deepEqual(pipo, { latency: 220, interval: 121 });
  // A FIFO cycle (PEs passing values both ways) settles; an array many processes write has no order.
  const ring = regionTiming(
    [proc(10, { puts: ["a"], gets: ["b"] }), proc(30, { puts: ["b"], gets: ["a"] })],
    1,
  );
  assert.equal(ring.latency, 30);
  const shared = regionTiming(
    [proc(10, { writes: ["C"] }), proc(20, { writes: ["C"] }), proc(5, { reads: ["C"] })],
    1,
  );
  assert.equal(shared.latency, 20);
});

const TWO_STAGE = `
import { type float32, range, zeros } from "allo-ts";
export function two(A: float32<[256]>): float32<[256]> {
  const T: float32<[256]> = zeros();
  for (const i of range(256)) T[i] = A[i] * 3.0;
  const B: float32<[256]> = zeros();
  for (const i of range(256)) B[i] = T[i] + 1.0;
  return B;
}`;

test("a dataflow function: its stages overlap across invocations (interval < latency) but not within one", () => {
  const seq = customize(TWO_STAGE, { name: "two" }).estimate({ wrapIo: false });
  const s = customize(TWO_STAGE, { name: "two" });
  s.dataflow("two");
  const df = s.estimate({ wrapIo: false });
  assert.equal(df.dataflow, true);
  assert.ok(df.interval < df.latency, `${df.interval} < ${df.latency}`);
  assert.equal(seq.interval, seq.latency + 1);
  assert.ok(df.latency <= seq.latency + 8, "PIPO order keeps the stages in sequence");
});

test("a 4x4 PE array: the PEs run together, so the region takes about one PE, not the sum of all", () => {
  const size = 4;
  const s = seedSystolic(size);
  const e = s.estimate({ wrapIo: false });
  const top = e.loops.filter((l) => l.depth === 0);
  const peRows = top.filter((l) => /^l_S_k_0_/.test(l.label));
  assert.equal(peRows.length, size * size);
  const sum = top.reduce((t, l) => t + l.latency, 0);
  assert.ok(e.latency < sum / 4, `${e.latency} vs sum of rows ${sum}`);
  assert.ok(e.latency >= Math.max(...peRows.map((l) => l.latency)));
  assert.ok(e.resources.dsp >= size * size, "every PE has its own MAC");
});
