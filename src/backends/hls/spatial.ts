// Spatial regions (PE arrays, loaders, drainers talking through FIFOs) as Vitis dataflow: each unit
// becomes its own function taking the buffers, scalars, loop variables and FIFOs it uses; the region is
// a function starting with `#pragma HLS dataflow` that declares its own FIFOs (with depth directives;
// an array of FIFOs indexed only by constants becomes one variable per FIFO, `fifo_1_2`) and calls every
// unit once, producers before consumers. C simulation runs those calls in order with unbounded FIFOs,
// as Vitis does: order.ts finds that order (splitting units on FIFO cycles).

import type { SpatialStmt, SpatialUnit, Stmt } from "../../ir/nodes.ts";
import { childBlocks, visitStmts } from "../../ir/walk.ts";
import { paramDeclarator, partitionPragmas, streamType } from "./decls.ts";
import { functionText, type Port } from "./func.ts";
import { NameTable } from "./names.ts";
import { processOrder } from "./order.ts";
import { Scope } from "./scope.ts";
import { FnBuilder } from "./stmt.ts";
import { cType } from "./types.ts";
import { type Item, streamAccesses, type Uses, usesOf } from "./units.ts";

export interface RegionPlan {
  /** FIFO buffers only this region uses and that its enclosing function would otherwise declare. */
  readonly local: ReadonlySet<string>;
  /** Local FIFO arrays indexed only by constants: split into one variable per FIFO. */
  readonly split: ReadonlySet<string>;
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
      const n = scope.names.unique(it.name);
      scope.params.set(it.name, n);
      ports.push({ declarator: `${cType(it.type)} ${n}`, pragmas: [] });
      args.push(from.x.render({ kind: "param", name: it.name, type: it.type }));
      continue;
    }
    if (it.kind === "iv") {
      const n = scope.names.unique(it.name);
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
    const n = scope.names.unique(it.name);
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
  const name = from.ctx.spatialNames.get(unit) ?? from.ctx.globals.unique(unit.name);
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
      base && !rb.s.ports.has(name) && base.kind !== "streams" ? base.name : rb.s.names.unique(name);
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
  const isStream = (name: string) => rb.func.buffers[name]?.stream !== undefined;
  const { procs, cyclic } = processOrder(st.units, (body) => usesOf(body, plan.split, isStream));
  if (cyclic) rb.ctx.cyclic.push(st.name);
  for (const p of procs) rb.w.line(emitUnit(rb, p.unit, p.uses));
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
    for (const it of usesOf(u.body, new Set(), (name) => fb.func.buffers[name]?.stream !== undefined).items) {
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
