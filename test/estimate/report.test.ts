// The design report (`s.report`, `--report`): one self-contained page whose structure is checked by a
// strict parser (every loop row with its II, reason and source link, the wrapIo copy loops as their own
// rows, the steps, the comparison with its ratios), every user string escaped, option errors, and the
// page rendered by headless Chromium with its script run and every source link resolved.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { AlloError, customize, profiles } from "allo-ts";
import { main } from "../../src/cli/main.ts";
import { seedSystolic } from "../verify/support/systolic.ts";
import { gemm, gemmBuffered, gemmSource, gemmUnrolled } from "./kernels.ts";
import { chromiumSkip, renderedDom } from "./support/chromium.ts";
import { all, byClass, byId, type El, parseHtml, text } from "./support/html-tree.ts";

const dir = mkdtempSync(join(tmpdir(), "allo-report-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const cells = (row: El): string[] => all(row, (e) => e.tag === "td").map(text);

function written(s: ReturnType<typeof gemm>, name: string, o?: Parameters<typeof s.report>[1]): string {
  const file = join(dir, name);
  s.report(file, o);
  return readFileSync(file, "utf8");
}

test("the report is one self-contained page: no network, no external scripts, styles or fonts", () => {
  const html = written(gemmBuffered(32), "self.html");
  assert.doesNotMatch(html, /\b(src|href)="(?!#)/, "every src/href is a fragment of the page itself");
  assert.doesNotMatch(html, /https?:|@import|url\(/);
  const doc = parseHtml(html);
  assert.equal(all(doc, (e) => e.tag === "script").length, 1);
  assert.equal(all(doc, (e) => e.tag === "link").length, 0);
});

test("loop rows: every estimate row with trip count, II, reason and its source line; wrapIo copies marked", () => {
  const s = gemmUnrolled(32);
  const est = s.estimate();
  const doc = parseHtml(written(s, "loops.html"));
  const rows = byClass(doc, "loop");
  assert.deepEqual(
    rows.map((r) => r.attrs["data-label"]),
    est.loops.map((l) => l.label),
  );
  const io = rows.filter((r) => r.attrs.class.includes("io")).map((r) => r.attrs["data-label"]);
  assert.deepEqual(io, [
    "l_S_buf0_buf0_l_0_l_buf0_l_1",
    "l_S_buf1_buf1_l_0_l_buf1_l_1",
    "l_S_result2_result2_l_0_l_result2_l_1",
  ]);
  const kj = rows.find((r) => r.attrs["data-label"] === "l_k_l_S_k_0_j") as El;
  const [, func, trip, ii, target, , , pipelined, why, where] = cells(kj);
  assert.deepEqual([func, trip, ii, target, pipelined], ["gemm", "64", "2", "1", "yes"]);
  assert.match(why, /recurrence through the register 'C_buf'/);
  // k is written on line 6 of the kernel, and the link lands on that line of the source section.
  assert.equal(where, "line 6");
  const line = byId(doc, "L6") as El;
  assert.match(text(line), /for \(const k of reduction\(32\)\)/);
  assert.equal(all(kj, (e) => e.tag === "a")[0].attrs.href, "#L6");
  const copy = rows.find((r) => r.attrs["data-label"] === io[0]) as El;
  assert.equal(cells(copy)[9], "wrapIo interface copy");
});

test("summary, resources against the device and the steps", () => {
  const s = gemmUnrolled(32);
  const est = s.estimate();
  const doc = parseHtml(written(s, "summary.html"));
  assert.match(
    text(byId(doc, "summary") as El),
    new RegExp(`${est.latency.toLocaleString("en-US")}\\s*latency \\(cycles\\)`),
  );
  assert.match(text(byId(doc, "summary") as El), /3\.33 ns \(300 MHz\)/);
  const dsp = byClass(doc, "resource").find((r) => r.attrs["data-kind"] === "DSP") as El;
  assert.deepEqual(cells(dsp).slice(0, 3), ["DSP", String(est.resources.dsp), "9,024"]);
  const steps = byClass(doc, "step").map((r) => cells(r)[1]);
  assert.deepEqual(steps, [
    's.reorder("gemm:k", "gemm:j")',
    's.bufferAt("gemm:C", "gemm:i")',
    's.pipeline("gemm:j")',
    's.unroll("gemm:j", 16)',
    's.partition("gemm:C_buf", { type: "complete" })',
    's.partition("gemm:B", { type: "cyclic", dim: 2, factor: 16 })',
  ]);
  assert.equal(byId(doc, "compare"), undefined, "no comparison without compare");
});

test("a PE array's report shows the cosim-like latency and interval beside csynth's", () => {
  const s = seedSystolic(4);
  const e = s.estimate();
  const summary = text(byId(parseHtml(written(s, "pe.html")), "summary") as El);
  assert.ok(e.cosim);
  assert.match(summary, new RegExp(`${e.cosim.latency.toLocaleString("en-US")}\\s*cosim-like latency`));
  assert.match(summary, new RegExp(`${e.cosim.interval.toLocaleString("en-US")}\\s*cosim-like interval`));
});

test("compare: the schedules side by side with speed-up and DSP ratios against the first", () => {
  const s0 = gemm(32);
  const s1 = gemmBuffered(32);
  const s2 = gemmUnrolled(32);
  const doc = parseHtml(written(s2, "compare.html", { compare: [s0, s1, s2] }));
  const rows = byClass(doc, "compare").map(cells);
  const [e0, e1, e2] = [s0, s1, s2].map((s) => s.estimate());
  assert.equal(rows.length, 3, "the reported schedule is not repeated when it is in the list");
  assert.deepEqual(rows[0].slice(1, 5), ["unscheduled", "0", e0.latency.toLocaleString("en-US"), "1.00x"]);
  assert.equal(rows[1][4], `${(e0.latency / e1.latency).toFixed(2)}x`);
  assert.equal(rows[2][7], `${(e2.resources.dsp / e0.resources.dsp).toFixed(2)}x`);
  assert.equal(all(byId(doc, "compare") as El, (e) => e.tag === "rect").length, 3);
  // The reported schedule joins the end of the list when it is not in it; estimates may stand in for schedules.
  const more = parseHtml(written(s2, "compare2.html", { compare: [e0] }));
  assert.deepEqual(
    byClass(more, "compare").map((r) => cells(r)[1]),
    ["estimate 0", "reorder, bufferAt, pipeline, unroll, partition, partition"],
  );
});

test("every user string is escaped: a file path and an inline profile's name with markup in them", () => {
  const file = `g<i>&"x'.ts`;
  const s = customize(gemmSource(8), { name: "gemm", file });
  const profile = { ...profiles.u280, name: "<img src=x onerror=alert(1)>", description: "fast & <marquee>" };
  const html = written(s, "escape.html", { profile });
  assert.doesNotMatch(html, /<img|<i>|<marquee>/);
  const doc = parseHtml(html);
  assert.equal(text(all(byId(doc, "source") as El, (e) => e.tag === "h2")[0]), `Kernel source: ${file}`);
  assert.match(text(byId(doc, "summary") as El), /fast & <marquee>/);
  assert.ok(all(doc, (e) => e.tag === "title").length === 1);
});

test("the report's estimates take the build's interfaces: a user's m_axi bundle names the loaders' limit", () => {
  const s = seedSystolic(4);
  const interfaces = { A: { mode: "m_axi", bundle: "hbm7" } } as const;
  assert.match(written(s, "bundle.html", { interfaces }), /m_axi bundle &#39;hbm7&#39;|m_axi bundle 'hbm7'/);
  assert.doesNotMatch(written(s, "default.html"), /hbm7/);
  assert.throws(
    () => s.report(join(dir, "x.html"), { interfaces: { Q: { mode: "m_axi" } } }),
    /'Q', which is not an argument/,
  );
});

test("bad report options and an unwritable file are AL7003 / AL7004", () => {
  const s = gemm(8);
  const code = (c: string) => (e: unknown) => e instanceof AlloError && e.code === c;
  assert.throws(() => s.report(join(dir, "x.html"), { colour: "red" } as never), code("AL7003"));
  assert.throws(() => s.report(join(dir, "x.html"), { compare: s } as never), code("AL7003"));
  assert.throws(() => s.report(join(dir, "x.html"), { compare: [42] } as never), code("AL7003"));
  assert.throws(() => s.report(join(dir, "x.html"), { profile: "u9" }), code("AL7001"));
  assert.throws(
    () => s.report(join(dir, "no", "such", "dir.html")),
    (e: unknown) => {
      return code("AL7004")(e) && /no[/\\]such[/\\]dir\.html/.test((e as Error).message);
    },
  );
});

test("CLI --report writes the page (with --estimate: the estimate printed as well)", async () => {
  const kernel = join(dir, "k.ts");
  writeFileSync(kernel, gemmSource(8));
  const out = join(dir, "cli.html");
  const sink = {
    text: "",
    write(t: string) {
      this.text += t;
    },
  };
  assert.equal(await main([kernel, "--report", out, "--estimate"], sink, sink), 0);
  assert.match(sink.text, /^== allo-ts estimate of 'gemm'/);
  assert.match(sink.text, /wrote the design report to .*cli\.html/);
  const doc = parseHtml(readFileSync(out, "utf8"));
  assert.ok(byClass(doc, "loop").length > 0);
  assert.match(text(byId(doc, "source") as El), /export function gemm/);
});

test("headless Chromium renders the page: its script runs, every loop row is there, every source link resolves", {
  skip: chromiumSkip,
}, () => {
  const s = gemmUnrolled(32);
  const file = join(dir, "browser.html");
  s.report(file, { compare: [gemm(32), gemmBuffered(32), s] });
  const doc = parseHtml(renderedDom(file));
  const ready = byId(doc, "report-ready");
  assert.ok(ready, "the page's script ran and wrote its marker");
  const est = s.estimate();
  assert.equal(ready.attrs["data-loops"], String(est.loops.length));
  assert.equal(ready.attrs["data-errors"], "0");
  assert.ok(Number(ready.attrs["data-links"]) >= 2);
  assert.equal(ready.attrs["data-resolved"], ready.attrs["data-links"]);
  assert.equal(byClass(doc, "loop").length, est.loops.length);
  assert.equal(byClass(doc, "compare").length, 3);
});
