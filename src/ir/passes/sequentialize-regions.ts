// The sequentializeRegions pass: a spatial region whose static schedule is proven (sequentialize/plan.ts:
// a sequential order of its units' statements that keeps every FIFO within its depth and ends with all
// of them empty) becomes that sequential code, so it runs at loop-nest speed instead of as coroutines.
// Each FIFO element becomes a local: a scalar where the schedule never holds two values in it, else a
// ring of its peak occupancy, indexed by the operation's position in the FIFO (static: an affine
// function of the fused loop's variable). Locals that several units define get one copy per unit
// (sequentialize/unit-locals.ts).
// A region whose units are each one loop of the same bounds (a tiled PE array) is proven per iteration
// of that loop (sequentialize/hoist.ts). Regions it cannot prove are left as they are (and still report
// every bounded-FIFO deadlock).

import { constIndex, forLoop, idx, idxOp, ivRef } from "../build.ts";
import type { BufferDecl, Expr, Func, Module, SpatialStmt, Stmt } from "../nodes.ts";
import {
  mapList,
  mapStmtExprs,
  rewriteBlock,
  stmtExprs,
  substituteIvs,
  visitStmts,
  walkExpr,
} from "../walk.ts";
import type { Pass } from "./pass.ts";
import { hoistCommonLoop } from "./sequentialize/hoist.ts";
import { outlineLoops } from "./sequentialize/outline.ts";
import { type Plan, planRegion } from "./sequentialize/plan.ts";
import { type UnitLocals, unitLocals } from "./sequentialize/unit-locals.ts";

/** Fresh names in one function. */
function namer(taken: Set<string>): (hint: string) => string {
  return (hint) => {
    const base = hint.replace(/[^A-Za-z0-9_]/g, "_");
    let name = base;
    for (let k = 1; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    return name;
  };
}

/** Streams the region owns alone: local to the function and touched by no statement outside it. */
function ownsItsStreams(f: Func, s: SpatialStmt): boolean {
  const inside = new Set<string>();
  const outside = new Set<string>();
  const note = (st: Stmt, into: Set<string>): void => {
    if (st.kind === "streamPut") into.add(st.stream);
    if (st.kind === "call") for (const a of st.args) if (a.kind === "buffer") into.add(a.name);
    for (const e of stmtExprs(st)) walkExpr(e, (x) => x.kind === "streamGet" && into.add(x.stream));
  };
  const visit = (b: readonly Stmt[], into: Set<string>): void => {
    for (const st of b) {
      note(st, into);
      if (st === s) for (const u of st.units) visit(u.body, inside);
      else if (st.kind === "spatial") for (const u of st.units) visit(u.body, into);
      else if (st.kind === "for" || st.kind === "while") visit(st.body, into);
      else if (st.kind === "if") for (const c of [st.then, st.else]) visit(c, into);
    }
  };
  visit(f.body, outside);
  return [...inside].every(
    (n) => !f.buffers[n]?.stream || (f.buffers[n].role === "local" && !outside.has(n)),
  );
}

class Sequentializer {
  readonly decls: Record<string, BufferDecl>;
  private readonly fresh: (hint: string) => string;
  private readonly freshIv: (hint: string) => string;

  constructor(
    private readonly f: Func,
    private readonly freshFunc: (hint: string) => string,
    private readonly funcs: Func[],
  ) {
    this.decls = { ...f.buffers };
    this.fresh = namer(new Set(Object.keys(f.buffers)));
    const ivs = new Set<string>();
    visitStmts(f.body, (x) => x.kind === "for" && ivs.add(x.iv));
    this.freshIv = namer(ivs);
  }

  region(s: SpatialStmt): readonly Stmt[] | undefined {
    return ownsItsStreams(this.f, s) ? this.planned(s) : undefined;
  }

  /** The region as sequential code, or once per iteration of a loop all its units consist of. */
  private planned(s: SpatialStmt): readonly Stmt[] | undefined {
    const plan = planRegion(this.f, s);
    if (plan) return this.sequential(s, plan);
    const hoisted = hoistCommonLoop(s);
    const body = hoisted && this.planned(hoisted.region);
    return body && [{ ...hoisted.loop, body }];
  }

  private sequential(s: SpatialStmt, plan: Plan): readonly Stmt[] {
    const locals = unitLocals(s, this.f, this.fresh, this.decls);
    const storage = this.storage(plan);
    const out: Stmt[] = [...storage.values()].map((x) => ({ kind: "alloc", buffer: x.name }));
    out.push(...locals.allocs);
    for (const step of plan.steps) {
      if (step.kind === "plain") out.push(...locals.rewrite(step.unit, [step.stmt]));
      else out.push(...this.fused(step, locals, storage));
    }
    const { stmts, funcs } = outlineLoops(out, this.decls, (hint) =>
      this.freshFunc(`${this.f.name}_${hint}`),
    );
    this.funcs.push(...funcs);
    return stmts;
  }

  /** One local per FIFO element: a scalar, or a ring of the FIFO's peak occupancy. */
  private storage(plan: Plan): Map<string, Storage> {
    const out = new Map<string, Storage>();
    for (const [fifo, peak] of plan.peak) {
      const [stream, ix] = fifo.split("|");
      const decl = this.f.buffers[stream];
      const name = this.fresh(ix ? `${stream}_${ix.replace(/,/g, "_")}` : `${stream}_values`);
      const cap = Math.max(1, peak);
      this.decls[name] = {
        name,
        type: decl.type,
        shape: cap > 1 ? [cap] : [],
        role: "local",
        partitions: [],
      };
      out.set(fifo, { name, cap });
    }
    return out;
  }

  private fused(
    step: Extract<Plan["steps"][number], { kind: "fused" }>,
    locals: UnitLocals,
    storage: ReadonlyMap<string, Storage>,
  ): readonly Stmt[] {
    const rate = new Map<string, Count>();
    for (const o of step.members.flatMap((m) => m.ops.flat())) {
      const r = rate.get(o.fifo) ?? { puts: 0, gets: 0 };
      rate.set(o.fifo, r);
      r[o.put ? "puts" : "gets"]++;
    }
    const first = step.members[0].loop;
    const t = step.trip > 1 ? this.freshIv(`${first?.iv ?? "t"}_seq`) : undefined;
    const tRef = t ? ivRef(t) : idx(0);
    // Operations on each FIFO so far in one iteration: the next one's offset from the step's base.
    const within = new Map<string, Count>();
    const access = (fifo: string, put: boolean): { buffer: string; indices: Expr[] } => {
      const { name, cap } = storage.get(fifo)!;
      const w = within.get(fifo) ?? { puts: 0, gets: 0 };
      within.set(fifo, w);
      const kind = put ? "puts" : "gets";
      const k = step.base.get(fifo)![kind] + w[kind]++;
      const per = rate.get(fifo)![kind];
      if (cap === 1) return { buffer: name, indices: [] };
      if (t === undefined || per % cap === 0) return { buffer: name, indices: [idx(k % cap)] };
      return {
        buffer: name,
        indices: [idxOp("%", idxOp("+", idxOp("*", tRef, idx(per)), idx(k)), idx(cap))],
      };
    };
    const body: Stmt[] = [];
    for (const m of step.members) {
      const loop = m.loop;
      let stmts = locals.rewrite(m.unit, m.body);
      if (loop)
        stmts = substituteIvs(
          stmts,
          new Map([[loop.iv, idxOp("+", loop.lb, idxOp("*", tRef, idx(loop.step)))]]),
        );
      stmts.forEach((st, j) => {
        const at = new Map(m.ops[j].map((o) => [o.fifo, access(o.fifo, o.put)]));
        body.push(withStorage(st, at));
      });
    }
    if (!t) return body;
    return [{ ...forLoop(t, first?.name ?? t, idx(0), idx(step.trip), body), span: first?.span }];
  }
}

interface Count {
  puts: number;
  gets: number;
}
interface Storage {
  readonly name: string;
  readonly cap: number;
}

/** The statement with its stream operations (at most one per FIFO) as accesses of their storage. */
function withStorage(st: Stmt, at: ReadonlyMap<string, { buffer: string; indices: Expr[] }>): Stmt {
  const key = (stream: string, ix: readonly Expr[]): string => `${stream}|${ix.map(constIndex).join(",")}`;
  const gets = mapStmtExprs(st, (e) => {
    if (e.kind !== "streamGet") return e;
    const a = at.get(key(e.stream, e.indices))!;
    return { kind: "load", type: e.type, buffer: a.buffer, indices: a.indices };
  });
  if (gets.kind !== "streamPut") return gets;
  const a = at.get(key(gets.stream, gets.indices))!;
  return { kind: "store", buffer: a.buffer, indices: a.indices, value: gets.value, span: gets.span };
}

function seqBlock(b: readonly Stmt[], q: Sequentializer): readonly Stmt[] {
  return rewriteBlock(b, (st) => (st.kind === "spatial" ? q.region(st) : undefined));
}

/**
 * Drops the locals a rewrite left unused (the replaced streams, the per-unit originals): allocating
 * them would only cost time.
 */
function dropUnused(f: Func): Func {
  const used = new Set<string>([...f.params.map((p) => p.name), ...f.results]);
  visitStmts(f.body, (st) => {
    if (st.kind === "store") used.add(st.buffer);
    if (st.kind === "streamPut") used.add(st.stream);
    if (st.kind === "call")
      for (const n of [...st.args.flatMap((a) => (a.kind === "buffer" ? [a.name] : [])), ...st.results])
        used.add(n);
    for (const e of stmtExprs(st))
      walkExpr(
        e,
        (x) =>
          (x.kind === "load" || x.kind === "streamGet") && used.add(x.kind === "load" ? x.buffer : x.stream),
      );
  });
  const body = rewriteBlock(f.body, (st) => (st.kind === "alloc" && !used.has(st.buffer) ? [] : undefined));
  const buffers = Object.fromEntries(Object.entries(f.buffers).filter(([n]) => used.has(n)));
  return { ...f, body, buffers };
}

/** Rewrites every provable spatial region of every function into sequential code. */
export const sequentializeRegions: Pass = (m: Module) => {
  const freshFunc = namer(new Set(m.functions.map((f) => f.name)));
  const added: Func[] = [];
  const functions = mapList(m.functions, (f) => {
    const q = new Sequentializer(f, freshFunc, added);
    const body = seqBlock(f.body, q);
    return body === f.body ? f : dropUnused({ ...f, body, buffers: q.decls });
  });
  return functions === m.functions ? m : { ...m, functions: [...functions, ...added] };
};
