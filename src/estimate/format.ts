// `String(est)`: the estimate as a table shaped like Vitis's csynth summary (latency and interval of the
// top, one row per loop with its latency, iteration latency, achieved and target II and trip count,
// then resources against the device), so it reads next to a real `<top>_csynth.rpt`.

import type { Profile } from "./profile.ts";
import type { LoopRow } from "./row.ts";

/** What the summary shows (an Estimate). */
export interface Summary {
  readonly top: string;
  readonly latency: number;
  readonly interval: number;
  readonly dataflow: boolean;
  readonly loops: readonly LoopRow[];
  readonly resources: {
    readonly dsp: number;
    readonly bram18k: number;
    readonly uram: number;
    readonly ff: number;
    readonly lut: number;
  };
  readonly profile: Profile;
  readonly notes: readonly string[];
  readonly cosim?: { readonly latency: number; readonly interval: number };
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const w = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const line = `+${w.map((n) => "-".repeat(n + 2)).join("+")}+`;
  const fmt = (r: readonly string[]) =>
    `|${r.map((c, k) => ` ${k === 0 ? c.padEnd(w[k]) : c.padStart(w[k])} `).join("|")}|`;
  return [line, fmt(head), line, ...rows.map(fmt), line];
}

const n = (x: number): string => x.toLocaleString("en-US");

export function formatEstimate(e: Summary): string {
  const p = e.profile;
  const ms = (e.latency * p.clockNs) / 1e6;
  const out = [
    `== allo-ts estimate of '${e.top}' (profile ${p.name}: ${p.part}, ${p.clockNs} ns, ${p.tool} behaviour)`,
    "+ Latency:",
    ...table(
      ["Latency (cycles)", "Latency (absolute)", "Interval", "Pipeline"],
      [[n(e.latency), `${ms.toFixed(3)} ms`, n(e.interval), e.dataflow ? "dataflow" : "no"]],
    ),
    ...(e.cosim
      ? [
          `+ Cosim-like (FIFO rates, fill and drain, FIFO depths): latency ${n(e.cosim.latency)}, interval ${n(e.cosim.interval)}`,
        ]
      : []),
    "+ Loop:",
    ...table(
      ["Loop Name", "Latency", "Iteration Latency", "Achieved II", "Target II", "Trip Count", "Pipelined"],
      e.loops.map((l) => [
        `${"  ".repeat(l.depth)}${l.label}`,
        n(l.latency),
        n(l.iterationLatency),
        l.ii === undefined ? "-" : String(l.ii),
        l.targetIi === undefined ? "-" : String(l.targetIi),
        n(l.tripCount),
        l.pipeline ? (l.pipeline === "auto" ? "yes (auto)" : "yes") : "no",
      ]),
    ),
  ];
  const limits = e.loops.filter((l) => l.limitedBy);
  if (limits.length) out.push("+ II limited by:", ...limits.map((l) => `  ${l.label}: ${l.limitedBy}`));
  const r = e.resources;
  const d = p.device;
  const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}` : "-");
  out.push(
    "== Utilization Estimates (FF and LUT are rough: +-50%)",
    ...table(
      ["Name", "BRAM_18K", "DSP", "FF", "LUT", "URAM"],
      [
        ["Total", n(r.bram18k), n(r.dsp), n(r.ff), n(r.lut), n(r.uram)],
        ["Available", n(d.bram18k), n(d.dsp), n(d.ff), n(d.lut), n(d.uram)],
        [
          "Utilization (%)",
          pct(r.bram18k, d.bram18k),
          pct(r.dsp, d.dsp),
          pct(r.ff, d.ff),
          pct(r.lut, d.lut),
          pct(r.uram, d.uram),
        ],
      ],
    ),
  );
  if (e.notes.length) out.push("+ Notes:", ...e.notes.map((x) => `  ${x}`));
  return `${out.join("\n")}\n`;
}
