// split(loop, factor): tile one loop into `<name>.outer` x `<name>.inner`, Allo's naming. Exact for
// every trip count: when the factor does not divide it, the inner loop's bound is a min, so the last
// tile is partial and no iteration runs twice or out of range.

import { tripCountExpr } from "../../ir/analysis/trip-count.ts";
import { idx, idxOp, ivRef } from "../../ir/build.ts";
import { freshName, takenNames } from "../../ir/names.ts";
import type { ForStmt, LoopAttrs, Module } from "../../ir/nodes.ts";
import { substituteIvs } from "../../ir/walk.ts";
import type { LoopRef } from "../refs.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { getLoop, ivFromIndex, definedAttrs as pick, replaceLoop, withFunc } from "./util/loops.ts";

const P = "split";

/**
 * Splits `loop` (for i in [lb, ub) step s, trip count T) by `factor` f >= 1 (AL3005 otherwise).
 *
 * Before: `for i in [lb, ub) step s { body(i) }`
 * After:  `for io in [0, ceil(T / f)) { for ii in [0, f or min(f, T - io * f)) { body(lb + (io * f + ii) * s) } }`
 *
 * The inner bound is the constant f when f divides a constant T, else the min. Bounds may depend on
 * enclosing loops (triangular nests): T is then an index expression. Attributes: the band name and
 * `parallel`/`dataflow` stay on the outer loop; `pipeline`, `rewind` and `unroll` move to the inner one;
 * `reduction` is kept on both. Returns handles [outer, inner].
 */
export function split(m: Module, loop: LoopRef, factor: number): PrimitiveResult {
  const { func, site } = getLoop(m, loop, P);
  const l = site.loop;
  if (!Number.isInteger(factor) || factor < 1) {
    throw primitiveError(
      "AL3005",
      P,
      `the factor of loop '${l.name}' must be a positive integer, got ${factor}`,
    );
  }
  const taken = takenNames(func);
  const outerIv = freshName(taken, `${l.iv}_outer`);
  const innerIv = freshName(taken, `${l.iv}_inner`);
  const trip = tripCountExpr(l);
  const f = idx(factor);
  const outerTrip = idxOp("/", idxOp("+", trip, idx(factor - 1)), f);
  const divides = trip.kind === "const" && (trip.value as bigint) % BigInt(factor) === 0n;
  const left = idxOp("-", trip, idxOp("*", ivRef(outerIv), f));
  const innerUb = divides ? f : idxOp("min", f, left);
  const index = idxOp("+", idxOp("*", ivRef(outerIv), f), ivRef(innerIv));
  const body = substituteIvs(l.body, new Map([[l.iv, ivFromIndex(l, index)]]));
  const { opName, parallel, dataflow, pipelineII, rewind, unroll, reduction, buffer } = l.attrs;
  const outerAttrs: LoopAttrs = pick({ opName, parallel, dataflow, reduction, buffer });
  const innerAttrs: LoopAttrs = pick({ pipelineII, rewind, unroll, reduction, buffer });
  const inner: ForStmt = {
    kind: "for",
    iv: innerIv,
    name: `${l.name}.inner`,
    lb: idx(0),
    ub: innerUb,
    step: 1,
    attrs: innerAttrs,
    body,
    ...(l.span ? { span: l.span } : {}),
  };
  const outer: ForStmt = {
    ...inner,
    iv: outerIv,
    name: `${l.name}.outer`,
    ub: outerTrip,
    attrs: outerAttrs,
    body: [inner],
  };
  return {
    module: withFunc(
      m,
      replaceLoop(func, l.iv, () => [outer]),
    ),
    handles: [
      { kind: "loop", func: func.name, iv: outerIv },
      { kind: "loop", func: func.name, iv: innerIv },
    ],
  };
}
