// The loop labels of one function exactly as the HLS printer assigns them: a pre-order walk in printing
// order, each loop's base label (src/backends/cxx/labels.ts) made unique function-wide, and an
// allocation's fill nest (when the printer writes one) as synthetic loops with their `l_<buf>_fill<k>`
// labels, so the estimator can cost the fill like any other loop.

import { fillLabelBase, loopLabelBase, uniqueLabel } from "../backends/cxx/labels.ts";
import { sanitize } from "../backends/cxx/names.ts";
import { overwrites } from "../backends/cxx/stmt.ts";
import { constOf, forLoop, idx, ivRef } from "../ir/build.ts";
import type { AllocStmt, ForStmt, Func, Stmt } from "../ir/nodes.ts";
import { childBlocks } from "../ir/walk.ts";

export interface FuncLabels {
  readonly label: Map<ForStmt, string>;
  /** The fill nest the printer writes for an allocation (absent: none is written). */
  readonly fills: Map<AllocStmt, readonly Stmt[]>;
}

/** The fill nest of an array allocation: loops over every dimension storing the initial value. */
function fillNest(f: Func, st: AllocStmt, taken: Set<string>, label: Map<ForStmt, string>): readonly Stmt[] {
  const b = f.buffers[st.buffer];
  const value = st.init ?? constOf(b.type, b.type.kind === "float" ? 0 : 0n);
  const ivs = b.shape.map((_, k) => `__fill_${st.buffer}_${k}`);
  const store: Stmt = { kind: "store", buffer: b.name, indices: ivs.length ? ivs.map(ivRef) : [], value };
  let body: readonly Stmt[] = [store];
  const loops: ForStmt[] = [];
  for (let k = b.shape.length - 1; k >= 0; k--) {
    const l = forLoop(ivs[k], `${b.name}_fill${k}`, idx(0), idx(b.shape[k]), body);
    loops.unshift(l);
    body = [l];
  }
  for (const [k, l] of loops.entries()) label.set(l, uniqueLabel(taken, fillLabelBase(sanitize(b.name), k)));
  return body;
}

export function functionLabels(f: Func): FuncLabels {
  const taken = new Set<string>();
  const label = new Map<ForStmt, string>();
  const fills = new Map<AllocStmt, readonly Stmt[]>();
  const walk = (list: readonly Stmt[]): void => {
    list.forEach((st, k) => {
      if (st.kind === "alloc") {
        const b = f.buffers[st.buffer];
        const scalar = b.shape.length === 0 && b.role === "local";
        if (!b.stream && !scalar && (st.init || !overwrites(list[k + 1], b)))
          fills.set(st, fillNest(f, st, taken, label));
        return;
      }
      if (st.kind === "for") label.set(st, uniqueLabel(taken, loopLabelBase(st)));
      if (st.kind !== "spatial") for (const c of childBlocks(st)) walk(c);
    });
  };
  walk(f.body);
  return { label, fills };
}
