// The shareProcesses pass: the outlined processes of one spatial region whose functions are the same up
// to names and the integer constants in the indices of their array accesses become one function. The indices that
// differ between them become index parameters (named after the grid axis when they are the PE
// coordinates), so a uniform PE array prints as a handful of functions whatever its size. Run after
// outlineUnits (and sliceArrays, so a PE's own element of C no longer carries its coordinates).

import type { Range } from "../../ir/analysis/range.ts";
import { constOf } from "../../ir/build.ts";
import type {
  CallStmt,
  ConstExpr,
  Expr,
  Func,
  Module,
  Param,
  SpatialStmt,
  SpatialUnit,
  Stmt,
} from "../../ir/nodes.ts";
import type { Pass } from "../../ir/passes/pass.ts";
import { mapBlockExprs, mapExpr, mapList, rewriteBlock } from "../../ir/walk.ts";
import { control } from "./skeleton.ts";
import { processesOf } from "./slice-arrays.ts";

const HOLE = "\u0000hole";

/** Every integer constant among the indices of array accesses, replaced by a numbered placeholder. */
function withHoles(f: Func): { body: readonly Stmt[]; values: ConstExpr[] } {
  const values: ConstExpr[] = [];
  const hole = (e: Expr): Expr => {
    if (e.kind !== "const" || typeof e.value !== "bigint") return e;
    values.push(e);
    return { kind: "param", type: e.type, name: `${HOLE}${values.length - 1}` };
  };
  const isArray = (b: string) => f.buffers[b] !== undefined && !f.buffers[b].stream;
  // Inside an index too (a tile's corner `p * 2 + i` carries the PE's coordinate as an operand), but
  // not inside a FIFO's indices, which name one FIFO of an array of them.
  const holes = (ix: readonly Expr[]) => ix.map((e) => (control(e) ? mapExpr(e, hole) : hole(e)));
  const loads = mapBlockExprs(f.body, (e) =>
    e.kind === "load" && isArray(e.buffer) ? { ...e, indices: holes(e.indices) } : e,
  );
  const body = rewriteBlock(loads, (st) =>
    st.kind === "store" && isArray(st.buffer) ? [{ ...st, indices: holes(st.indices) }] : undefined,
  );
  return { body, values };
}

/** A text equal for two functions exactly when they are the same up to names, labels and locations. */
function skeleton(f: Func, body: readonly Stmt[]): string {
  const canon = new Map<string, string>();
  const c = (n: string): string => {
    if (n.startsWith(HOLE)) return n;
    let t = canon.get(n);
    if (t === undefined) canon.set(n, (t = `$${canon.size}`));
    return t;
  };
  const replacer = function (this: Record<string, unknown>, key: string, v: unknown): unknown {
    if (typeof v === "bigint") return `${v}n`;
    if (key === "span") return undefined;
    const kind = this?.kind;
    if ((kind === "for" && key === "name") || key === "opName") return undefined;
    if (typeof v === "string" && (key === "buffer" || key === "stream" || key === "iv")) return c(v);
    if (typeof v === "string" && key === "name" && (kind === "iv" || kind === "param" || kind === "buffer"))
      return c(v);
    if (kind === "call" && key === "results") return (v as string[]).map(c);
    return v;
  };
  const decl = (n: string) => ({ ...f.buffers[n], name: undefined });
  const params = f.params.map((p) =>
    p.kind === "buffer" ? { p: c(p.name), d: decl(p.name) } : { ...p, name: c(p.name), span: undefined },
  );
  const text = JSON.stringify({ params, body, attrs: f.attrs, results: f.results.map(c) }, replacer);
  const locals = Object.keys(f.buffers)
    .filter((n) => !f.params.some((p) => p.name === n))
    .map((n) => [canon.get(n) ?? n, decl(n)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return text + JSON.stringify(locals, replacer);
}

interface Member {
  readonly unit: SpatialUnit;
  readonly call: CallStmt;
  readonly f: Func;
  readonly values: readonly ConstExpr[];
  readonly body: readonly Stmt[];
}

/** The kernel a PE copy comes from: its name without the `_<coords>` suffix unfold gave it. */
function kernelOf(u: SpatialUnit): string {
  const suffix = u.coords?.length ? `_${u.coords.join("_")}` : "";
  return suffix && u.name.endsWith(suffix) ? u.name.slice(0, -suffix.length) : u.name;
}

class RegionSharer {
  /** Functions no call uses any more, and the shared function standing in for each group's first. */
  readonly drop = new Set<string>();
  readonly replaced = new Map<string, Func[]>();

  constructor(
    private readonly processOf: ReturnType<typeof processesOf>,
    private readonly taken: Set<string>,
  ) {}

  region(st: SpatialStmt): SpatialStmt {
    const groups = new Map<string, Member[]>();
    for (const unit of st.units) {
      const proc = this.processOf(unit);
      if (!proc) continue;
      const { call, f } = proc;
      const { body, values } = withHoles(f);
      const key = skeleton(f, body);
      const g = groups.get(key) ?? [];
      if (!groups.has(key)) groups.set(key, g);
      g.push({ unit, call, f, values, body });
    }
    const perKernel = new Map<string, number>();
    for (const u of st.units) perKernel.set(kernelOf(u), (perKernel.get(kernelOf(u)) ?? 0) + 1);
    const calls = new Map<SpatialUnit, CallStmt>();
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      const kernel = kernelOf(g[0].unit);
      const whole = perKernel.get(kernel) === g.length && !this.taken.has(kernel);
      for (const [u, call] of this.share(g, whole ? kernel : g[0].f.name, st)) calls.set(u, call);
    }
    if (calls.size === 0) return st;
    const units = mapList(st.units, (u) => {
      const call = calls.get(u);
      return call ? { ...u, body: [call] } : u;
    });
    return { ...st, units };
  }

  /** One function for the group, named `name`; returns each member's new call. */
  private share(g: readonly Member[], name: string, st: SpatialStmt): Map<SpatialUnit, CallStmt> {
    const first = g[0];
    const used = new Set([...first.f.params.map((p) => p.name), ...Object.keys(first.f.buffers)]);
    const fresh = (hint: string) => {
      let n = hint;
      for (let k = 1; used.has(n); k++) n = `${hint}_${k}`;
      used.add(n);
      return n;
    };
    // One parameter per distinct vector of differing values; the rest stay constants.
    const byVector = new Map<string, { name: string; values: bigint[] }>();
    const subst = new Map<string, Expr>();
    first.values.forEach((c, k) => {
      const vec = g.map((m) => m.values[k].value as bigint);
      if (vec.every((v) => v === vec[0])) {
        subst.set(`${HOLE}${k}`, c);
        return;
      }
      const key = vec.join(",");
      let p = byVector.get(key);
      if (!p) {
        p = { name: fresh(this.axisName(g, vec, st) ?? `c${byVector.size}`), values: vec };
        byVector.set(key, p);
      }
      subst.set(`${HOLE}${k}`, { kind: "param", type: c.type, name: p.name });
    });
    const type = first.values[0]?.type;
    const extra: Param[] = [...byVector.values()].map((p) => {
      const lo = p.values.reduce((a, b) => (b < a ? b : a));
      const hi = p.values.reduce((a, b) => (b > a ? b : a));
      const range: Range = [lo, hi];
      return { kind: "scalar", name: p.name, type, range };
    });
    const body = mapBlockExprs(first.body, (e) => (e.kind === "param" ? (subst.get(e.name) ?? e) : e));
    const shared: Func = { ...first.f, name, params: [...first.f.params, ...extra], body };
    for (const m of g) this.drop.add(m.f.name);
    this.taken.add(name);
    this.replaced.set(first.f.name, [shared]);
    const out = new Map<SpatialUnit, CallStmt>();
    g.forEach((m, j) => {
      const args = [...byVector.values()].map((p) => ({
        kind: "value" as const,
        value: constOf(type, p.values[j]),
      }));
      out.set(m.unit, { ...m.call, callee: name, args: [...m.call.args, ...args] });
    });
    return out;
  }

  /** The grid axis's loop name when the values are the members' coordinates along that axis. */
  private axisName(g: readonly Member[], vec: readonly bigint[], st: SpatialStmt): string | undefined {
    const rank = g[0].unit.coords?.length ?? 0;
    for (let d = 0; d < rank; d++) {
      if (g.every((m, j) => m.unit.coords !== undefined && BigInt(m.unit.coords[d]) === vec[j]))
        return st.grid ? st.grid.loops[st.grid.axes[d]] : `pid_${d}`;
    }
    return undefined;
  }
}

const regions = (b: readonly Stmt[], f: (st: SpatialStmt) => SpatialStmt): readonly Stmt[] =>
  rewriteBlock(b, (st) => (st.kind === "spatial" ? [f(st)] : undefined));

/** Shares one function among the identical processes of every spatial region. */
export const shareProcesses: Pass = (m: Module) => {
  const sharer = new RegionSharer(processesOf(m), new Set(m.functions.map((f) => f.name)));
  const functions = mapList(m.functions, (f) => {
    const body = regions(f.body, (st) => sharer.region(st));
    return body === f.body ? f : { ...f, body };
  });
  if (functions === m.functions) return m;
  // A shared function takes the place of its first member's (the printer puts callees first anyway).
  const out = functions.flatMap((f) => sharer.replaced.get(f.name) ?? (sharer.drop.has(f.name) ? [] : [f]));
  return { ...m, functions: out };
};
