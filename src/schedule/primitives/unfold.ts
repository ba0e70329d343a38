// unfold(band, axis, factor): replicate loops of a band in space. The band's loop nest becomes a
// `spatial` region of PE units (`PE_0_0`, `PE_0_1`, ...), one per point of the grid of factors, each a
// copy of the nest with the unfolded loop variables fixed (or tiled); unit order is row-major.

import { constTripCount } from "../../ir/analysis/trip-count.ts";
import { idx, idxOp, ivRef } from "../../ir/build.ts";
import { freshName, takenNames } from "../../ir/names.ts";
import type { Expr, ForStmt, Module, SpatialStmt, SpatialUnit, Stmt } from "../../ir/nodes.ts";
import { rewriteBlock, stmtExprs, substituteIvs, visitStmts, walkExpr } from "../../ir/walk.ts";
import type { BandRef } from "../refs.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { getFunc, ivFromIndex, perfectChain, replaceLoop, withFunc } from "./util/loops.ts";

const P = "unfold";

/**
 * Unfolds the loops at band axes `axis` (0 = the band's outermost loop, counting down its perfect
 * nest) into a grid of `factor[k]` PEs along each. Each unfolded loop needs constant bounds (AL3009).
 * A factor equal to the trip count gives one PE per iteration (the loop variable becomes a constant in
 * each copy); a smaller factor must divide the trip count and tiles: PE p keeps a loop of
 * trip/factor iterations over the contiguous block [p * trip/factor, (p + 1) * trip/factor).
 * Loops that are not unfolded stay inside every copy in their original order, so unfolding an inner
 * axis (j of i, j) interchanges it outward; like Allo, legality (no dependence carried by an unfolded
 * loop) is the schedule's responsibility: a reduction axis (k in the k, j systolic array) is only
 * valid once its accumulation is relayed PE to PE (relay of the bufferAt buffer along that axis).
 * Copies get fresh loop variables (`k_0_1`) and their inner bands the suffix (`S_k_0_0_1`).
 * Returns the region as a SpatialRef; the region records the band's loops and the unfolded axes so
 * that relay can interpret its `axis`.
 */
export function unfold(
  m: Module,
  band: BandRef,
  axis: readonly number[],
  factor: readonly number[],
): PrimitiveResult {
  const f = getFunc(m, band.func, P);
  const head = findBand(f.body, band.opName, f.name);
  const chain = perfectChain(head);
  let streams = false;
  visitStmts([head], (s) => {
    if (s.kind === "spatial" || s.kind === "streamPut") streams = true;
    for (const e of stmtExprs(s)) walkExpr(e, (x) => (streams ||= x.kind === "streamGet"));
  });
  if (streams) {
    throw primitiveError(
      "AL3017",
      P,
      `band '${band.opName}' already holds streams or PE arrays, whose copies would share FIFOs; unfold before relay`,
    );
  }
  const listing = chain.map((l, k) => `${l.name} (${k})`).join(", ");
  if (axis.length === 0 || axis.length !== factor.length) {
    throw primitiveError(
      "AL3017",
      P,
      `give one factor per axis: ${axis.length} axis/axes and ${factor.length} factor(s) for band '${band.opName}'`,
    );
  }
  for (const a of axis) {
    if (!Number.isInteger(a) || a < 0 || a >= chain.length || axis.indexOf(a) !== axis.lastIndexOf(a)) {
      throw primitiveError(
        "AL3017",
        P,
        `axis ${a} is not a distinct axis of band '${band.opName}'; its perfectly nested loops are ${listing}`,
      );
    }
  }
  const order = axis.map((a, k) => ({ a, factor: factor[k] })).sort((x, y) => x.a - y.a);
  const plan = order.map(({ a, factor: fac }) => {
    const loop = chain[a];
    const trip = constTripCount(loop);
    if (trip === undefined) {
      throw primitiveError(
        "AL3009",
        P,
        `loop '${loop.name}' (axis ${a} of band '${band.opName}') has bounds that depend on other loops; ` +
          "only loops with constant bounds can be unfolded",
      );
    }
    if (!Number.isInteger(fac) || fac < 1 || fac > trip || trip % fac !== 0) {
      const ok = [...Array(trip).keys()].map((d) => d + 1).filter((d) => trip % d === 0);
      throw primitiveError(
        "AL3005",
        P,
        `factor ${fac} for loop '${loop.name}' (${trip} iterations) must divide the trip count; valid: ${ok.join(", ")}`,
      );
    }
    return { a, loop, trip, factor: fac, tile: trip / fac };
  });

  const taken = takenNames(f);
  const units: SpatialUnit[] = [];
  for (const coords of gridPoints(plan.map((p) => p.factor))) {
    const suffix = coords.join("_");
    const subst = new Map<string, Expr>();
    let body: readonly Stmt[] = chain[chain.length - 1].body;
    for (let k = chain.length - 1; k >= 0; k--) {
      const loop = chain[k];
      const p = plan.find((x) => x.a === k);
      if (!p) {
        body = [{ ...loop, body }];
        continue;
      }
      const at = coords[plan.indexOf(p)];
      if (p.tile === 1) {
        subst.set(loop.iv, ivFromIndex(loop, idx(at)));
        continue;
      }
      // A tile: this PE's copy keeps a loop over its block of iterations.
      subst.set(loop.iv, ivFromIndex(loop, idxOp("+", idx(at * p.tile), ivRef(loop.iv))));
      body = [{ ...loop, lb: idx(0), ub: idx(p.tile), step: 1, body }];
    }
    body = substituteIvs(body, subst);
    units.push({ name: `${band.opName}_${suffix}`, body: renameCopies(body, suffix, taken), coords });
  }
  const region: SpatialStmt = {
    kind: "spatial",
    name: band.opName,
    units,
    grid: {
      band: band.opName,
      loops: chain.map((l) => l.name),
      axes: plan.map((p) => p.a),
      extents: plan.map((p) => p.factor),
    },
    ...(head.span ? { span: head.span } : {}),
  };
  const g = replaceLoop(f, head.iv, () => [region]);
  return {
    module: withFunc(m, g),
    handles: [{ kind: "spatial", func: f.name, name: band.opName, extents: region.grid?.extents ?? [] }],
  };
}

function findBand(body: readonly Stmt[], opName: string, func: string): ForStmt {
  const heads: ForStmt[] = [];
  const bands: string[] = [];
  let unfolded = false;
  visitStmts(body, (s) => {
    if (s.kind === "for" && s.attrs.opName) {
      bands.push(`'${s.attrs.opName}'`);
      if (s.attrs.opName === opName) heads.push(s);
    }
    if (s.kind === "spatial" && s.name === opName) unfolded = true;
  });
  if (heads.length === 1) return heads[0];
  if (unfolded) throw primitiveError("AL3017", P, `band '${opName}' of '${func}' is already unfolded`);
  if (heads.length > 1) throw primitiveError("AL3017", P, `several bands of '${func}' are named '${opName}'`);
  throw primitiveError(
    "AL3017",
    P,
    `'${func}' has no band '${opName}'; bands: ${bands.length ? bands.join(", ") : "none"}`,
  );
}

/** Row-major points of a grid. */
function gridPoints(extents: readonly number[]): number[][] {
  let points: number[][] = [[]];
  for (const n of extents) points = points.flatMap((p) => [...Array(n).keys()].map((c) => [...p, c]));
  return points;
}

/** Gives every loop of one PE copy a fresh variable and suffixes the names of bands inside it. */
function renameCopies(body: readonly Stmt[], suffix: string, taken: Set<string>): readonly Stmt[] {
  const names = new Map<string, string>();
  visitStmts(body, (s) => {
    if (s.kind === "for") names.set(s.iv, freshName(taken, `${s.iv}_${suffix}`));
  });
  const renamed = substituteIvs(body, new Map([...names].map(([from, to]) => [from, ivRef(to)])));
  const relabel = (b: readonly Stmt[]): readonly Stmt[] =>
    rewriteBlock(b, (s) => {
      if (s.kind !== "for") return undefined;
      const attrs = s.attrs.opName ? { ...s.attrs, opName: `${s.attrs.opName}_${suffix}` } : s.attrs;
      return [{ ...s, iv: names.get(s.iv) ?? s.iv, attrs, body: relabel(s.body) }];
    });
  return relabel(renamed);
}
