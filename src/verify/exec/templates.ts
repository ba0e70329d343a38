// Units of a spatial statement that differ only in integer constants (the PE copies unfold makes:
// the same body with its PE indices substituted) share one generated generator function taking
// those constants as arguments. Thousands of PEs then run one hot, optimized function instead of
// thousands of cold ones. Buffers a unit allocates itself are private to each run of the function.

import type { Expr, SpatialUnit, Stmt } from "../../ir/nodes.ts";
import { type ElemType, typeName } from "../../types/dtype.ts";

export interface UnitTemplate {
  /** The first unit's body, with the constants that vary across the group replaced by loop variables. */
  readonly body: readonly Stmt[];
  /** The names of those variables, and the range of values each takes. */
  readonly params: readonly { readonly name: string; readonly range: readonly [number, number] }[];
  /** Buffers the body allocates (named as in the first unit; each unit has its own). */
  readonly locals: readonly string[];
}

export interface UnitGroups {
  readonly templates: readonly UnitTemplate[];
  /** Per unit, in unit order: its template and the values of the template's params. */
  readonly instances: readonly { readonly template: number; readonly args: readonly number[] }[];
}

const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;

/** An integer constant that a native JS number can stand for. */
function abstractable(e: Expr): e is Extract<Expr, { kind: "const" }> {
  if (e.kind !== "const" || typeof e.value !== "bigint") return false;
  if (e.type.kind !== "index" && !(e.type.kind === "int" && e.type.bits <= 32)) return false;
  return e.value >= INT32_MIN && e.value <= INT32_MAX;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;

/** Deep copy of an IR subtree with `f` applied to every abstractable constant, in a fixed order. */
function mapConsts(x: unknown, f: (c: Extract<Expr, { kind: "const" }>) => unknown): unknown {
  if (Array.isArray(x)) return x.map((y) => mapConsts(y, f));
  if (!isObject(x)) return x;
  const e = x as unknown as Expr;
  if (e.kind === "const" && abstractable(e)) return f(e);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(x)) if (k !== "span") out[k] = mapConsts(x[k], f);
  return out;
}

interface Renames {
  readonly buffers: ReadonlyMap<string, string>;
  readonly ivs: ReadonlyMap<string, string>;
}

/** Spans, loop names and loop attributes (op names, pragmas) do not change what a unit computes. */
const ignored = (e: Expr, k: string): boolean =>
  k === "span" || k === "attrs" || (k === "name" && e.kind === ("for" as string));

/** A field's string renamed by position when it names one of the unit's own buffers or loop variables. */
function renamed(e: Expr, k: string, v: unknown, r: Renames): unknown {
  if (typeof v !== "string") return v;
  if (k === "buffer" || k === "stream") return r.buffers.get(v) ?? v;
  if (k === "iv" || (k === "name" && e.kind === "iv")) return r.ivs.get(v) ?? v;
  return v;
}

const mix = (h: number, v: number): number => Math.imul(h ^ v, 0x9e3779b1) ^ (h >>> 15);

/**
 * Hashes of IR subtrees' structure with abstractable constants left out (their values and types are
 * collected in visiting order, the order mapConsts uses) and a unit's own names renamed.
 */
class ShapeHasher {
  private readonly strings = new Map<string, number>();

  intern(x: string): number {
    let id = this.strings.get(x);
    if (id === undefined) {
      id = this.strings.size + 1;
      this.strings.set(x, id);
    }
    return id;
  }

  private primitive(x: unknown): number {
    if (typeof x === "string") return this.intern(x);
    if (typeof x === "number" && Number.isInteger(x)) return x;
    if (typeof x === "boolean") return x ? 3 : 5;
    return this.intern(`${typeof x}:${String(x)}`);
  }

  scan(x: unknown, values: bigint[], types: ElemType[], r: Renames, h: number): number {
    if (Array.isArray(x)) {
      h = mix(h, x.length + 0x5bd1e995);
      for (const y of x) h = this.scan(y, values, types, r, h);
      return h;
    }
    if (!isObject(x)) return mix(h, this.primitive(x));
    const e = x as unknown as Expr;
    if (e.kind === "const" && abstractable(e)) {
      values.push(e.value as bigint);
      types.push(e.type);
      return mix(h, this.intern(`#${typeName(e.type)}`));
    }
    for (const k in x) {
      if (ignored(e, k)) continue;
      h = this.scan(renamed(e, k, x[k], r), values, types, r, mix(h, this.intern(k)));
    }
    return h;
  }
}

/** Whether two subtrees have the same structure (as `scan` sees it): only abstractable constants may differ. */
function sameShape(x: unknown, rx: Renames, y: unknown, ry: Renames): boolean {
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameShape(x[i], rx, y[i], ry)) return false;
    return true;
  }
  if (!isObject(x) || !isObject(y)) return Object.is(x, y);
  const ex = x as unknown as Expr;
  const ey = y as unknown as Expr;
  if (ex.kind === "const" && abstractable(ex))
    return ey.kind === "const" && abstractable(ey) && typeName(ex.type) === typeName(ey.type);
  let n = 0;
  for (const k in x) {
    if (ignored(ex, k)) continue;
    n++;
    if (!(k in y) || !sameShape(renamed(ex, k, x[k], rx), rx, renamed(ey, k, y[k], ry), ry)) return false;
  }
  for (const k in y) if (!ignored(ey, k)) n--;
  return n === 0;
}

function unitIvs(b: readonly Stmt[], out: string[] = []): string[] {
  for (const s of b) {
    if (s.kind === "for") {
      out.push(s.iv);
      unitIvs(s.body, out);
    } else if (s.kind === "while") unitIvs(s.body, out);
    else if (s.kind === "if") {
      unitIvs(s.then, out);
      unitIvs(s.else, out);
    }
  }
  return out;
}

function privateBuffers(b: readonly Stmt[], out: string[] = []): string[] {
  for (const s of b) {
    if (s.kind === "alloc") out.push(s.buffer);
    else if (s.kind === "for" || s.kind === "while") privateBuffers(s.body, out);
    else if (s.kind === "if") {
      privateBuffers(s.then, out);
      privateBuffers(s.else, out);
    }
  }
  return out;
}

export function groupUnits(
  units: readonly SpatialUnit[],
  /** What must agree between private buffers of grouped units (type, shape). */
  bufferKey: (name: string) => string,
): UnitGroups {
  const hasher = new ShapeHasher();
  const byHash = new Map<number, number[]>();
  const members: {
    first: SpatialUnit;
    renames: Renames;
    locals: string;
    values: bigint[][];
    types: ElemType[];
  }[] = [];
  const instances: { template: number; values: bigint[] }[] = [];
  for (const u of units) {
    const priv = privateBuffers(u.body);
    const renames: Renames = {
      buffers: new Map(priv.map((p, k) => [p, `%b${k}`])),
      ivs: new Map(unitIvs(u.body).map((v, k) => [v, `%i${k}`])),
    };
    const locals = priv.map(bufferKey).join("|");
    const values: bigint[] = [];
    const types: ElemType[] = [];
    const h = mix(hasher.scan(u.body, values, types, renames, 0), hasher.intern(locals));
    const candidates = byHash.get(h) ?? [];
    let g = candidates.find(
      (c) =>
        members[c].locals === locals && sameShape(members[c].first.body, members[c].renames, u.body, renames),
    );
    if (g === undefined) {
      g = members.push({ first: u, renames, locals, values: [], types }) - 1;
      byHash.set(h, [...candidates, g]);
    }
    members[g].values.push(values);
    instances.push({ template: g, values });
  }
  const varying = members.map((m) => m.types.map((_, p) => m.values.some((v) => v[p] !== m.values[0][p])));
  const templates = members.map((m, g): UnitTemplate => {
    const params: { name: string; range: [number, number] }[] = [];
    let p = 0;
    const body = mapConsts(m.first.body, (c) => {
      const at = p++;
      if (!varying[g][at]) return c;
      const vals = m.values.map((v) => Number(v[at]));
      const name = `$u${at}`;
      params.push({ name, range: [Math.min(...vals), Math.max(...vals)] });
      return { kind: "iv", type: c.type, name };
    }) as Stmt[];
    return { body, params, locals: privateBuffers(m.first.body) };
  });
  return {
    templates,
    instances: instances.map((i) => ({
      template: i.template,
      args: i.values.filter((_, p) => varying[i.template][p]).map(Number),
    })),
  };
}
