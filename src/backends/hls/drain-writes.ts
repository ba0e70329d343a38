// The drainWrites pass: an array several processes of a region write in parts that no constant index
// separates (a tiled PE array's PE (p, q) writes C[p*Mb + i][q*Nb + j]) gets one writer. Each writer
// puts the values it would store into a FIFO of its own, in its store order, and a new last process,
// `<array>_store`, runs the writers' common loop skeleton (the loops around their stores, nothing else)
// and stores every writer's value where that writer would have. Vitis's dataflow checks ask one writer
// per array; and an array written that way can stay in off-chip memory (streamed-ports.ts). Arrays that
// constant indices separate are left to sliceArrays. Run after orderProcesses, before outlineUnits
// (which turns the new FIFOs into process parameters).

import { idx, ivRef } from "../../ir/build.ts";
import { freshName, takenNames } from "../../ir/names.ts";
import type {
  BufferDecl,
  Expr,
  ForStmt,
  Func,
  Module,
  SpatialStmt,
  SpatialUnit,
  Stmt,
  StoreStmt,
} from "../../ir/nodes.ts";
import type { Pass } from "../../ir/passes/pass.ts";
import { mapList, rewriteBlock, stmtExprs, substituteIvs, visitStmts, walkExpr } from "../../ir/walk.ts";
import { commonPrefixes } from "./slice-arrays.ts";

/** Values a writer may be ahead of the store process by (Vitis's default stream depth). */
const DEPTH = 2;

/** The loops around a writer's stores of one array, with those stores: what the store process repeats. */
interface Skeleton {
  readonly block: readonly Stmt[];
  /** The stores in program order. */
  readonly stores: readonly StoreStmt[];
  /** The loops' ivs in pre-order (the same position names the same loop in every writer). */
  readonly ivs: readonly string[];
}

/** Whether an index or bound is computed from loop variables, scalars and constants only. */
function control(e: Expr): boolean {
  let ok = true;
  walkExpr(e, (x) => void (ok &&= x.kind !== "load" && x.kind !== "streamGet"));
  return ok;
}

/** Whether `st` (or a statement in it) stores `x`. */
function storesTo(st: Stmt, x: string): boolean {
  let found = false;
  visitStmts([st], (s) => void (found ||= s.kind === "store" && s.buffer === x));
  return found;
}

/** The skeleton of `body`'s stores of `x`, or undefined when one sits under a branch or a data-dependent bound. */
function skeletonOf(body: readonly Stmt[], x: string): Skeleton | undefined {
  const stores: StoreStmt[] = [];
  const ivs: string[] = [];
  const walk = (b: readonly Stmt[]): Stmt[] | undefined => {
    const out: Stmt[] = [];
    for (const st of b) {
      if (!storesTo(st, x)) continue;
      if (st.kind === "store") {
        if (!st.indices.every(control)) return undefined;
        stores.push(st);
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
  return block && { block, stores, ivs };
}

/** The skeleton's shape: loops and bounds with ivs named by position, stores as markers. */
function shapeKey(s: Skeleton): string {
  const renamed = substituteIvs(s.block, new Map(s.ivs.map((v, k) => [v, ivRef(`#${k}`)])));
  const shape = (b: readonly Stmt[]): unknown[] =>
    b.map((st) => (st.kind === "for" ? [st.lb, st.ub, st.step, shape(st.body)] : "store"));
  return JSON.stringify(shape(renamed), (k, v) =>
    k === "span" ? undefined : typeof v === "bigint" ? `${v}` : v,
  );
}

/** The arrays a unit stores, and those it touches otherwise (loads, calls, allocs), in one walk. */
function usesOf(u: SpatialUnit): { stored: Set<string>; other: Set<string> } {
  const [stored, other] = [new Set<string>(), new Set<string>()];
  visitStmts(u.body, (st) => {
    if (st.kind === "store") stored.add(st.buffer);
    if (st.kind === "alloc") other.add(st.buffer);
    if (st.kind === "call") {
      for (const r of st.results) other.add(r);
      for (const a of st.args) if (a.kind === "buffer") other.add(a.name);
    }
    for (const e of stmtExprs(st)) walkExpr(e, (v) => void (v.kind === "load" && other.add(v.buffer)));
  });
  return { stored, other };
}

/** Whether sliceArrays gives every writer its own part: constant prefixes, none a prefix of another. */
function sliceable(writers: readonly SpatialUnit[], x: string): boolean {
  const prefixes = writers.map((u) => commonPrefixes(u.body).get(x));
  if (!prefixes.every((p) => p?.length)) return false;
  const whole = new Set(prefixes.map((p) => String(p)));
  const shorter = (p: readonly number[]) => p.some((_, k) => k > 0 && whole.has(String(p.slice(0, k))));
  return whole.size === prefixes.length && !prefixes.some((p) => p && shorter(p));
}

class RegionDrainer {
  readonly buffers: Record<string, BufferDecl>;
  private readonly taken: Set<string>;

  constructor(readonly f: Func) {
    this.buffers = { ...f.buffers };
    this.taken = takenNames(f);
  }

  /** The region with each multiply-written array drained, preceded by its FIFOs' allocs. */
  region(st: SpatialStmt): Stmt[] {
    let units = st.units;
    const allocs: Stmt[] = [];
    // Drained arrays are no longer stored by their writers, so the uses before draining stay right.
    const uses = units.map(usesOf);
    for (const x of Object.keys(this.f.buffers)) {
      const decl = this.f.buffers[x];
      if (decl.stream || decl.shape.length === 0) continue;
      const writers = uses.flatMap((u, k) => (u.stored.has(x) ? [k] : []));
      if (writers.length < 2 || uses.some((u) => u.other.has(x))) continue;
      if (
        sliceable(
          writers.map((k) => units[k]),
          x,
        )
      )
        continue;
      const skeletons = writers.map((k) => skeletonOf(units[k].body, x));
      if (!skeletons.every((s): s is Skeleton => !!s)) continue;
      const key = shapeKey(skeletons[0]);
      if (!skeletons.every((s) => shapeKey(s) === key)) continue;
      const fifo = freshName(this.taken, `${x}_drain`);
      this.buffers[fifo] = {
        name: fifo,
        type: decl.type,
        shape: [writers.length],
        role: "local",
        partitions: [],
        stream: { depth: DEPTH },
        ...(decl.span ? { span: decl.span } : {}),
      };
      allocs.push({ kind: "alloc", buffer: fifo });
      const put =
        (k: number) =>
        (s: Stmt): readonly Stmt[] | undefined =>
          s.kind === "store" && s.buffer === x
            ? [
                {
                  kind: "streamPut",
                  stream: fifo,
                  indices: [idx(k)],
                  value: s.value,
                  ...(s.span ? { span: s.span } : {}),
                },
              ]
            : undefined;
      const drained = units.map((u, k) => {
        const w = writers.indexOf(k);
        return w < 0 ? u : { ...u, body: rewriteBlock(u.body, put(w)) };
      });
      const name = freshName(new Set(units.map((u) => u.name)), `${x}_store`);
      units = [...drained, { name, body: storeBody(skeletons, fifo, decl) }];
    }
    return units === st.units ? [st] : [...allocs, { ...st, units }];
  }
}

/**
 * The store process: writer 0's skeleton, its innermost loops pipelined, where each store becomes the
 * same store of every writer (ivs renamed to writer 0's) taking that writer's next value.
 */
function storeBody(skeletons: readonly Skeleton[], fifo: string, decl: BufferDecl): readonly Stmt[] {
  const [first] = skeletons;
  const renamed = skeletons.map((s) => {
    const to = new Map(s.ivs.map((v, k): [string, Expr] => [v, ivRef(first.ivs[k])]));
    return substituteIvs(s.stores, to) as readonly StoreStmt[];
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
      return renamed.map((stores, w) => ({
        ...stores[at],
        value: { kind: "streamGet", type: decl.type, stream: fifo, indices: [idx(w)] },
      }));
    });
  return build(first.block);
}

export const drainWrites: Pass = (m: Module) => {
  const functions = mapList(m.functions, (f) => {
    if (
      !f.body.some(function has(s: Stmt): boolean {
        return s.kind === "spatial" || (s.kind === "for" && s.body.some(has));
      })
    )
      return f;
    const d = new RegionDrainer(f);
    const body = rewriteBlock(f.body, (st) => (st.kind === "spatial" ? d.region(st) : undefined));
    return body === f.body ? f : { ...f, body, buffers: d.buffers };
  });
  return functions === m.functions ? m : { ...m, functions };
};
