// The `dot` target: the process/FIFO graph of a dataflow region or of a PE array, read back by parsing
// the Graphviz text (nodes per cluster, edges with labels). Statically each FIFO carries its depth;
// after run(...) its occupancy and counts, and after a deadlock the blocked processes are marked.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize, df } from "../../src/index.ts";
import { K, M, matmul, N } from "../schedule/spatial/kernels.ts";
import { spatialIJ } from "../schedule/spatial/support.ts";
import { crossed } from "./fixtures/crossed.ts";
import { top } from "./fixtures/producer-consumer.ts";
import { top as systolic } from "./fixtures/systolic.ts";

interface Graph {
  nodes: Map<string, { label: string; red: boolean }>;
  edges: { from: string; to: string; label: string }[];
}

/** A small reader for the subset of DOT the target writes. */
function parse(text: string): Graph {
  assert.match(text, /^digraph "\w+" \{\n/);
  assert.ok(text.endsWith("}\n"));
  const nodes = new Map<string, { label: string; red: boolean }>();
  const edges: { from: string; to: string; label: string }[] = [];
  for (const line of text.split("\n")) {
    const n = line.match(/^ {4}("[^"]*") \[label=("(?:[^"\\]|\\.)*")(, color=red)?\];$/);
    if (n) nodes.set(JSON.parse(n[1]), { label: JSON.parse(n[2]), red: !!n[3] });
    const e = line.match(/^ {2}("[^"]*") -> ("[^"]*") \[label=("[^"]*")\];$/);
    if (e) edges.push({ from: JSON.parse(e[1]), to: JSON.parse(e[2]), label: JSON.parse(e[3]) });
  }
  for (const e of edges) assert.ok(nodes.has(e.from) && nodes.has(e.to), `edge ${e.from} -> ${e.to}`);
  return { nodes, edges };
}

test("producer/consumer: two processes, one FIFO with its depth, then its counts after a run", () => {
  const g = df.build(top, { target: "dot" });
  const before = parse(g.code);
  assert.deepEqual([...before.nodes.keys()], ["top/producer_0", "top/consumer_0"]);
  assert.deepEqual(before.edges, [{ from: "top/producer_0", to: "top/consumer_0", label: "pipe depth 4" }]);
  const A = Float32Array.from({ length: 256 }, (_, k) => k);
  const B = new Float32Array(256);
  const after = parse(g.run(A, B));
  assert.deepEqual(after.edges[0].label, "pipe 0/4 puts 256 gets 256");
  assert.equal(B[7], 8, "the run updates the outputs");
});

test("systolic region: 12 processes and 12 FIFOs between grid neighbours", () => {
  const g = parse(
    df.build(systolic, { target: "dot" }).run(new Float32Array(4), new Float32Array(4), new Float32Array(4)),
  );
  assert.equal(g.nodes.size, 12);
  assert.equal(g.edges.length, 12);
  for (const e of g.edges) {
    const [fi, fj] = e.from.split("_").slice(1).map(Number);
    const [ti, tj] = e.to.split("_").slice(1).map(Number);
    assert.equal(Math.abs(ti - fi) + Math.abs(tj - fj), 1, `${e.from} -> ${e.to}`);
    assert.match(e.label, /^fifo_[AB]\[\d\]\[\d\] 0\/4 puts 2 gets 2$/);
  }
});

test("after the crossed deadlock, both processes are marked blocked with the FIFOs' occupancy", () => {
  const g = parse(
    df.build(crossed, { target: "dot" }).run(Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]), new Int32Array(8)),
  );
  assert.deepEqual(g.nodes.get("crossed/send_0"), { label: "send_0\nblocked: put s1", red: true });
  assert.deepEqual(g.nodes.get("crossed/recv_0"), { label: "recv_0\nblocked: get s2", red: true });
  assert.deepEqual(g.edges.map((e) => e.label).sort(), ["s1 2/2 puts 2 gets 0", "s2 0/2 puts 0 gets 0"]);
});

test("an unfolded PE array: the PEs, the loaders and the relay FIFOs", () => {
  const s = customize(matmul);
  spatialIJ(s, { M, N, K }, 2);
  const g = parse(df.build(s, { target: "dot" }).code);
  const pes = [...g.nodes.keys()].filter((n) => /\/PE_\d+_\d+$/.test(n));
  assert.equal(pes.length, M * N);
  assert.ok(g.edges.length >= M * N, "one FIFO edge into each PE at least");
  for (const e of g.edges) assert.match(e.label, / depth 2$/);
});
