// A loop every unit of a spatial region consists of: when each unit's body is one loop with the same
// constant bounds and step (a tiled PE array's tile loops, its loaders' matching loops), the region can
// run once per iteration of one loop around it, each unit's loop variable becoming that loop's. The pass
// does this only where the inner region's schedule is then proven, which ends with every FIFO empty, so
// the iterations run back to back form one run of the same Kahn network (every run gives its values).
import { constIndex, ivRef } from "../../build.ts";
import type { ForStmt, SpatialStmt } from "../../nodes.ts";
import { substituteIvs } from "../../walk.ts";

/** The common loop (with an empty body) and the region of one iteration, or undefined. */
export function hoistCommonLoop(s: SpatialStmt): { loop: ForStmt; region: SpatialStmt } | undefined {
  const loops = s.units.map((u) => (u.body.length === 1 && u.body[0].kind === "for" ? u.body[0] : undefined));
  const first = loops[0];
  if (first === undefined) return undefined;
  const lb = constIndex(first.lb);
  const ub = constIndex(first.ub);
  if (lb === undefined || ub === undefined) return undefined;
  const same = (l: ForStmt | undefined): l is ForStmt =>
    l !== undefined && constIndex(l.lb) === lb && constIndex(l.ub) === ub && l.step === first.step;
  if (!loops.every(same)) return undefined;
  const units = s.units.map((u, k) => {
    const l = loops[k] as ForStmt;
    return { ...u, body: substituteIvs(l.body, new Map([[l.iv, ivRef(first.iv)]])) };
  });
  return { loop: { ...first, attrs: {}, body: [] }, region: { ...s, units } };
}
