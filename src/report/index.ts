// `s.report(file, { compare, profile })`: the design report as one self-contained HTML page (summary,
// resources against the device, loop table linked to the kernel source, the process/FIFO diagram of PE
// arrays and dataflow regions, schedule steps, the source, and
// other schedules of the kernel side by side). Options are checked (AL7003); a file that cannot be
// written is AL7004. See docs/estimate.md.

import { writeFileSync } from "node:fs";
import { AlloError } from "../diagnostics/error.ts";
import { Estimate, type EstimateOptions, type Profile } from "../estimate/index.ts";
import type { Step } from "../schedule/trace.ts";
import { dataflowGraph } from "./graph.ts";
import { h } from "./html.ts";
import { page } from "./page.ts";
import { compare, loops, type ReportEntry, resources, source, steps, summary } from "./sections.ts";

/** What the report reads of a schedule (a Schedule is one). */
export interface Reportable {
  estimate(opts?: EstimateOptions): Estimate;
  readonly steps: readonly Step[];
}

export interface ReportOptions {
  /** Schedules of the same kernel (or their estimates) shown side by side, the first as the baseline. */
  readonly compare?: readonly (Reportable | Estimate)[];
  /** The profile every estimate of the report uses (default "u280"). */
  readonly profile?: string | Profile;
  /** The vitis_hls build's `interfaces`, as s.estimate takes them, for every estimate of the report. */
  readonly interfaces?: EstimateOptions["interfaces"];
}

const OPTIONS = ["compare", "profile", "interfaces"];

/** The kernel source the loop rows link to. */
export interface ReportSource {
  readonly file: string;
  readonly text?: string;
}

function checkOptions(o: ReportOptions): void {
  if (typeof o !== "object" || o === null)
    throw new AlloError(
      "AL7003",
      "the report options must be an object: s.report(file, { compare: [s0, s1] })",
    );
  for (const k of Object.keys(o))
    if (!OPTIONS.includes(k))
      throw new AlloError("AL7003", `unknown report option '${k}'; the options are ${OPTIONS.join(", ")}`);
  if (o.compare !== undefined && !Array.isArray(o.compare))
    throw new AlloError("AL7003", "the report option compare must be a list of schedules or estimates");
}

const stepNames = (list: readonly Step[]): string =>
  list.length === 0 ? "unscheduled" : list.map((s) => s.prim).join(", ");

function entry(x: Reportable | Estimate, profile: EstimateOptions, k: number): ReportEntry {
  if (x instanceof Estimate) return { name: `estimate ${k}`, estimate: x, steps: [] };
  if (typeof (x as Reportable)?.estimate !== "function")
    throw new AlloError("AL7003", `compare[${k}] is neither a schedule nor an estimate`);
  const s = x as Reportable;
  return { name: stepNames(s.steps), estimate: s.estimate(profile), steps: s.steps };
}

/** The report's HTML text for schedule `s` (its trace is the replayable TypeScript of its steps). */
export function reportHtml(s: Reportable, src: ReportSource, o: ReportOptions = {}): string {
  checkOptions(o);
  const profile: EstimateOptions = {
    ...(o.profile === undefined ? {} : { profile: o.profile }),
    ...(o.interfaces === undefined ? {} : { interfaces: o.interfaces }),
  };
  const main: ReportEntry = { name: stepNames(s.steps), estimate: s.estimate(profile), steps: s.steps };
  const others = (o.compare ?? []).map((x, k) => entry(x, profile, k));
  const included = (o.compare ?? []).includes(s);
  const list = o.compare === undefined ? [] : included ? others : [...others, main];
  const e = main.estimate;
  const body = [
    h("h1", {}, `allo-ts design report: ${e.top}`),
    summary(e),
    resources(e),
    dataflowGraph(e),
    loops(e, src.file),
    steps(s.steps),
    compare(list),
    source(src.file, src.text),
  ];
  return page(`allo-ts report: ${e.top}`, h("main", {}, body));
}

/** Writes the report to `file` (AL7004 when it cannot). */
export function writeReport(file: string, s: Reportable, src: ReportSource, o: ReportOptions = {}): void {
  if (typeof file !== "string" || file === "")
    throw new AlloError("AL7004", 'the report needs a file name: s.report("design.html")');
  const html = reportHtml(s, src, o);
  try {
    writeFileSync(file, html);
  } catch (e) {
    throw new AlloError(
      "AL7004",
      `cannot write the report to '${file}' (${(e as Error).message}); check the directory exists and is writable`,
    );
  }
}
