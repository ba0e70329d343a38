// Layout classes: buffers bound across calls (an argument and the callee's parameter, a callee's
// returned buffer and the caller's call result) are one array, so they share one layout. The classes
// are the connected components of those bindings (union-find, linear in buffers + bindings); each
// schedule's partitions of one buffer form one requirement, and a class's layout is the join of its
// requirements, accepted only when one requirement already equals it (inference never invents a layout).

import { internalError } from "../../diagnostics/error.ts";
import type { Func, Module, Partition, PartitionSource, Span } from "../nodes.ts";
import { visitStmts } from "../walk.ts";
import { isUnpartitioned, type Layout, layoutJoin, layoutLeq, layoutOf, sameLayout } from "./layout.ts";

/** A buffer of a function, `func:buffer`. */
export type MemberKey = string;

/** One binding of a call: the caller's buffer and the callee's parameter (or returned buffer). */
export interface Binding {
  readonly kind: "arg" | "result";
  readonly caller: string;
  readonly callee: string;
  /** The caller's buffer. */
  readonly outer: string;
  /** The callee's parameter or returned buffer. */
  readonly inner: string;
  readonly span?: Span;
}

/** The partitions one schedule made on one buffer, folded into one layout. */
export interface Requirement {
  readonly buffer: MemberKey;
  readonly layout: Layout;
  readonly from?: PartitionSource;
}

export interface LayoutClass {
  /** Outermost function first (call depth from the top), then declaration order. */
  readonly members: readonly MemberKey[];
  readonly shape: readonly number[];
  readonly bindings: readonly Binding[];
  readonly requirements: readonly Requirement[];
  /** The join of the requirements (`none` everywhere without any). */
  readonly join: Layout;
  /** Some requirement equals the join. */
  readonly accepted: boolean;
  /** A member that is a stream, if any. */
  readonly stream?: MemberKey;
}

export interface LayoutInference {
  /** Every class with at least one requirement, in member order of their first member. */
  readonly classes: readonly LayoutClass[];
  /** Work done, for the linear-time check: union calls and parent links followed by find. */
  readonly unions: number;
  readonly findSteps: number;
}

export const memberKey = (func: string, buffer: string): MemberKey => `${func}:${buffer}`;

/** Union-find with path halving and union by size, counting its work. */
class UnionFind {
  private readonly parent: number[] = [];
  private readonly size: number[] = [];
  unions = 0;
  findSteps = 0;
  add(): number {
    this.parent.push(this.parent.length);
    this.size.push(1);
    return this.parent.length - 1;
  }
  find(x: number): number {
    let v = x;
    while (this.parent[v] !== v) {
      this.findSteps++;
      this.parent[v] = this.parent[this.parent[v]];
      v = this.parent[v];
    }
    return v;
  }
  union(a: number, b: number): void {
    this.unions++;
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
  }
}

/** Appends to a map of lists (in place: the inference stays linear). */
function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Functions outermost first: breadth-first call depth from the top, then module order. */
function byDepth(m: Module, calls: ReadonlyMap<string, readonly string[]>): Func[] {
  const depth = new Map<string, number>([[m.top, 0]]);
  const queue = [m.top];
  for (let k = 0; k < queue.length; k++) {
    for (const c of calls.get(queue[k]) ?? []) {
      if (!depth.has(c)) {
        depth.set(c, depth.get(queue[k])! + 1);
        queue.push(c);
      }
    }
  }
  const d = (f: Func) => depth.get(f.name) ?? Number.MAX_SAFE_INTEGER;
  return m.functions
    .map((f, k) => ({ f, k }))
    .sort((a, b) => d(a.f) - d(b.f) || a.k - b.k)
    .map((x) => x.f);
}

/** The bindings of every call in the module. */
export function callBindings(m: Module): Binding[] {
  const funcs = new Map(m.functions.map((f) => [f.name, f]));
  const out: Binding[] = [];
  for (const f of m.functions) {
    visitStmts(f.body, (s) => {
      if (s.kind !== "call") return;
      const callee = funcs.get(s.callee);
      if (!callee) return;
      const span = s.span ? { span: s.span } : {};
      s.args.forEach((a, k) => {
        const p = callee.params[k];
        if (a.kind === "buffer" && p?.kind === "buffer")
          out.push({
            kind: "arg",
            caller: f.name,
            callee: callee.name,
            outer: a.name,
            inner: p.name,
            ...span,
          });
      });
      s.results.forEach((r, k) => {
        const inner = callee.results[k];
        if (inner !== undefined)
          out.push({ kind: "result", caller: f.name, callee: callee.name, outer: r, inner, ...span });
      });
    });
  }
  return out;
}

/** Each schedule's partitions of each buffer, folded into one requirement (unpartitioned ones dropped). */
function requirementsOf(f: Func): Requirement[] {
  const out: Requirement[] = [];
  for (const b of Object.values(f.buffers)) {
    const groups = new Map<number | undefined, Partition[]>();
    for (const p of b.partitions) push(groups, p.from?.schedule, p);
    for (const parts of groups.values()) {
      const layout = layoutOf(b.shape, parts);
      const from = parts[0].from;
      if (!isUnpartitioned(layout))
        out.push({ buffer: memberKey(f.name, b.name), layout, ...(from ? { from } : {}) });
    }
  }
  return out;
}

/** The layout classes of `m` that carry requirements, with their joins (see the header). */
export function inferLayoutClasses(m: Module): LayoutInference {
  const bindings = callBindings(m);
  const calls = new Map<string, string[]>();
  for (const b of bindings) push(calls, b.caller, b.callee);
  const uf = new UnionFind();
  const index = new Map<MemberKey, number>();
  const keys: MemberKey[] = [];
  const decls = new Map<MemberKey, { shape: readonly number[]; stream: boolean }>();
  for (const f of byDepth(m, calls)) {
    for (const b of Object.values(f.buffers)) {
      const key = memberKey(f.name, b.name);
      index.set(key, uf.add());
      keys.push(key);
      decls.set(key, { shape: b.shape, stream: b.stream !== undefined });
    }
  }
  const node = (func: string, buf: string) => index.get(memberKey(func, buf));
  for (const b of bindings) {
    const u = node(b.caller, b.outer);
    const w = node(b.callee, b.inner);
    if (u !== undefined && w !== undefined) uf.union(u, w);
  }
  const reqs = new Map<number, Requirement[]>();
  for (const f of m.functions) {
    for (const r of requirementsOf(f)) {
      const c = uf.find(index.get(r.buffer)!);
      push(reqs, c, r);
    }
  }
  const members = new Map<number, MemberKey[]>();
  for (const [k, key] of keys.entries()) {
    const c = uf.find(k);
    if (reqs.has(c)) push(members, c, key);
  }
  const linked = new Map<number, Binding[]>();
  for (const b of bindings) {
    const u = node(b.caller, b.outer);
    if (u === undefined) continue;
    const c = uf.find(u);
    if (reqs.has(c)) push(linked, c, b);
  }
  const classes = [...members.entries()].map(([c, ms]): LayoutClass => {
    const shape = decls.get(ms[0])!.shape;
    const other = ms.find((k) => decls.get(k)!.shape.join() !== shape.join());
    // The frontend types calls and reshape refuses bound buffers, so bound buffers have one shape.
    if (other) throw internalError(`layout class of '${ms[0]}' binds '${other}' of another shape`);
    const rs = reqs.get(c)!;
    const join = rs.reduce<Layout>((j, r) => layoutJoin(j, r.layout, shape), layoutOf(shape, []));
    const stream = ms.find((k) => decls.get(k)!.stream);
    return {
      members: ms,
      shape,
      bindings: linked.get(c) ?? [],
      requirements: rs,
      join,
      accepted: rs.some((r) => sameLayout(r.layout, join)),
      ...(stream ? { stream } : {}),
    };
  });
  return { classes, unions: uf.unions, findSteps: uf.findSteps };
}

/** The requirements no other requirement of the class lies strictly above (one per layout). */
export function maximalRequirements(c: LayoutClass): Requirement[] {
  const above = (a: Requirement, b: Requirement) =>
    layoutLeq(a.layout, b.layout, c.shape) && !sameLayout(a.layout, b.layout);
  const max = c.requirements.filter((r) => !c.requirements.some((o) => above(r, o)));
  return max.filter((r, k) => max.findIndex((o) => sameLayout(o.layout, r.layout)) === k);
}
