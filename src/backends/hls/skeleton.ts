// Loop skeletons of a process's accesses of one array, for the processes drainWrites adds: the loops
// around the chosen stores (the leaves) and those stores, nothing else. A store process
// (or a feed process) repeats the skeleton every writer shares and does each writer's leaf in turn.

import { ivRef } from "../../ir/build.ts";
import type { Expr, ForStmt, Stmt, StoreStmt } from "../../ir/nodes.ts";
import { substituteIvs, visitStmts, walkExpr } from "../../ir/walk.ts";

export interface Skeleton {
  readonly block: readonly Stmt[];
  /** The leaves in program order. */
  readonly leaves: readonly StoreStmt[];
  /** The loops' ivs in pre-order (the same position names the same loop in every writer). */
  readonly ivs: readonly string[];
}

/** The indices a leaf store accesses the array at, or undefined for any other store. */
export type LeafIndices = (st: StoreStmt) => readonly Expr[] | undefined;

/** Whether an index or bound is computed from loop variables, scalars and constants only. */
export function control(e: Expr): boolean {
  let ok = true;
  walkExpr(e, (x) => void (ok &&= x.kind !== "load" && x.kind !== "streamGet"));
  return ok;
}

/** Whether `st` is or holds a leaf. */
function holdsLeaf(st: Stmt, leaf: LeafIndices): boolean {
  let found = false;
  visitStmts([st], (s) => void (found ||= s.kind === "store" && leaf(s) !== undefined));
  return found;
}

/** The skeleton of `body`'s leaves, or undefined when one sits under a branch or a data-dependent bound. */
function skeletonOf(body: readonly Stmt[], leaf: LeafIndices): Skeleton | undefined {
  const leaves: StoreStmt[] = [];
  const ivs: string[] = [];
  const walk = (b: readonly Stmt[]): Stmt[] | undefined => {
    const out: Stmt[] = [];
    for (const st of b) {
      if (!holdsLeaf(st, leaf)) continue;
      const at = st.kind === "store" ? leaf(st) : undefined;
      if (st.kind === "store" && at) {
        if (!at.every(control)) return undefined;
        leaves.push(st);
        out.push(st);
      } else if (st.kind === "for") {
        if (!control(st.lb) || !control(st.ub)) return undefined;
        ivs.push(st.iv);
        const inner = walk(st.body);
        if (!inner) return undefined;
        out.push({ ...st, attrs: {}, body: inner });
      } else return undefined;
    }
    return out;
  };
  const block = walk(body);
  return block && { block, leaves, ivs };
}

/** The skeleton's shape: loops and bounds with ivs named by position, leaves as markers. */
function shapeKey(s: Skeleton): string {
  const renamed = substituteIvs(s.block, new Map(s.ivs.map((v, k) => [v, ivRef(`#${k}`)])));
  const shape = (b: readonly Stmt[]): unknown[] =>
    b.map((st) => (st.kind === "for" ? [st.lb, st.ub, st.step, shape(st.body)] : "leaf"));
  return JSON.stringify(shape(renamed), (k, v) =>
    k === "span" ? undefined : typeof v === "bigint" ? `${v}` : v,
  );
}

/** The writers' skeletons when every writer has one and all have the same shape. */
export function commonSkeletons(
  bodies: readonly (readonly Stmt[])[],
  leaf: LeafIndices,
): Skeleton[] | undefined {
  const skeletons = bodies.map((b) => skeletonOf(b, leaf));
  if (!skeletons.every((s): s is Skeleton => !!s)) return undefined;
  const key = shapeKey(skeletons[0]);
  return skeletons.every((s) => shapeKey(s) === key) ? skeletons : undefined;
}

/**
 * The body of the process that serves every writer: writer 0's skeleton, its innermost loops pipelined,
 * where each leaf becomes `each(leaf, w)` for every writer w (ivs renamed to writer 0's).
 */
export function servingBody(
  skeletons: readonly Skeleton[],
  each: (leaf: StoreStmt, w: number) => Stmt,
): Stmt[] {
  const [first] = skeletons;
  const renamed = skeletons.map((s) => {
    const to = new Map(s.ivs.map((v, k): [string, Expr] => [v, ivRef(first.ivs[k])]));
    return substituteIvs(s.leaves, to) as readonly StoreStmt[];
  });
  let n = 0;
  const build = (b: readonly Stmt[]): Stmt[] =>
    b.flatMap((st): Stmt[] => {
      if (st.kind === "for") {
        const body = build(st.body);
        const innermost = !body.some((s) => s.kind === "for");
        return [{ ...st, body, attrs: innermost ? { pipelineII: 1 } : {} } as ForStmt];
      }
      const at = n++;
      return renamed.map((leaves, w) => each(leaves[at], w));
    });
  return build(first.block);
}
