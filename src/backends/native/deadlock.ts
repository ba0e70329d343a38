// A native call's dataflow failure as the CPU backend reports it: the runtime's JSON (include/
// allo_dataflow.h, allo_nat_report) names sites by number; this file rebuilds the blocked units and
// their FIFOs from the unit's sites and hands them to the one report writer (src/runtime/streams.ts),
// so the AL4101 and AL4102 texts are the CPU backend's word for word.

import { streamUses } from "../../ir/analysis/streams.ts";
import type { Span } from "../../ir/nodes.ts";
import {
  deadlockReport,
  type Fifo,
  leftOverReport,
  type RegionWait,
  streamError,
  type Wait,
} from "../../runtime/streams.ts";
import type { DataflowSites } from "./target.ts";

interface FifoState {
  stream: number;
  index: number;
  n: number;
  depth: number;
  puts: number;
  gets: number;
}
interface WaitJson extends FifoState {
  site: number;
  ivs: number[];
}
type UnitJson = WaitJson | { inner: RegionJson } | null;
interface RegionJson {
  region: number;
  units: UnitJson[];
}
type Report =
  | { deadlock: RegionJson | { drive: number; wait: WaitJson } | { site: number; wait: WaitJson } }
  | { left: FifoState & { region: number } };

/** The error of a native call that ended with code 2 (deadlock) or 3 (data left in a stream). */
export function dataflowError(json: string, sites: DataflowSites): Error {
  const r = JSON.parse(json) as Report;
  const fifos = new Map<string, Fifo<never>>();
  const fifo = (f: FifoState): Fifo<never> => {
    const key = `${f.stream}:${f.index}`;
    const known = fifos.get(key);
    if (known) return known;
    const { name, shape } = sites.streams[f.stream];
    const indices: number[] = [];
    let k = f.index;
    for (let d = shape.length - 1; d >= 0; d--) {
      indices.unshift(k % shape[d]);
      k = Math.floor(k / shape[d]);
    }
    const made = {
      stream: name,
      indices,
      depth: f.depth,
      buf: [],
      head: 0,
      n: f.n,
      puts: f.puts,
      gets: f.gets,
    };
    fifos.set(key, made);
    return made;
  };
  const wait = (w: WaitJson): Wait<never> => {
    const site = sites.waits[w.site];
    const ivs = Object.fromEntries(site.loops.map((name, k) => [name, w.ivs[k]]));
    return { op: site.op, fifo: fifo(w), at: site.at, ivs };
  };
  const unit = (u: Exclude<UnitJson, null>): Wait<never> | RegionWait<never> =>
    "inner" in u ? region(u.inner) : wait(u);
  const region = (j: RegionJson): RegionWait<never> => {
    const { region: st, at } = sites.regions[j.region];
    return {
      region: st.name,
      span: at,
      uses: streamUses(st.units),
      units: st.units.map((u, k) => {
        const w = j.units[k];
        return w === null ? { name: u.name } : { name: u.name, wait: unit(w) };
      }),
    };
  };
  if ("left" in r) {
    const { region: st, at } = sites.regions[r.left.region];
    const { text, details } = leftOverReport(fifo(r.left), st.name);
    return streamError("AL4102", text, at, details);
  }
  const d = r.deadlock;
  let stuck: RegionWait<never>;
  let span: Span | undefined;
  if ("region" in d) {
    stuck = region(d);
    span = stuck.span;
  } else if ("drive" in d) {
    const { func, at } = sites.drives[d.drive];
    stuck = { region: func, units: [{ name: func, wait: wait(d.wait) }] };
    span = at;
  } else {
    const { func, at } = sites.waits[d.site];
    stuck = { region: func, units: [{ name: func, wait: wait(d.wait) }] };
    span = at;
  }
  const { text, details } = deadlockReport(stuck);
  return streamError("AL4101", text, span, details);
}
