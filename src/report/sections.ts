// The sections of the design report, each from estimate data: the summary, resources against the
// device, the loop table (interface copy loops of the wrapIo top marked, each kernel loop linked to its
// source line), the schedule steps, the kernel source with line anchors, and the side-by-side comparison.

import type { Estimate, LoopRow } from "../estimate/index.ts";
import type { Step } from "../schedule/trace.ts";
import { fragment, type Html, h, num } from "./html.ts";

/** One schedule of the kernel as the report shows it. */
export interface ReportEntry {
  readonly name: string;
  readonly estimate: Estimate;
  readonly steps: readonly Step[];
}

const pct = (a: number, b: number): number => (b > 0 ? Math.min(100, (100 * a) / b) : 0);
const bar = (share: number, cls: string): Html =>
  h("div", { class: `bar ${cls}` }, h("span", { style: `width:${share.toFixed(2)}%` }));

export function summary(e: Estimate): Html {
  const p = e.profile;
  const ms = (e.latency * p.clockNs) / 1e6;
  const cell = (k: string, v: string) => h("div", { class: "stat" }, h("b", {}, v), h("small", {}, k));
  return h(
    "section",
    { id: "summary" },
    h("h2", {}, "Summary"),
    h(
      "div",
      { class: "stats" },
      cell("latency (cycles)", num(e.latency)),
      cell("latency", `${ms.toFixed(3)} ms`),
      cell("interval (cycles)", num(e.interval)),
      cell("clock", `${p.clockNs} ns (${(1000 / p.clockNs).toFixed(0)} MHz)`),
      cell("pipeline", e.dataflow ? "dataflow" : "sequential top"),
      e.cosim && cell("cosim-like latency (cycles)", num(e.cosim.latency)),
      e.cosim && cell("cosim-like interval (cycles)", num(e.cosim.interval)),
    ),
    h("p", {}, `Profile ${p.name}: ${p.description || `${p.part}, ${p.tool} behaviour`}.`),
    e.notes.length > 0 &&
      h(
        "ul",
        { class: "notes" },
        e.notes.map((n) => h("li", {}, n)),
      ),
  );
}

export function resources(e: Estimate): Html {
  const d = e.profile.device;
  const r = e.resources;
  const kinds = [
    ["DSP", r.dsp, d.dsp],
    ["BRAM18K", r.bram18k, d.bram18k],
    ["URAM", r.uram, d.uram],
    ["FF", r.ff, d.ff],
    ["LUT", r.lut, d.lut],
  ] as const;
  return h(
    "section",
    { id: "resources" },
    h("h2", {}, `Resources against the ${e.profile.part}`),
    h(
      "table",
      {},
      h("tr", {}, h("th", {}, "resource"), h("th", {}, "used"), h("th", {}, "available"), h("th", {}, "%")),
      kinds.map(([k, used, avail]) =>
        h(
          "tr",
          { class: "resource", "data-kind": k },
          h("td", {}, k),
          h("td", { class: "n" }, num(used)),
          h("td", { class: "n" }, num(avail)),
          h("td", {}, bar(pct(used, avail), "res"), `${pct(used, avail).toFixed(1)} %`),
        ),
      ),
    ),
    h("p", { class: "hint" }, "FF and LUT are rough (+-50 %); DSP and BRAM18K follow the documented rules."),
  );
}

function loopRow(l: LoopRow, total: number, sourceFile: string | undefined): Html {
  const at = l.span && l.span.file === sourceFile ? l.span.line : undefined;
  const where = l.io
    ? "wrapIo interface copy"
    : at !== undefined
      ? h("a", { href: `#L${at}`, class: "src", "data-line": at }, `line ${at}`)
      : l.span
        ? `${l.span.file}:${l.span.line}`
        : "compiler-made (no source loop)";
  return h(
    "tr",
    { class: `loop${l.io ? " io" : ""}`, "data-label": l.label, "data-line": at },
    h("td", { class: "label", style: `padding-left:${0.4 + 1.2 * l.depth}em` }, l.label),
    h("td", {}, l.func),
    h("td", { class: "n" }, num(l.tripCount)),
    h("td", { class: "n" }, l.ii === undefined ? "-" : String(l.ii)),
    h("td", { class: "n" }, l.targetIi === undefined ? "-" : String(l.targetIi)),
    h("td", { class: "n" }, num(l.iterationLatency)),
    h("td", { class: "n" }, num(l.latency), bar(pct(l.latency, total), "lat")),
    h("td", {}, l.pipeline ? (l.pipeline === "auto" ? "yes (auto)" : "yes") : "no"),
    h("td", { class: "why" }, l.limitedBy ?? (l.ii !== undefined ? "target met" : "")),
    h("td", {}, where),
  );
}

export function loops(e: Estimate, sourceFile: string | undefined): Html {
  const head = ["loop (HLS label)", "function", "trip count", "II", "target II", "iteration latency"];
  return h(
    "section",
    { id: "loops" },
    h("h2", {}, "Loops"),
    h(
      "p",
      { class: "hint" },
      "Shaded rows (wrapIo interface copy) are the copy loops of the kernel top: what the m_axi ports cost.",
    ),
    h(
      "table",
      {},
      h(
        "tr",
        {},
        [...head, "latency", "pipelined", "reason for II", "source"].map((t) => h("th", {}, t)),
      ),
      e.loops.map((l) => loopRow(l, e.latency, sourceFile)),
    ),
  );
}

function stepArg(a: Step["args"][number]): string {
  if (typeof a !== "object") return JSON.stringify(a);
  if (Array.isArray(a)) return `[${a.map(stepArg).join(", ")}]`;
  const o = a as Readonly<Record<string, unknown>>;
  for (const k of ["loop", "band", "buffer", "pe"]) {
    const ref = o[k] as { func: string; name: string } | undefined;
    if (ref && typeof ref === "object" && "name" in ref) return JSON.stringify(`${ref.func}:${ref.name}`);
  }
  return `{ ${Object.entries(o)
    .map(([k, v]) => `${k}: ${stepArg(v as Step["args"][number])}`)
    .join(", ")} }`;
}

export function steps(list: readonly Step[]): Html {
  return h(
    "section",
    { id: "steps" },
    h("h2", {}, "Schedule steps"),
    list.length === 0
      ? h("p", {}, "No schedule steps: the kernel as written.")
      : h(
          "table",
          {},
          h(
            "tr",
            {},
            ["#", "step", "called at", "changed the IR"].map((t) => h("th", {}, t)),
          ),
          list.map((s) =>
            h(
              "tr",
              { class: "step" },
              h("td", { class: "n" }, s.index),
              h("td", {}, h("code", {}, `s.${s.prim}(${s.args.map(stepArg).join(", ")})`)),
              h("td", {}, s.site ? `${s.site.file}:${s.site.line}:${s.site.col}` : "-"),
              h("td", {}, s.changed ? "yes" : "no (repeated)"),
            ),
          ),
        ),
  );
}

export function source(file: string, text: string | undefined): Html {
  const lines = text === undefined ? [] : text.split("\n");
  return h(
    "section",
    { id: "source" },
    h("h2", {}, `Kernel source: ${file}`),
    text === undefined
      ? h("p", {}, "The source text is not available to the report.")
      : h(
          "pre",
          { class: "code" },
          lines.map((t, k) =>
            h("div", { id: `L${k + 1}`, class: "line" }, h("span", { class: "ln" }, k + 1), t || " "),
          ),
        ),
  );
}

/** Schedules side by side, each with the speed-up over the first (the staircase). */
export function compare(list: readonly ReportEntry[]): Html {
  if (list.length < 2) return fragment();
  const base = list[0].estimate;
  const max = Math.max(...list.map((x) => x.estimate.latency), 1);
  const logMax = Math.log10(max + 1);
  const w = 60;
  const chart = h(
    "svg",
    { viewBox: `0 0 ${w * list.length + 20} 130`, width: w * list.length + 20, height: 130, role: "img" },
    list.map((x, k) => {
      const hgt = (110 * Math.log10(x.estimate.latency + 1)) / logMax;
      return fragment(
        h("rect", { x: 10 + k * w, y: 115 - hgt, width: w - 16, height: hgt, class: "stair" }),
        h("text", { x: 10 + k * w + (w - 16) / 2, y: 128, "text-anchor": "middle" }, `#${k}`),
      );
    }),
  );
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : "-");
  return h(
    "section",
    { id: "compare" },
    h("h2", {}, "Schedules side by side"),
    h("p", { class: "hint" }, "Latency on a log scale; speed-up and resource ratios against #0."),
    chart,
    h(
      "table",
      {},
      h(
        "tr",
        {},
        [
          "#",
          "schedule",
          "steps",
          "latency",
          "speed-up",
          "interval",
          "DSP",
          "DSP ratio",
          "BRAM18K",
          "FF",
          "LUT",
        ].map((t) => h("th", {}, t)),
      ),
      list.map((x, k) => {
        const e = x.estimate;
        return h(
          "tr",
          { class: "compare" },
          h("td", { class: "n" }, `#${k}`),
          h("td", {}, x.name),
          h("td", { class: "n" }, x.steps.length),
          h("td", { class: "n" }, num(e.latency)),
          h("td", { class: "n" }, ratio(base.latency, e.latency)),
          h("td", { class: "n" }, num(e.interval)),
          h("td", { class: "n" }, num(e.resources.dsp)),
          h("td", { class: "n" }, ratio(e.resources.dsp, base.resources.dsp)),
          h("td", { class: "n" }, num(e.resources.bram18k)),
          h("td", { class: "n" }, num(e.resources.ff)),
          h("td", { class: "n" }, num(e.resources.lut)),
        );
      }),
    ),
  );
}
