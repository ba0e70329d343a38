// The outlineUnits pass: every unit of a spatial region becomes its own function taking the buffers,
// scalars, loop variables (as scalar parameters carrying their loop's range) and FIFOs it uses, and
// the unit's body becomes one call. FIFOs only the region uses move into it; an array of them indexed
// only by constants becomes one 0-d FIFO per element (`A_fifo_1_2`). A region that is not its
// function's whole body becomes a function of its own. Run after orderProcesses: calls keep unit order.

import { INDEX } from "../../types/dtype.ts";
import { loopRange, paramKey, type Range, type RangeEnv } from "../analysis/range.ts";
import { indexKey } from "../analysis/streams.ts";
import { constIndex } from "../build.ts";
import { freshName } from "../names.ts";
import type { BufferDecl, Expr, ForStmt, Func, Param, SpatialStmt, Stmt } from "../nodes.ts";
import { childBlocks, mapBlock, rewriteBlock, substituteIvs, visitStmts } from "../walk.ts";
import type { Pass } from "./pass.ts";
import { argOf, blockUses, type Item, streamAccesses, usesOf } from "./uses.ts";

/** A statement without its nested blocks (their statements are visited on their own). */
const leaf = (st: Stmt): Stmt =>
  st.kind === "for" || st.kind === "while"
    ? { ...st, body: [] }
    : st.kind === "if"
      ? { ...st, then: [], else: [] }
      : st.kind === "spatial"
        ? { ...st, units: [] }
        : st;

/** The statements of a block outside `region`, each without its nested blocks, in pre-order. */
function statementsOutside(b: readonly Stmt[], region: Stmt, out: Stmt[] = []): Stmt[] {
  for (const st of b) {
    if (st === region) continue;
    out.push(leaf(st));
    for (const c of childBlocks(st)) statementsOutside(c, region, out);
  }
  return out;
}

/** Buffers a block defines (allocs, call results), in pre-order. */
function defined(body: readonly Stmt[]): string[] {
  const out: string[] = [];
  visitStmts(body, (st) => {
    if (st.kind === "alloc") out.push(st.buffer);
    if (st.kind === "call") out.push(...st.results);
  });
  return out;
}

/** Buffers a block refers to or defines anywhere. */
function mentioned(body: readonly Stmt[]): Set<string> {
  const { items, defined } = blockUses(body, () => false);
  const out = new Set(defined);
  for (const it of items) if (it.kind === "buffer") out.add(it.name);
  return out;
}

/** Rewrites FIFO accesses: `to(name, indices)` gives a new (0-d) FIFO name, or undefined to keep it. */
function renameFifos(b: readonly Stmt[], to: (name: string, ix: readonly Expr[]) => string | undefined) {
  const get = (e: Expr): Expr => {
    const n = e.kind === "streamGet" ? to(e.stream, e.indices) : undefined;
    return n === undefined || e.kind !== "streamGet" ? e : { ...e, stream: n, indices: [] };
  };
  const put = (st: Stmt): Stmt => {
    const n = st.kind === "streamPut" ? to(st.stream, st.indices) : undefined;
    return n === undefined || st.kind !== "streamPut" ? st : { ...st, stream: n, indices: [] };
  };
  return mapBlock(b, get, put);
}

class FuncOutliner {
  readonly buffers: Record<string, BufferDecl>;
  private readonly freshBuffer: (hint: string) => string;

  constructor(
    readonly f: Func,
    private readonly freshFunc: (hint: string) => string,
    private readonly out: Func[],
    private readonly work: Func[],
  ) {
    this.buffers = { ...f.buffers };
    const taken = new Set(Object.keys(f.buffers));
    this.freshBuffer = (hint) => freshName(taken, hint);
  }

  run(): Func {
    const ranges = new Map<string, Range>();
    for (const p of this.f.params) if (p.kind === "scalar" && p.range) ranges.set(paramKey(p.name), p.range);
    const walked = this.walk(this.f.body, ranges);
    if (walked === this.f.body) return this.f;
    // The regions declare their FIFOs themselves: the original allocs go.
    const body = rewriteBlock(walked, (st) =>
      st.kind === "alloc" && this.moved.has(st.buffer) && !this.declaredHere.has(st) ? [] : undefined,
    );
    const keep = mentioned(body);
    const buffers = Object.fromEntries(
      Object.entries(this.buffers).filter(([n, b]) => b.role !== "local" || keep.has(n)),
    );
    return { ...this.f, body, buffers };
  }

  /** FIFOs the regions declare themselves (their original allocs go), and those declarations. */
  private readonly moved = new Set<string>();
  private readonly declaredHere = new Set<Stmt>();

  private walk(b: readonly Stmt[], ranges: Map<string, Range>): readonly Stmt[] {
    return rewriteBlock(b, (st) => {
      if (st.kind === "spatial") return this.region(st, ranges);
      if (st.kind !== "for") return undefined;
      const inner = new Map(ranges).set(st.iv, loopRange(st.lb, st.ub, ranges));
      const body = this.walk(st.body, inner);
      return [body === st.body ? st : ({ ...st, body } as ForStmt)];
    });
  }

  /** Local FIFOs (only this region uses them) and those of them to split into one FIFO per element. */
  private plan(st: SpatialStmt): { local: string[]; split: Map<string, string[]> } {
    const outside = streamAccesses(statementsOutside(this.f.body, st));
    const ports = new Set([...this.f.params.map((p) => p.name), ...this.f.results]);
    const local: string[] = [];
    const split = new Map<string, string[]>();
    for (const [name, acc] of streamAccesses([st])) {
      const b = this.f.buffers[name];
      if (!b?.stream || ports.has(name) || outside.has(name)) continue;
      local.push(name);
      if (b.shape.length > 0 && !acc.passed && acc.keys.every((k) => !k.endsWith("|*")))
        split.set(
          name,
          acc.keys.map((k) => k.slice(name.length + 1)),
        );
    }
    return { local, split };
  }

  private region(st: SpatialStmt, ranges: RangeEnv): Stmt[] {
    const { local, split } = this.plan(st);
    const span = st.span ? { span: st.span } : {};
    // One 0-d FIFO per constant index of each split array, declared in first-use order.
    const element = new Map<string, string>();
    const decls: Stmt[] = [];
    for (const name of local) {
      const keys = split.get(name);
      if (!keys) {
        decls.push({ kind: "alloc", buffer: name, ...span });
        continue;
      }
      for (const key of keys) {
        const n = this.freshBuffer(`${name}_${key.replace(/,/g, "_")}`);
        this.buffers[n] = { ...this.f.buffers[name], name: n, shape: [], role: "local" };
        element.set(`${name}|${key}`, n);
        decls.push({ kind: "alloc", buffer: n, ...span });
      }
    }
    const elementOf = (name: string, ix: readonly Expr[]): string | undefined => {
      if (!split.has(name)) return undefined;
      const idx = ix.map(constIndex);
      return element.get(`${name}|${indexKey(idx as number[])}`);
    };
    const isStream = (name: string) => this.buffers[name]?.stream !== undefined;
    const localSet = new Set(local);
    // The region is the function when nothing else is in its body (locals without an alloc would be).
    const made = new Set(defined(this.f.body));
    const undeclared = Object.values(this.f.buffers).some(
      (b) => b.role === "local" && !made.has(b.name) && !localSet.has(b.name),
    );
    const whole =
      !undeclared && this.f.body.every((x) => x === st || (x.kind === "alloc" && localSet.has(x.buffer)));
    // Otherwise the region becomes a function of its own, taking what its units use from outside.
    const regionItems: Item[] = [];
    const seen = new Set<string>();
    const units = st.units.map((u) => {
      if (!whole)
        for (const it of usesOf(u.body, isStream)) {
          const key = `${it.kind}:${it.name}`;
          if (seen.has(key) || (it.kind === "buffer" && localSet.has(it.name))) continue;
          seen.add(key);
          regionItems.push(it);
        }
      const body = renameFifos(u.body, elementOf);
      const { items, defined } = blockUses(body, isStream);
      const fn = this.outlined(this.freshFunc(u.name), items, body, defined, ranges);
      this.work.push(fn);
      return { ...u, body: [this.callOf(fn.name, items, span)] };
    });
    const region: SpatialStmt = { ...st, units };
    for (const n of local) this.moved.add(n);
    if (whole) {
      for (const d of decls) this.declaredHere.add(d);
      return [...decls, region];
    }
    const body = [...decls, region];
    const fn = this.outlined(this.freshFunc(st.name), regionItems, body, defined(body), ranges);
    this.out.push(fn);
    return [this.callOf(fn.name, regionItems, span)];
  }

  /**
   * A function of `body` (which defines the buffers `made`) taking `items` in order; loop variables
   * become ranged scalar parameters.
   */
  private outlined(
    name: string,
    items: readonly Item[],
    body: readonly Stmt[],
    made: readonly string[],
    ranges: RangeEnv,
  ): Func {
    const params: Param[] = [];
    const buffers: Record<string, BufferDecl> = {};
    const ivs = new Map<string, Expr>();
    for (const it of items) {
      if (it.kind === "buffer") {
        params.push({ kind: "buffer", name: it.name });
        buffers[it.name] = this.paramDecl(it.name);
      } else {
        const range = ranges.get(it.kind === "iv" ? it.name : paramKey(it.name));
        const type = it.kind === "iv" ? INDEX : it.type;
        params.push({ kind: "scalar", name: it.name, type, ...(range ? { range } : {}) });
        if (it.kind === "iv") ivs.set(it.name, { kind: "param", type, name: it.name });
      }
    }
    for (const n of made) buffers[n] ??= this.buffers[n];
    return { name, params, results: [], buffers, body: substituteIvs(body, ivs), attrs: {} };
  }

  /** A buffer's declaration as a parameter, made once: a FIFO between two PEs is a parameter of both. */
  private readonly paramDecls = new Map<string, BufferDecl>();
  private paramDecl(name: string): BufferDecl {
    let d = this.paramDecls.get(name);
    if (!d) this.paramDecls.set(name, (d = { ...this.buffers[name], role: "param" }));
    return d;
  }

  private callOf(callee: string, items: readonly Item[], span: { span?: SpatialStmt["span"] }): Stmt {
    const args = items.map(argOf);
    return { kind: "call", callee, args, results: [], ...span };
  }
}

/** Whether a block holds a spatial region anywhere (most outlined units, e.g. every PE, do not). */
function holdsRegion(b: readonly Stmt[]): boolean {
  let found = false;
  visitStmts(b, (st) => void (found ||= st.kind === "spatial"));
  return found;
}

/** Outlines the units (and, where needed, the region) of every spatial region into functions. */
export const outlineUnits: Pass = (m) => {
  const names = new Set(m.functions.map((f) => f.name));
  const freshFunc = (hint: string) => freshName(names, hint);
  const out: Func[] = [];
  const work = [...m.functions];
  const done: Func[] = [];
  // `work` grows while it is walked: outlined units may hold regions of their own.
  for (let k = 0; k < work.length; k++)
    done.push(holdsRegion(work[k].body) ? new FuncOutliner(work[k], freshFunc, out, work).run() : work[k]);
  return { ...m, functions: [...done, ...out] };
};
