// Spatial regions (PE arrays, loaders, drainers talking through FIFOs) as Vitis dataflow: each unit
// becomes its own function taking the buffers, scalars, loop variables and FIFOs it uses; the region is
// a function starting with `#pragma HLS dataflow` that declares its own FIFOs (with depth directives;
// an array of FIFOs indexed only by constants becomes one variable per FIFO, `fifo_1_2`) and calls every
// unit once, producers before consumers. C simulation runs those calls in order with unbounded FIFOs,
// as Vitis does, so a cyclic FIFO graph has no valid order: such regions are recorded in ctx.cyclic.

import { constIndex } from "../../ir/build.ts";
import type { Expr, SpatialStmt, SpatialUnit, Stmt } from "../../ir/nodes.ts";
import { childBlocks, stmtExprs, visitStmts, walkExpr } from "../../ir/walk.ts";
import type { DType } from "../../types/dtype.ts";
import { paramDeclarator, partitionPragmas, streamType } from "./decls.ts";
import { functionText, type Port } from "./func.ts";
import { NameTable } from "./names.ts";
import { indexKey, Scope } from "./scope.ts";
import { FnBuilder } from "./stmt.ts";
import { cType } from "./types.ts";

export interface RegionPlan {
  /** FIFO buffers only this region uses and that its enclosing function would otherwise declare. */
  readonly local: ReadonlySet<string>;
  /** Local FIFO arrays indexed only by constants: split into one variable per FIFO. */
  readonly split: ReadonlySet<string>;
}

type Item =
  | { readonly kind: "buffer"; readonly name: string }
  | { readonly kind: "fifo"; readonly name: string; readonly key: string }
  | { readonly kind: "param"; readonly name: string; readonly type: DType }
  | { readonly kind: "iv"; readonly name: string };

interface Uses {
  readonly items: Item[];
  /** FIFOs written and read: `name|1,2`, or `name|*` for a non-constant index. */
  readonly puts: Set<string>;
  readonly gets: Set<string>;
}

const fifoKey = (name: string, indices: readonly Expr[]): string => {
  const idx = indices.map(constIndex);
  return `${name}|${idx.every((i) => i !== undefined) ? indexKey(idx as number[]) : "*"}`;
};

/** What a block uses from outside itself, in order of first use. */
function usesOf(body: readonly Stmt[], split: ReadonlySet<string>): Uses {
  const defined = new Set<string>();
  visitStmts(body, (st) => {
    if (st.kind === "alloc") defined.add(st.buffer);
    if (st.kind === "call") for (const r of st.results) defined.add(r);
    if (st.kind === "for") defined.add(`iv:${st.iv}`);
  });
  const seen = new Set<string>();
  const items: Item[] = [];
  const add = (key: string, item: Item): void => {
    if (defined.has(key) || seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  const puts = new Set<string>();
  const gets = new Set<string>();
  const fifo = (name: string, indices: readonly Expr[], into: Set<string>): void => {
    const key = fifoKey(name, indices);
    into.add(key);
    if (split.has(name)) add(key, { kind: "fifo", name, key: key.slice(name.length + 1) });
    else add(name, { kind: "buffer", name });
  };
  const expr = (e: Expr): void =>
    walkExpr(e, (x) => {
      if (x.kind === "load") add(x.buffer, { kind: "buffer", name: x.buffer });
      if (x.kind === "streamGet") fifo(x.stream, x.indices, gets);
      if (x.kind === "param") add(`param:${x.name}`, { kind: "param", name: x.name, type: x.type });
      if (x.kind === "iv") add(`iv:${x.name}`, { kind: "iv", name: x.name });
    });
  visitStmts(body, (st) => {
    if (st.kind === "store") add(st.buffer, { kind: "buffer", name: st.buffer });
    if (st.kind === "streamPut") fifo(st.stream, st.indices, puts);
    if (st.kind === "call")
      for (const a of st.args) if (a.kind === "buffer") add(a.name, { kind: "buffer", name: a.name });
    for (const e of stmtExprs(st)) expr(e);
  });
  return { items, puts, gets };
}

/** Plans every spatial region of a body (not those nested in units: their own functions plan them). */
export function planRegions(fb: FnBuilder, body: readonly Stmt[]): Map<SpatialStmt, RegionPlan> {
  const plans = new Map<SpatialStmt, RegionPlan>();
  for (const r of outerRegions(body)) {
    const mine = new Set<Stmt>();
    visitStmts([r], (x) => void mine.add(x));
    const rest: Stmt[] = [];
    visitStmts(body, (x) => void (mine.has(x) || rest.push(leaf(x))));
    const inside = streamAccesses([r]);
    const outside = streamAccesses(rest);
    const local = new Set<string>();
    const split = new Set<string>();
    for (const [name, acc] of inside) {
      const b = fb.func.buffers[name];
      if (!b?.stream || fb.s.ports.has(name) || outside.has(name)) continue;
      local.add(name);
      if (b.shape.length > 0 && !acc.passed && acc.keys.every((k) => !k.endsWith("|*"))) split.add(name);
    }
    plans.set(r, { local, split });
  }
  return plans;
}

function outerRegions(body: readonly Stmt[]): SpatialStmt[] {
  return body.flatMap((st) => (st.kind === "spatial" ? [st] : childBlocks(st).flatMap(outerRegions)));
}

/** A statement without its nested blocks (their statements are visited on their own). */
const leaf = (st: Stmt): Stmt =>
  st.kind === "for" || st.kind === "while"
    ? { ...st, body: [] }
    : st.kind === "if"
      ? { ...st, then: [], else: [] }
      : st.kind === "spatial"
        ? { ...st, units: [] }
        : st;

/** Every stream a block touches: its FIFO keys in first-use order, and whether it is passed to a call. */
function streamAccesses(body: readonly Stmt[]): Map<string, { keys: string[]; passed: boolean }> {
  const out = new Map<string, { keys: string[]; passed: boolean }>();
  const get = (name: string) => {
    let a = out.get(name);
    if (!a) out.set(name, (a = { keys: [], passed: false }));
    return a;
  };
  const note = (name: string, indices: readonly Expr[]) => {
    const a = get(name);
    const k = fifoKey(name, indices);
    if (!a.keys.includes(k)) a.keys.push(k);
  };
  visitStmts(body, (st) => {
    if (st.kind === "streamPut") note(st.stream, st.indices);
    if (st.kind === "call") for (const a of st.args) if (a.kind === "buffer") get(a.name).passed = true;
    for (const e of stmtExprs(st)) walkExpr(e, (x) => x.kind === "streamGet" && note(x.stream, x.indices));
  });
  for (const [name, a] of out) if (!a.keys.length && !a.passed) out.delete(name);
  return out;
}

/** Units in an order where every FIFO's producer comes before its consumer (ties: unit order). */
function dataflowOrder(uses: readonly Uses[]): { order: number[]; cyclic: boolean } {
  const n = uses.length;
  const feeds = (u: Uses, v: Uses): boolean =>
    [...u.puts].some((p) =>
      [...v.gets].some(
        (g) => p === g || (p.split("|")[0] === g.split("|")[0] && (p.endsWith("|*") || g.endsWith("|*"))),
      ),
    );
  const preds = uses.map((v, j) => uses.map((u, i) => i !== j && feeds(u, v)));
  const order: number[] = [];
  const done = new Set<number>();
  while (order.length < n) {
    const next = [...Array(n).keys()].find(
      (j) => !done.has(j) && preds[j].every((p, i) => !p || done.has(i)),
    );
    if (next === undefined) return { order: [...Array(n).keys()], cyclic: true };
    order.push(next);
    done.add(next);
  }
  return { order, cyclic: false };
}

/** The ports, call arguments and scope of a function receiving `items` from the builder `from`. */
function makeInterface(
  from: FnBuilder,
  items: readonly Item[],
): { scope: Scope; ports: Port[]; args: string[] } {
  const ctx = from.ctx;
  const scope = new Scope(new NameTable([], ctx.globals), ctx.helpers);
  const ports: Port[] = [];
  const args: string[] = [];
  const fifos = new Map<string, Map<string, string>>();
  for (const it of items) {
    if (it.kind === "param") {
      const n = scope.names.bind(it.name);
      scope.params.set(it.name, n);
      ports.push({ declarator: `${cType(it.type)} ${n}`, pragmas: [] });
      args.push(from.x.render({ kind: "param", name: it.name, type: it.type }));
      continue;
    }
    if (it.kind === "iv") {
      const n = scope.names.bind(it.name);
      scope.ivs.set(it.name, n);
      const r = from.s.ranges.get(it.name);
      if (r) scope.ranges.set(it.name, r);
      ports.push({ declarator: `int ${n}`, pragmas: [] });
      args.push(from.s.ivs.get(it.name) ?? it.name);
      continue;
    }
    const v = from.s.view(it.name);
    const decl = v.decl;
    scope.ports.add(it.name);
    if (it.kind === "fifo" && v.kind === "streams") {
      const outer = v.names.get(it.key) as string;
      const n = scope.names.unique(outer);
      let names = fifos.get(it.name);
      if (!names) fifos.set(it.name, (names = new Map()));
      names.set(it.key, n);
      scope.views.set(it.name, { kind: "streams", names, decl });
      ports.push({ declarator: `${streamType(decl)}& ${n}`, pragmas: [] });
      args.push(outer);
      continue;
    }
    const n = scope.names.bind(it.name);
    if (v.kind === "scalar") {
      scope.views.set(it.name, { kind: "scalar", name: n, decl });
      ports.push({ declarator: `${cType(decl.type)}& ${n}`, pragmas: [] });
    } else {
      scope.views.set(
        it.name,
        v.kind === "stream" ? { kind: "stream", name: n, decl } : { kind: "array", name: n, decl },
      );
      ports.push({ declarator: paramDeclarator(decl, n), pragmas: partitionPragmas(decl, n) });
    }
    args.push(from.bufferArg(it.name));
  }
  return { scope, ports, args };
}

/** A unit as its own function (emitted into ctx.out); returns the call statement. */
function emitUnit(from: FnBuilder, unit: SpatialUnit, uses: Uses): string {
  const { scope, ports, args } = makeInterface(from, uses.items);
  const ub = new FnBuilder(from.ctx, from.func, scope);
  ub.emitBody(unit.body);
  const name = from.ctx.spatialNames.get(unit) as string;
  from.ctx.out.push(functionText(name, ports, ub.directives, ub.w.text()));
  return `${name}(${args.join(", ")});`;
}

/** Declares the region's own FIFOs in `rb` and calls every unit in dataflow order. */
function regionBody(rb: FnBuilder, st: SpatialStmt, plan: RegionPlan): void {
  const accesses = streamAccesses([st]);
  for (const name of plan.local) {
    const decl = rb.func.buffers[name];
    const base = rb.s.views.get(name);
    const cname =
      base && !rb.s.ports.has(name) && base.kind !== "streams" ? base.name : rb.s.names.bind(name);
    if (plan.split.has(name)) {
      const keys = accesses.get(name)?.keys ?? [];
      const names = new Map(
        keys.map((k) => [
          k.slice(name.length + 1),
          rb.s.names.unique(`${cname}_${k.slice(name.length + 1).replace(/,/g, "_")}`),
        ]),
      );
      rb.s.views.set(name, { kind: "streams", names, decl });
    } else {
      rb.s.views.set(name, { kind: "stream", name: cname, decl });
    }
    rb.declare(decl);
  }
  const uses = st.units.map((u) => usesOf(u.body, plan.split));
  const { order, cyclic } = dataflowOrder(uses);
  if (cyclic) rb.ctx.cyclic.push(st.name);
  for (const i of order) rb.w.line(emitUnit(rb, st.units[i], uses[i]));
}

export function emitSpatial(fb: FnBuilder, st: SpatialStmt): void {
  const plan = fb.plans.get(st) ?? { local: new Set<string>(), split: new Set<string>() };
  const whole = fb.body.every((x) => x === st || (x.kind === "alloc" && plan.local.has(x.buffer)));
  if (whole) {
    fb.addDirective("dataflow");
    regionBody(fb, st, plan);
    return;
  }
  const items: Item[] = [];
  const seen = new Set<string>();
  for (const u of st.units) {
    for (const it of usesOf(u.body, new Set()).items) {
      const key = `${it.kind}:${it.name}`;
      if (seen.has(key) || (it.kind === "buffer" && plan.local.has(it.name))) continue;
      seen.add(key);
      items.push(it);
    }
  }
  const { scope, ports, args } = makeInterface(fb, items);
  const rb = new FnBuilder(fb.ctx, fb.func, scope);
  rb.body = [st];
  rb.addDirective("dataflow");
  regionBody(rb, st, plan);
  const name = fb.ctx.spatialNames.get(st) as string;
  fb.ctx.out.push(functionText(name, ports, rb.directives, rb.w.text()));
  fb.w.line(`${name}(${args.join(", ")});`);
}
