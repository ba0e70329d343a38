// fuse(...loops): coalesce consecutive perfectly nested loops into one loop named `i_j_fused` (Allo's
// name), whose iterations run in the original order; the original indices are recovered with / and %.

import { constTripCount, tripCountExpr } from "../../ir/analysis/trip-count.ts";
import { idx, idxOp, ivRef } from "../../ir/build.ts";
import { freshName, takenNames } from "../../ir/names.ts";
import type { Expr, ForStmt, Module } from "../../ir/nodes.ts";
import { substituteIvs } from "../../ir/walk.ts";
import type { LoopRef } from "../refs.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { definedAttrs, getLoop, ivFromIndex, ivsOf, replaceLoop, withFunc } from "./util/loops.ts";

const P = "fuse";

/**
 * Fuses loops l1 .. ln (n >= 2), given outer to inner, where each l(k+1) is the whole body of lk
 * (AL3004 otherwise). The inner loops need constant trip counts that do not depend on the fused
 * loops (AL3011); the outermost may depend on enclosing loops.
 *
 * Before: `for i in [0, 4) { for j in [0, 8) { body(i, j) } }`
 * After:  `for i_j_fused in [0, 32) { body(i_j_fused / 8, i_j_fused % 8) }`
 *
 * Attributes: the band name, `parallel` and `dataflow` of l1; `pipeline`, `rewind`, `unroll` of ln;
 * `reduction` when every loop has it. Returns a handle of the fused loop.
 */
export function fuse(m: Module, loops: readonly LoopRef[]): PrimitiveResult {
  if (loops.length < 2) throw primitiveError("AL3004", P, `name at least two loops, got ${loops.length}`);
  const sites = loops.map((r) => getLoop(m, r, P));
  const func = sites[0].func;
  const ls = sites.map((s) => s.site.loop);
  const names = ls.map((l) => `'${l.name}'`).join(", ");
  for (let k = 0; k + 1 < ls.length; k++) {
    const outer = ls[k];
    if (sites[k + 1].func !== func || outer.body.length !== 1 || outer.body[0] !== ls[k + 1]) {
      throw primitiveError(
        "AL3004",
        P,
        `loops ${names} are not consecutive perfectly nested loops (given outer to inner): ` +
          `the body of '${outer.name}' is not exactly loop '${ls[k + 1].name}'`,
      );
    }
  }
  const trips = ls.map((l, k) => {
    if (k === 0) return tripCountExpr(l);
    const dep = ls.find((x) => ivsOf(l.lb).has(x.iv) || ivsOf(l.ub).has(x.iv));
    const t = constTripCount(l);
    if (dep || t === undefined) {
      const why = dep ? `its bounds depend on loop '${dep.name}'` : "its bounds vary with enclosing loops";
      throw primitiveError(
        "AL3011",
        P,
        `loop '${l.name}' needs a constant trip count to be fused with ${names} (${why})`,
      );
    }
    return idx(t);
  });
  const taken = takenNames(func);
  const name = `${ls.map((l) => l.name).join("_")}_fused`;
  const iv = freshName(taken, `${ls.map((l) => l.iv).join("_")}_fused`);
  const fused = ivRef(iv);
  const subst = new Map<string, Expr>();
  let stride: Expr = idx(1);
  for (let k = ls.length - 1; k >= 0; k--) {
    const scaled = idxOp("/", fused, stride);
    const index = k === 0 ? scaled : idxOp("%", scaled, trips[k]);
    subst.set(ls[k].iv, ivFromIndex(ls[k], index));
    stride = idxOp("*", stride, trips[k]);
  }
  const first = ls[0].attrs;
  const last = ls[ls.length - 1].attrs;
  const loop: ForStmt = {
    kind: "for",
    iv,
    name,
    lb: idx(0),
    ub: stride,
    step: 1,
    attrs: definedAttrs({
      opName: first.opName,
      parallel: first.parallel,
      dataflow: first.dataflow,
      buffer: first.buffer,
      pipelineII: last.pipelineII,
      rewind: last.rewind,
      unroll: last.unroll,
      reduction: ls.every((l) => l.attrs.reduction) || undefined,
    }),
    body: substituteIvs(ls[ls.length - 1].body, subst),
    ...(ls[0].span ? { span: ls[0].span } : {}),
  };
  return {
    module: withFunc(
      m,
      replaceLoop(func, ls[0].iv, () => [loop]),
    ),
    handles: [{ kind: "loop", func: func.name, iv }],
  };
}
