// The process/FIFO graph of every spatial region of a module (PE arrays, dataflow kernels): one node per
// unit (with its grid position when unfold made it), one edge per stream element with its producer and
// consumer units and its depth. The `dot` target draws it as Graphviz text and the design report as SVG;
// both read this one extraction. Linear in the region's stream elements and uses.

import type { Module } from "../nodes.ts";
import { visitStmts } from "../walk.ts";
import { streamUses } from "./streams.ts";

/** One FIFO of a region: a stream element; producer/consumer are unit names ("?" when none, "a,b" when several). */
export interface GraphFifo {
  readonly label: string;
  /** `stream|i,j`: the element's key, as the dot target's run counters name it. */
  readonly key: string;
  readonly depth: number;
  readonly producer: string;
  readonly consumer: string;
}

export interface GraphUnit {
  readonly name: string;
  /** Its PE grid position when unfold made it. */
  readonly coords?: readonly number[];
}

export interface RegionGraph {
  /** The function holding the region. */
  readonly func: string;
  /** The region's name. */
  readonly name: string;
  readonly units: readonly GraphUnit[];
  readonly fifos: readonly GraphFifo[];
}

/** Every element of a shape, row-major. */
function elements(shape: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const n of shape) out = out.flatMap((p) => Array.from({ length: n }, (_, i) => [...p, i]));
  return out;
}

export const graphFifoKey = (stream: string, indices: readonly number[]): string =>
  `${stream}|${indices.join(",")}`;

/** The graphs of the module's spatial regions, in function and statement order. */
export function regionGraphs(m: Module): RegionGraph[] {
  const out: RegionGraph[] = [];
  for (const f of m.functions) {
    visitStmts(f.body, (s) => {
      if (s.kind !== "spatial") return;
      const uses = streamUses(s.units);
      const fifos: GraphFifo[] = [];
      for (const [stream, list] of Object.entries(uses)) {
        const b = f.buffers[stream];
        if (!b?.stream) continue;
        // Uses by element key (constant indices) and those of every element (a varying index), kept with
        // their place in the use list so an element's units come in that order (as endsOf gives them).
        const at = { put: new Map<string, number[]>(), get: new Map<string, number[]>() };
        const any = { put: [] as number[], get: [] as number[] };
        list.forEach((u, n) => {
          if (u.indices === null) any[u.op].push(n);
          else {
            const k = graphFifoKey(stream, u.indices);
            const l = at[u.op].get(k);
            if (l) l.push(n);
            else at[u.op].set(k, [n]);
          }
        });
        const ends = (op: "put" | "get", k: string): string => {
          const exact = at[op].get(k) ?? [];
          // Each list is in use order already; only a mix of both needs sorting.
          const order = any[op].length ? [...exact, ...any[op]].sort((a, b) => a - b) : exact;
          if (order.length === 1) return list[order[0]].unit;
          const names = [...new Set(order.map((n) => list[n].unit))];
          return names.length ? names.join(",") : "?";
        };
        for (const ix of elements(b.shape)) {
          const key = graphFifoKey(stream, ix);
          const producer = ends("put", key);
          const consumer = ends("get", key);
          if (producer === "?" && consumer === "?") continue;
          const label = stream + ix.map((i) => `[${i}]`).join("");
          fifos.push({ label, key, depth: b.stream.depth, producer, consumer });
        }
      }
      const units = s.units.map((u) => (u.coords ? { name: u.name, coords: u.coords } : { name: u.name }));
      out.push({ func: f.name, name: s.name, units, fifos });
    });
  }
  return out;
}
