// The cosim-like dataflow timing, rule by rule: FIFO consumers start at the producer's first token and
// end after its last (fill and drain), the slower side sets the rate, a shallow FIFO holds a fast
// producer back (back-pressure), ping-pong consumers wait for the producer; and on whole designs: a PE
// array's wavefront costs more than csynth's start-together view, a design without regions has none.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "allo-ts";
import { bertFfn } from "../../examples/bert-ffn.ts";
import { type CosimProcess, cosimTiming } from "../../src/estimate/cosim.ts";
import { seedSystolic } from "../verify/support/systolic.ts";

const proc = (
  stream: CosimProcess["stream"],
  io: Partial<Record<"reads" | "writes" | "gets" | "puts", string[]>>,
): CosimProcess => {
  const latency = stream.offset + stream.ii * (stream.trip - 1) + stream.il;
  return {
    latency,
    interval: latency,
    stream,
    reads: new Set(io.reads),
    writes: new Set(io.writes),
    gets: new Set(io.gets),
    puts: new Set(io.puts),
  };
};
const depth = (d: number) => () => d;

test("a FIFO chain: the consumer streams from the producer's first token and drains after its last", () => {
  const p = proc({ offset: 2, trip: 100, ii: 1, il: 5 }, { puts: ["f"] });
  const c = proc({ offset: 2, trip: 100, ii: 1, il: 5 }, { gets: ["f"] });
  const t = cosimTiming([p, c], depth(2), 1);
  // Producer: first read at 2, first token at 7; the consumer streams 7..106 and ends at 111.
  assert.deepEqual(t, { latency: 111, interval: 1 + 111 });
});

test("the slower side sets the rate: a slow producer delays the consumer's end, not only its start", () => {
  const slow = proc({ offset: 0, trip: 100, ii: 4, il: 3 }, { puts: ["f"] });
  const fast = proc({ offset: 0, trip: 100, ii: 1, il: 3 }, { gets: ["f"] });
  const t = cosimTiming([slow, fast], depth(2), 0);
  // The last token leaves the producer at 396 + 3; the consumer ends IL later.
  assert.equal(t.latency, 396 + 3 + 3);
});

test("FIFO depth: a fast producer feeding a slow consumer through a shallow FIFO is held back", () => {
  // P feeds the slow consumer S (FIFO s) and a fast one F (FIFO f); G reads F's ping-pong output, so
  // G starts when F is done, and F is done when P's last token arrives.
  const build = () => [
    proc({ offset: 0, trip: 64, ii: 1, il: 2 }, { puts: ["s", "f"] }),
    proc({ offset: 0, trip: 64, ii: 8, il: 2 }, { gets: ["s"] }),
    proc({ offset: 0, trip: 64, ii: 1, il: 2 }, { gets: ["f"], writes: ["T"] }),
    proc({ offset: 0, trip: 600, ii: 1, il: 2 }, { reads: ["T"] }),
  ];
  const deep = cosimTiming(build(), () => 64, 0);
  const shallow = cosimTiming(build(), (k) => (k === "s" ? 2 : 64), 0);
  // Deep: P streams 0..63, F takes its last token at 65 and ends at 67, G takes 601 cycles after it.
  assert.equal(deep.latency, 67 + 601);
  // Depth 2: P's token 64 waits for S to take token 62 (first read at 2, every 8 cycles): P streams until
  // 2 + 62 * 8 - 2 = 496, F ends at 496 + 2 + 2 and G after it.
  assert.equal(shallow.latency, 500 + 601);
});

test("back-pressure counts tokens, not iterations: a consumer whose loop takes 100 tokens a turn", () => {
  // The consumer's stream loop runs 10 times at 100 cycles a turn: 1,000 cycles for the producer's
  // 1,000 tokens, one per cycle, so a 10-deep FIFO holds the producer back only to that pace.
  const p = proc({ offset: 0, trip: 1000, ii: 1, il: 1 }, { puts: ["f"] });
  const c = proc({ offset: 0, trip: 10, ii: 100, il: 100 }, { gets: ["f"] });
  const t = cosimTiming([p, c], depth(10), 0);
  assert.ok(t.latency < 1300, `${t.latency}`);
  assert.ok(t.latency >= 1000, `${t.latency}`);
});

test("a tiled systolic GEMM: the cosim-like latency stays near the csynth-equivalent one", () => {
  // Each PE's outer loop takes K tokens per output; before tokens were counted per iteration this
  // came out 300x the csynth latency.
  const e = bertFfn({ M: 32, K: 48, N: 64, P: 4 }).estimate();
  assert.ok(e.cosim);
  assert.ok(
    e.cosim.latency >= e.latency && e.cosim.latency < 2 * e.latency,
    `${e.cosim.latency} vs ${e.latency}`,
  );
});

test("a ping-pong buffer: the consumer begins when the producer is done", () => {
  const p = proc({ offset: 0, trip: 10, ii: 1, il: 1 }, { writes: ["T"] });
  const c = proc({ offset: 0, trip: 10, ii: 1, il: 1 }, { reads: ["T"] });
  assert.equal(cosimTiming([p, c], depth(2), 0).latency, 20);
});

test("a 4x4 PE array: the cosim-like estimate adds the wavefront's fill and drain; a plain kernel has none", () => {
  const e = seedSystolic(4).estimate({ wrapIo: false });
  assert.ok(e.cosim, "a design with a PE array has a cosim-like estimate");
  // Each of the 6 hops from the loaders to PE(3,3) waits for one iteration of the PE before it.
  const pe = e.loops.find((l) => /^l_S_k_0_3_3/.test(l.label));
  assert.ok(pe, e.loops.map((l) => l.label).join(","));
  assert.ok(e.cosim.latency >= e.latency + 6 * pe.iterationLatency, `${e.cosim.latency} vs ${e.latency}`);
  // FIFOs run one way (a PE reads from its left and top neighbours only): no runaway cycle.
  assert.ok(e.cosim.latency <= e.latency + 8 * pe.iterationLatency, `${e.cosim.latency} vs ${e.latency}`);
  assert.match(
    String(e),
    /\+ Cosim-like \(FIFO rates, fill and drain, FIFO depths\): latency [\d,]+, interval/,
  );
  // Through the wrapIo top (which calls the region once) the difference is the same fill and drain;
  // there the loaders read m_axi ports, one read a cycle, so the region is not the kernel alone's.
  const wrapped = seedSystolic(4).estimate();
  const extra = (wrapped.cosim?.latency ?? 0) - wrapped.latency;
  assert.ok(extra >= 6 * pe.iterationLatency && extra <= 8 * pe.iterationLatency, `${extra}`);
  const plain = customize(
    `export function k(A: float32<[8]>): void { for (const i of range(8)) A[i] = A[i] * 2.0; }`,
    {
      name: "k",
    },
  );
  assert.equal(plain.estimate().cosim, undefined);
});
