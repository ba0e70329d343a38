// reorder(...loops): permute loops of one perfect nest. The listed loops take the positions they
// occupy, in the order given (outermost first); unlisted loops stay where they are. Bounds are
// checked: a loop never moves outside a loop its bounds depend on.

import type { ForStmt, Module, Stmt } from "../../ir/nodes.ts";
import type { LoopRef } from "../refs.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { getFunc, getLoop, ivsOf, perfectChain, replaceLoop, withFunc } from "./util/loops.ts";

const P = "reorder";

/**
 * Reorders `loops` (all of one function, each listed once) inside the perfect nest headed by the
 * outermost of them (AL3004 when some listed loop is not perfectly nested in it).
 *
 * Before (`reorder("k", "j")` on i, j, k): `for i { for j { for k { body } } }`
 * After:                                   `for i { for k { for j { body } } }`
 *
 * Dependences between iterations are not analysed (as in Allo): permuting loops that carry one
 * changes the result; `verifyEachStep` proves or refutes each reorder. The band name stays on the
 * outermost position; other loops keep their attributes (an inner band name travels with its loop,
 * and moves to the old head if that loop becomes the head).
 */
export function reorder(m: Module, loops: readonly LoopRef[]): PrimitiveResult {
  if (loops.length === 0) throw primitiveError("AL3004", P, "name at least one loop");
  const func = getFunc(m, loops[0].func, P);
  const sites = loops.map((r) => {
    if (r.func !== func.name) {
      throw primitiveError(
        "AL3004",
        P,
        `loops of different functions ('${func.name}', '${r.func}') cannot be reordered`,
      );
    }
    return getLoop(m, r, P).site;
  });
  const names = sites.map((s) => `'${s.loop.name}'`).join(", ");
  sites.forEach((s, k) => {
    if (sites.findIndex((t) => t.loop === s.loop) !== k) {
      throw primitiveError("AL3004", P, `loop '${s.loop.name}' is listed twice in ${names}`);
    }
  });
  const head = sites.reduce((a, b) => (b.enclosing.length < a.enclosing.length ? b : a)).loop;
  const chain = perfectChain(head);
  for (const s of sites) {
    if (!chain.includes(s.loop)) {
      throw primitiveError(
        "AL3004",
        P,
        `loops ${names} are not in one perfect band: '${s.loop.name}' is not perfectly nested in '${head.name}' ` +
          `(${breakOf(chain)}); the perfect nest from '${head.name}' is ${chain.map((l) => `'${l.name}'`).join(", ")}`,
      );
    }
  }
  const positions = sites.map((s) => chain.indexOf(s.loop)).sort((a, b) => a - b);
  const order = [...chain];
  positions.forEach((p, k) => {
    order[p] = sites[k].loop;
  });
  if (order.every((l, k) => l === chain[k])) return { module: m };
  order.forEach((l, k) => {
    const outside = new Set(order.slice(0, k).map((x) => x.iv));
    const inside = chain.filter((x) => !outside.has(x.iv) && x !== l);
    const dep = inside.find((x) => ivsOf(l.lb).has(x.iv) || ivsOf(l.ub).has(x.iv));
    if (dep) {
      throw primitiveError(
        "AL3004",
        P,
        `loop '${l.name}' cannot move outside loop '${dep.name}': its bounds depend on '${dep.name}'`,
      );
    }
  });
  const rebuilt = rebuild(order, chain);
  return {
    module: withFunc(
      m,
      replaceLoop(func, head.iv, () => [rebuilt]),
    ),
  };
}

/** Nests `order` around the innermost body, keeping the head's band name on the outermost loop. */
function rebuild(order: readonly ForStmt[], chain: readonly ForStmt[]): ForStmt {
  const headName = chain[0].attrs.opName;
  const newHead = order[0];
  let body: readonly Stmt[] = chain[chain.length - 1].body;
  for (let k = order.length - 1; k >= 0; k--) {
    const l = order[k];
    let { opName, ...rest } = l.attrs;
    if (k === 0) opName = headName;
    else if (l === chain[0]) opName = newHead === chain[0] ? headName : newHead.attrs.opName;
    body = [{ ...l, attrs: opName !== undefined ? { opName, ...rest } : rest, body }];
  }
  return body[0] as ForStmt;
}

/** Why the perfect nest stops where it does. */
function breakOf(chain: readonly ForStmt[]): string {
  const last = chain[chain.length - 1];
  const kinds = last.body.map((s) => s.kind).join(", ");
  return `the body of '${last.name}' holds ${last.body.length} statement(s): ${kinds}`;
}
