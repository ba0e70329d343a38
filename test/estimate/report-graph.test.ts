// The report's process/FIFO diagram: one box per process of each PE array or dataflow region (the
// graph the dot target draws, with the estimator's per-process interval), one line per FIFO with its
// depth, PEs on their grid with the loaders before it, dataflow processes layered producer before
// consumer, compact boxes for large arrays, and the SVG rendered with a size by headless Chromium.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { df } from "allo-ts";
import { top as producerConsumer } from "../dataflow/fixtures/producer-consumer.ts";
import { seedSystolic } from "../verify/support/systolic.ts";
import { gemm } from "./kernels.ts";
import { chromiumSkip, renderedDom } from "./support/chromium.ts";
import { all, byClass, byId, type El, parseHtml, text } from "./support/html-tree.ts";

const dir = mkdtempSync(join(tmpdir(), "allo-report-graph-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function page(s: { report(file: string): void }, name: string): El {
  const file = join(dir, name);
  s.report(file);
  return parseHtml(readFileSync(file, "utf8"));
}

const box = (g: El): { x: number; y: number } => {
  const r = all(g, (e) => e.tag === "rect")[0];
  return { x: Number(r.attrs.x), y: Number(r.attrs.y) };
};

/** `producer->consumer label` of every edge of the dot target's Graphviz text (no function prefix). */
function dotEdges(code: string): string[] {
  const edge = /^ {2}"[^/"]*\/([^"]*)" -> "[^/"]*\/([^"]*)" \[label="([^"]*)"\];$/gm;
  return [...code.matchAll(edge)].map((m) => `${m[1]}->${m[2]} ${m[3]}`);
}

test("PE array: a box per process with its estimated interval, the dot target's FIFOs, PEs on their grid", () => {
  const s = seedSystolic(4);
  const est = s.estimate();
  assert.equal(est.graph.length, 1);
  const g = est.graph[0];
  const doc = page(s, "pe.html");
  const procs = byClass(byId(doc, "dataflow") as El, "proc");
  assert.deepEqual(
    procs.map((p) => p.attrs["data-name"]),
    g.processes.map((p) => p.name),
  );
  for (const [k, p] of g.processes.entries()) {
    assert.ok(p.interval !== undefined, `${p.name} is costed`);
    assert.match(text(procs[k]), new RegExp(`II ${p.interval}\\b`));
  }
  // The region's interval is its slowest process + 1 (csynth's rule) and the kernel top, a dataflow
  // function of that one region, adds its own 1; the slowest processes are the marked boxes.
  const slowestOf = (graph: typeof g) => Math.max(...graph.processes.map((p) => p.interval as number));
  const slowest = slowestOf(g);
  // The kernel alone (memory ports, not the wrapIo top's m_axi ones): its own processes set its interval.
  const alone = s.estimate({ wrapIo: false });
  assert.equal(alone.interval, slowestOf(alone.graph[0]) + 2);
  assert.deepEqual(
    procs.filter((p) => p.attrs.class.includes("slow")).map((p) => p.attrs["data-name"]),
    g.processes.filter((p) => p.interval === slowest).map((p) => p.name),
  );
  // The same FIFOs as the dot target, each drawn with its depth.
  const lines = all(byId(doc, "dataflow") as El, (e) => e.tag === "line");
  assert.equal(lines.length, g.fifos.length);
  const pairs = g.fifos.map((f) => `${f.producer}->${f.consumer} ${f.label} depth ${f.depth}`);
  assert.deepEqual(pairs, dotEdges(df.build(s, { target: "dot" }).code));
  assert.deepEqual(
    lines.map(text),
    g.fifos.map((f) => `${f.label} depth ${f.depth}`),
  );
  assert.ok(
    g.fifos.every((f) => f.depth === 5),
    "the relay depth the seed schedule sets (size + 1)",
  );
  // PE_i_j sits in row i, column j; the loaders are left of every PE.
  const at = new Map(procs.map((p) => [p.attrs["data-name"], box(p)]));
  const pe = (i: number, j: number) => at.get(`PE_${i}_${j}`) as { x: number; y: number };
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) {
      assert.equal(pe(i, j).y, pe(i, 0).y, `PE_${i}_${j} in row ${i}`);
      assert.equal(pe(i, j).x, pe(0, j).x, `PE_${i}_${j} in column ${j}`);
      if (i > 0) assert.ok(pe(i, j).y > pe(i - 1, j).y);
      if (j > 0) assert.ok(pe(i, j).x > pe(i, j - 1).x);
    }
  for (const l of ["A_load", "B_load"]) assert.ok((at.get(l) as { x: number }).x < pe(0, 0).x, l);
});

test("dataflow region: the producer's column comes before the consumer's; the FIFO shows depth 4", () => {
  const s = df.customize(producerConsumer);
  const doc = page(s, "pc.html");
  const procs = byClass(byId(doc, "dataflow") as El, "proc");
  const at = new Map(procs.map((p) => [p.attrs["data-name"], box(p)]));
  assert.deepEqual([...at.keys()], ["producer_0", "consumer_0"]);
  assert.ok((at.get("producer_0") as { x: number }).x < (at.get("consumer_0") as { x: number }).x);
  const depth = all(byId(doc, "dataflow") as El, (e) => e.tag === "text" && e.attrs.class === "depth");
  assert.deepEqual(depth.map(text), ["4"]);
});

test("a design without regions has no diagram; a large array is drawn compact (names in tooltips)", () => {
  assert.equal(byId(page(gemm(8), "plain.html"), "dataflow"), undefined);
  const s = seedSystolic(12);
  const procs = byClass(byId(page(s, "big.html"), "dataflow") as El, "proc");
  assert.equal(procs.length, s.estimate().graph[0].processes.length);
  for (const p of procs) {
    assert.equal(all(p, (e) => e.tag === "text").length, 0);
    assert.match(text(all(p, (e) => e.tag === "title")[0]), /^PE_\d+_\d+: interval \d+|^[AB]_load: interval/);
  }
});

test("headless Chromium draws every process of the diagram with a size", { skip: chromiumSkip }, () => {
  const s = seedSystolic(4);
  const file = join(dir, "browser-pe.html");
  s.report(file);
  const ready = byId(parseHtml(renderedDom(file)), "report-ready") as El;
  assert.ok(ready, "the page's script ran");
  const n = String(s.estimate().graph[0].processes.length);
  assert.equal(ready.attrs["data-procs"], n);
  assert.equal(ready.attrs["data-procs-drawn"], n);
  assert.equal(ready.attrs["data-errors"], "0");
});
