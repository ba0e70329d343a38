// The process/FIFO graph of an estimate: every spatial region's units and FIFOs (the graph the `dot`
// target draws, ../ir/analysis/region-graph.ts, of the scheduled module) with each process's latency and
// interval as the estimator costed it, so the design report can show where a region's throughput goes.

import { type GraphFifo, type GraphUnit, regionGraphs } from "../ir/analysis/region-graph.ts";
import type { Module } from "../ir/nodes.ts";
import type { ProcessTiming } from "./nest-context.ts";

export type { GraphFifo } from "../ir/analysis/region-graph.ts";

/** A unit of a region with its estimated timing (absent when the estimate did not cost it). */
export interface GraphProcess extends GraphUnit {
  readonly latency?: number;
  readonly interval?: number;
}

export interface ProcessGraph {
  readonly func: string;
  readonly region: string;
  readonly processes: readonly GraphProcess[];
  readonly fifos: readonly GraphFifo[];
}

export const processKey = (region: string, unit: string): string => `${region}/${unit}`;

/** The graphs of the module's regions, with the timing the estimator reported per `processKey`. */
export function processGraphs(m: Module, timing: ReadonlyMap<string, ProcessTiming>): ProcessGraph[] {
  return regionGraphs(m).map((r) => ({
    func: r.func,
    region: r.name,
    processes: r.units.map((u) => ({ ...u, ...timing.get(processKey(r.name, u.name)) })),
    fifos: r.fifos,
  }));
}
