// m_axi bundles shared by dataflow processes (src/estimate/bus-beats.ts): csynth costs each process as
// if its bundles were its own, so the csynth-equivalent latency stays; the cosim-like one cannot end
// before the shared channel has served every process's beats, one a cycle. Beats count a pipelined
// loop's accesses times its trips, and the sequential loops around it multiply them.
import assert from "node:assert/strict";
import { test } from "node:test";
import { df } from "allo-ts";

/**
 * Two readers stream A and B (n elements) into an adder writing C: `outer` sequential runs of two
 * pipelined loops of h = n / outer / 2 reads each.
 */
const twoReaders = (n: number, outer: number, h = n / outer / 2) => `
import { df, type int32, range, type Stream } from "allo-ts";
export function top(A: int32<[${n}]>, B: int32<[${n}]>, C: int32<[${n}]>): void {
  const a: Stream<int32> = df.stream({ depth: 4 });
  const b: Stream<int32> = df.stream({ depth: 4 });
  df.kernel({ mapping: [1], args: [A] }, function readA(x: int32<[${n}]>) {
    for (const o of range(${outer})) {
      for (const i of range(${h})) a.put(x[o * ${2 * h} + i]);
      for (const i of range(${h})) a.put(x[o * ${2 * h} + ${h} + i]);
    }
  });
  df.kernel({ mapping: [1], args: [B] }, function readB(y: int32<[${n}]>) {
    for (const o of range(${outer})) {
      for (const i of range(${h})) b.put(y[o * ${2 * h} + i]);
      for (const i of range(${h})) b.put(y[o * ${2 * h} + ${h} + i]);
    }
  });
  df.kernel({ mapping: [1], args: [C] }, function add(z: int32<[${n}]>) {
    for (const i of range(${n})) z[i] = a.get() + b.get();
  });
}`;

const ONE_BUNDLE = { A: { mode: "m_axi", bundle: "gmem" }, B: { mode: "m_axi", bundle: "gmem" } } as const;

for (const outer of [1, 4]) {
  test(`two readers on one bundle take turns in co-simulation (${outer} run${outer > 1 ? "s" : ""} of the read loop)`, () => {
    const n = 4096;
    const s = df.customize(twoReaders(n, outer), { name: "top" });
    const apart = s.estimate();
    const shared = s.estimate({ interfaces: ONE_BUNDLE });
    // csynth's view is the same: each reader streams at II 1 whatever the other does.
    assert.equal(shared.latency, apart.latency);
    assert.deepEqual(
      shared.loops.map((l) => l.ii),
      apart.loops.map((l) => l.ii),
    );
    const [a, b] = [apart.cosim?.latency ?? 0, shared.cosim?.latency ?? 0];
    // Apart: about n cycles. Shared: the 2n reads one a cycle, whatever the runs.
    assert.ok(a > n && a < n * 1.05, `apart ${a}`);
    assert.ok(b >= 2 * n && b < 2 * n * 1.05, `shared ${b}`);
    const note = shared.notes.find((x) => x.includes("share the read channel"));
    assert.match(
      note ?? "",
      /'readA_0', 'readB_0' share the read channel of the m_axi bundle 'gmem' \(8,192 reads/,
    );
    assert.equal(
      apart.notes.some((x) => x.includes("share")),
      false,
    );
  });
}

test("reads and writes of one bundle take separate channels: a reader and a writer on it do not wait", () => {
  const s = df.customize(twoReaders(1024, 1), { name: "top" });
  const apart = s.estimate();
  const mixed = s.estimate({
    interfaces: { A: { mode: "m_axi", bundle: "gmem" }, C: { mode: "m_axi", bundle: "gmem" } },
  });
  assert.equal(mixed.cosim?.latency, apart.cosim?.latency);
});
