// The FIFO topology of one relay: which grid axis values flow along, which PEs start and end a chain,
// and the checks that make forwarding exact (PEs of a chain need the same values; chains that carry
// partial results update disjoint parts of memory).

import { constIndex } from "../../../ir/build.ts";
import type { Expr, SpatialGrid, SpatialUnit } from "../../../ir/nodes.ts";
import { primitiveError } from "../result.ts";
import { type PeSites, signature } from "./sites.ts";

export interface Flow {
  /** Grid dimension the values move along; undefined when every PE is fed directly. */
  readonly axis: number | undefined;
  /** The buffer is written back: partial results move along the chain. */
  readonly accumulate: boolean;
  /** The FIFO a PE sends to: the next PE along the axis, or (with `out`, after the last) the drain slot. */
  next(c: readonly number[], out?: boolean): readonly number[] | undefined;
  isHead(c: readonly number[]): boolean;
  isTail(c: readonly number[]): boolean;
}

type Pe = SpatialUnit & { coords: readonly number[] };

export function planFlow(
  grid: SpatialGrid,
  pes: readonly Pe[],
  sites: readonly PeSites[],
  axis: number | undefined,
  buf: string,
): Flow {
  const accumulate = sites.some((s) => s.back);
  const fail = (text: string) => primitiveError("AL3010", "relay", text);
  const srcIndices = (s: PeSites): readonly Expr[] =>
    (s.fill.store.value as { indices: readonly Expr[] }).indices;
  const skeleton = sites.map((s) => signature(s.fill.path, s.fill.store.indices));
  if (skeleton.some((x) => x !== skeleton[0])) {
    throw fail(`the PEs fill '${buf}' with different loops; relay needs copies of one band (made by unfold)`);
  }
  const values = sites.map((s) => signature(s.fill.path, [...s.fill.store.indices, ...srcIndices(s)]));
  if (accumulate) {
    sites.forEach((s, k) => {
      const b = s.back!;
      const backVals = signature(b.path, [
        ...(b.store.value as { indices: readonly Expr[] }).indices,
        ...b.store.indices,
      ]);
      if (backVals !== values[k]) {
        throw fail(`${pes[k].name} writes back a different part of memory than it fills '${buf}' from`);
      }
    });
  }
  const at = new Map(pes.map((u, k) => [u.coords.join(","), k]));
  const neighbour = (c: readonly number[], g: number) =>
    at.get(c.map((x, d) => (d === g ? x + 1 : x)).join(","));
  const differsAlong = (g: number) =>
    pes.findIndex((u, k) => {
      const n = neighbour(u.coords, g);
      return n !== undefined && values[n] !== values[k];
    });
  const name = (g: number) => `axis ${grid.axes[g]} (loop '${grid.loops[grid.axes[g]]}')`;

  const dims = grid.extents.map((_, g) => g);
  const flowDims =
    axis === undefined ? dims.filter((g) => differsAlong(g) < 0) : dims.filter((g) => grid.axes[g] !== axis);
  const f = flowDims.length ? flowDims[flowDims.length - 1] : undefined;
  if (f !== undefined) {
    const k = differsAlong(f);
    if (k >= 0) {
      const other = pes[neighbour(pes[k].coords, f)!].name;
      throw fail(
        `'${buf}' holds different values in ${pes[k].name} and ${other}, so it cannot flow along ${name(f)}; ` +
          `relay it with { axis: ${grid.axes[f]} } so that each PE along that axis gets its own values`,
      );
    }
  } else if (accumulate) {
    const why =
      axis === undefined
        ? "its values differ along every unfolded axis"
        : `no unfolded axis other than ${axis} is left`;
    throw fail(
      `'${buf}' is accumulated, but ${why}, so there is no chain for its partial results: ` +
        "each PE owns the elements it accumulates and needs no relay",
    );
  }
  const n = (g: number) => grid.extents[g];
  const flow: Flow = {
    axis: f,
    accumulate,
    next(c, out = false) {
      if (f === undefined) return undefined;
      const d = c.map((x, g) => (g === f ? x + 1 : x));
      return d[f] < n(f) || out ? d : undefined;
    },
    isHead: (c) => f === undefined || c[f] === 0,
    isTail: (c) => f === undefined || c[f] === n(f) - 1,
  };
  if (accumulate) checkDisjoint(pes, sites, flow, srcIndices, buf);
  return flow;
}

/** Two chains that both carry partial results must update provably different elements. */
function checkDisjoint(
  pes: readonly Pe[],
  sites: readonly PeSites[],
  flow: Flow,
  srcIndices: (s: PeSites) => readonly Expr[],
  buf: string,
): void {
  const heads = pes.flatMap((u, k) => (flow.isHead(u.coords) ? [k] : []));
  for (let a = 0; a < heads.length; a++) {
    for (let b = a + 1; b < heads.length; b++) {
      const x = srcIndices(sites[heads[a]]);
      const y = srcIndices(sites[heads[b]]);
      const apart = x.some((e, d) => {
        const p = constIndex(e);
        const q = constIndex(y[d]);
        return p !== undefined && q !== undefined && p !== q;
      });
      if (!apart) {
        throw primitiveError(
          "AL3010",
          "relay",
          `the chains starting at ${pes[heads[a]].name} and ${pes[heads[b]].name} may update the same elements ` +
            `through '${buf}'; relay an accumulated buffer along the axis its PEs share`,
        );
      }
    }
  }
}
