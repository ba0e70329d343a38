// The drainWrites pass: an array several processes of a region write in parts that no constant index
// separates (a tiled PE array's PE (p, q) writes C[p*Mb + i][q*Nb + j]) gets one writer. Each writer
// puts the values it would store into a FIFO of its own, in its store order, and a new last process,
// `<array>_store`, runs the writers' common loop skeleton (the loops around their stores, nothing else)
// and stores every writer's value where that writer would have. Writers that read their part too
// (`C[..] += a * b`) first accumulate in a local scalar or tile (local-accumulators.ts), whose start
// values a new first process, `<array>_load`, reads from the array the same way and feeds them through
// FIFOs.
// Vitis's dataflow checks ask one writer per array; and an array only written that way can stay in
// off-chip memory (streamed-ports.ts). Arrays that constant indices separate are left to sliceArrays. Run after orderProcesses, before outlineUnits
// (which turns the new FIFOs into process parameters).

import { idx } from "../../ir/build.ts";
import { freshName, takenNames } from "../../ir/names.ts";
import type {
  BufferDecl,
  Expr,
  Func,
  Module,
  SpatialStmt,
  SpatialUnit,
  Stmt,
  StoreStmt,
} from "../../ir/nodes.ts";
import type { Pass } from "../../ir/passes/pass.ts";
import { mapList, rewriteBlock, stmtExprs, visitStmts, walkExpr } from "../../ir/walk.ts";
import { type Accumulation, accumulateLocally } from "./local-accumulators.ts";
import { commonSkeletons, type LeafIndices, type Skeleton, servingBody } from "./skeleton.ts";
import { commonPrefixes } from "./slice-arrays.ts";

/** Values a writer may be ahead of the store process by (Vitis's default stream depth). */
const DEPTH = 2;

/** The arrays a unit stores, those it loads, and those it touches otherwise (calls, allocs), in one walk. */
function usesOf(u: SpatialUnit): { stored: Set<string>; loaded: Set<string>; other: Set<string> } {
  const [stored, loaded, other] = [new Set<string>(), new Set<string>(), new Set<string>()];
  visitStmts(u.body, (st) => {
    if (st.kind === "store") stored.add(st.buffer);
    if (st.kind === "alloc") other.add(st.buffer);
    if (st.kind === "call") {
      for (const r of st.results) other.add(r);
      for (const a of st.args) if (a.kind === "buffer") other.add(a.name);
    }
    for (const e of stmtExprs(st)) walkExpr(e, (v) => void (v.kind === "load" && loaded.add(v.buffer)));
  });
  return { stored, loaded, other };
}

/** A writer's stores of `x`. */
const storeOf =
  (x: string): LeafIndices =>
  (st) =>
    st.buffer === x ? st.indices : undefined;

/** A writer's reads of its accumulator's start value: `local = array[..]`. */
const readOf =
  ({ array, local }: Accumulation): LeafIndices =>
  (st) =>
    st.buffer === local && st.value.kind === "load" && st.value.buffer === array
      ? st.value.indices
      : undefined;

/** The writers' bodies and skeletons when `x` can be drained (and fed), before anything is declared. */
interface Plan {
  readonly bodies: readonly (readonly Stmt[])[];
  readonly stores: readonly Skeleton[];
  readonly acc?: Accumulation;
  /** The accumulator's shape (none: a scalar). */
  readonly shape?: readonly number[];
  /** The skeletons of the accumulators' reads; absent when no writer reads `x` first. */
  readonly reads?: readonly Skeleton[];
}

/** Whether sliceArrays gives every writer its own part: constant prefixes, none a prefix of another. */
function sliceable(writers: readonly SpatialUnit[], x: string): boolean {
  const prefixes = writers.map((u) => commonPrefixes(u.body).get(x));
  if (!prefixes.every((p) => p?.length)) return false;
  const whole = new Set(prefixes.map((p) => String(p)));
  const shorter = (p: readonly number[]) => p.some((_, k) => k > 0 && whole.has(String(p.slice(0, k))));
  return whole.size === prefixes.length && !prefixes.some((p) => p && shorter(p));
}

const get = (fifo: string, w: number, decl: BufferDecl): Expr => ({
  kind: "streamGet",
  type: decl.type,
  stream: fifo,
  indices: [idx(w)],
});

/** Writer w's value of the store `s`, put on `fifo`. */
const put = (fifo: string, s: StoreStmt, w: number): Stmt => ({
  kind: "streamPut",
  stream: fifo,
  indices: [idx(w)],
  value: s.value,
  ...(s.span ? { span: s.span } : {}),
});

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
    // Feed processes go first once every array is done, so `uses` keeps the units' positions.
    const feeds: SpatialUnit[] = [];
    // Drained arrays are no longer stored by their writers, so the uses before draining stay right.
    const uses = units.map(usesOf);
    for (const x of Object.keys(this.f.buffers)) {
      const decl = this.f.buffers[x];
      if (decl.stream || decl.shape.length === 0) continue;
      const writers = uses.flatMap((u, k) => (u.stored.has(x) ? [k] : []));
      if (writers.length < 2 || uses.some((u) => u.other.has(x))) continue;
      const readers = uses.filter((u) => u.loaded.has(x));
      if (readers.some((u) => !u.stored.has(x))) continue;
      const mine = writers.map((k) => units[k]);
      if (sliceable(mine, x)) continue;
      const plan = this.plan(mine, x, readers.length > 0);
      if (!plan) continue;
      const names = new Set([...feeds, ...units].map((u) => u.name));
      const drained = this.drained(plan, x, allocs, names);
      const rewritten = units.map((u, k) => {
        const w = writers.indexOf(k);
        return w < 0 ? u : { ...u, body: drained.bodies[w] };
      });
      units = [...rewritten, drained.store];
      if (drained.feed) feeds.push(drained.feed);
    }
    return units === st.units ? [st] : [...allocs, { ...st, units: [...feeds, ...units] }];
  }

  /** How to drain `x`, or undefined when its writers' stores (or reads) do not share one skeleton. */
  private plan(writers: readonly SpatialUnit[], x: string, read: boolean): Plan | undefined {
    if (!read) {
      const bodies = writers.map((u) => u.body);
      const stores = commonSkeletons(bodies, storeOf(x));
      return stores && { bodies, stores };
    }
    const type = this.f.buffers[x].type;
    const acc: Accumulation = { array: x, local: freshName(this.taken, `${x}_acc`), type };
    const local = accumulateLocally(
      writers.map((u) => u.body),
      acc,
      this.taken,
    );
    if (!local) return undefined;
    const { bodies, shape } = local;
    const stores = commonSkeletons(bodies, storeOf(x));
    const reads = stores && commonSkeletons(bodies, readOf(acc));
    return reads && { bodies, stores, acc, shape, ...(reads[0].leaves.length ? { reads } : {}) };
  }

  /** A FIFO per writer, declared and allocated. */
  private fifo(hint: string, decl: BufferDecl, n: number, allocs: Stmt[]): string {
    const name = freshName(this.taken, hint);
    this.buffers[name] = {
      name,
      type: decl.type,
      shape: [n],
      role: "local",
      partitions: [],
      stream: { depth: DEPTH },
      ...(decl.span ? { span: decl.span } : {}),
    };
    allocs.push({ kind: "alloc", buffer: name });
    return name;
  }

  /**
   * The writers' bodies with their stores of `x` (and accumulator reads) on FIFOs of their own, the
   * store process, and the feed process when the writers read `x`.
   */
  private drained(plan: Plan, x: string, allocs: Stmt[], unitNames: Set<string>) {
    const decl = this.f.buffers[x];
    const n = plan.bodies.length;
    if (plan.acc) {
      const { local, type } = plan.acc;
      this.buffers[local] = {
        name: local,
        type,
        shape: [...(plan.shape ?? [])],
        role: "local",
        partitions: [],
      };
    }
    const drain = this.fifo(`${x}_drain`, decl, n, allocs);
    const fed = plan.acc && plan.reads && this.fifo(`${x}_feed`, decl, n, allocs);
    const [stored, read] = [storeOf(x), plan.acc && readOf(plan.acc)];
    const bodies = plan.bodies.map((b, w) =>
      rewriteBlock(b, (s) => {
        if (s.kind !== "store") return undefined;
        if (stored(s)) return [put(drain, s, w)];
        return fed && read?.(s) ? [{ ...s, value: get(fed, w, decl) }] : undefined;
      }),
    );
    const store: SpatialUnit = {
      name: freshName(unitNames, `${x}_store`),
      body: servingBody(plan.stores, (s, w) => ({ ...s, value: get(drain, w, decl) })),
    };
    // The feed process reads what each writer's accumulator starts from, in the writer's order.
    const feed: SpatialUnit | undefined =
      fed && plan.reads
        ? { name: freshName(unitNames, `${x}_load`), body: servingBody(plan.reads, (s, w) => put(fed, s, w)) }
        : undefined;
    return { bodies, store, feed };
  }
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
