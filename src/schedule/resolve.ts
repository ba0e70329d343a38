// Name resolution for schedule steps: user names and handles -> refs the primitives take.
// Loops: "j", "i.outer", "S_i_j_0:j" (inside a band, spatial region or unit), "gemm:j", "gemm:S_i_j_0:j",
// "%j_1" (the iv as the MLIR shows it), or a band name for its head loop. Unqualified names look in
// the top function first, then in the others. Several matches: AL3002 listing the qualified names
// that pick each one; no match: AL3001/AL3003/AL3012 listing the valid names.

import type { Code } from "../diagnostics/codes.ts";
import { AlloError } from "../diagnostics/error.ts";
import { STAGE_REGION, stageName } from "../ir/analysis/stage-region.ts";
import type { ForStmt, Func, Module, Stmt } from "../ir/nodes.ts";
import { childBlocks } from "../ir/walk.ts";
import {
  type BandLoops,
  type BandSpec,
  type BufferSpec,
  bandLoops,
  bandOfLoops,
  LoopHandle,
  type LoopNest,
  type LoopSpec,
  type SpatialSpec,
} from "./handles.ts";
import { primitiveError } from "./primitives/result.ts";
import type { BandRef, BufferRef, LoopRef, SpatialRef, StageRef } from "./refs.ts";

/** A loop with the names that scope it: enclosing band op_names, spatial regions and units (outermost first). */
interface LoopEntry {
  readonly func: Func;
  readonly loop: ForStmt;
  readonly scopes: readonly string[];
}

/** Functions with the top one first (unqualified names prefer it). */
function ordered(m: Module): Func[] {
  const top = m.functions.filter((f) => f.name === m.top);
  return [...top, ...m.functions.filter((f) => f.name !== m.top)];
}

const entryCache = new WeakMap<Module, readonly LoopEntry[]>();

/** Every loop of the module (top function first, pre-order), cached: modules are immutable. */
function loopEntries(m: Module, only?: Func): readonly LoopEntry[] {
  let all = entryCache.get(m);
  if (!all) {
    const out: LoopEntry[] = [];
    const walk = (func: Func, b: readonly Stmt[], scopes: readonly string[]) => {
      for (const s of b) {
        let inner = scopes;
        if (s.kind === "for") {
          inner = s.attrs.opName !== undefined ? [...scopes, s.attrs.opName] : scopes;
          out.push({ func, loop: s, scopes: inner });
        }
        if (s.kind === "spatial") {
          for (const u of s.units) walk(func, u.body, [...scopes, s.name, u.name]);
          continue;
        }
        for (const c of childBlocks(s)) walk(func, c, inner);
      }
    };
    for (const f of ordered(m)) walk(f, f.body, []);
    all = out;
    entryCache.set(m, all);
  }
  return only ? all.filter((e) => e.func === only) : all;
}

const fail = (code: Code, primitive: string, text: string) => primitiveError(code, primitive, text);

const SHOWN = 40;

/** At most 40 distinct names, computed lazily (qualifying every loop of a large PE array is costly). */
function listNames<T>(items: readonly T[], name: (x: T) => string): string {
  const unique = new Set<string>();
  for (const x of items) {
    if (unique.size === SHOWN) return `${[...unique].join(", ")}, ... (see s.getLoops())`;
    unique.add(name(x));
  }
  return [...unique].join(", ");
}

/** Splits off a leading function name when the first segment names a function. */
function splitFunc(m: Module, spec: string): { func?: Func; rest: string[] } {
  const parts = spec.split(":");
  const func = parts.length > 1 ? m.functions.find((f) => f.name === parts[0]) : undefined;
  return func ? { func, rest: parts.slice(1) } : { rest: parts };
}

/**
 * A loop name scoped by a df kernel's name rather than one instance ("gemm:k" for the instances
 * gemm_0_0, gemm_0_1, ... of api.md section 7): the same name scoped by each instance that has it, in
 * instance order; undefined when the scope names a function, a unit or a band itself, or no instance.
 */
export function instanceLoopSpecs(m: Module, spec: string): string[] | undefined {
  const { func, rest } = splitFunc(m, spec);
  if (rest.length !== 2) return undefined;
  const [kernel, loop] = rest;
  const entries = loopEntries(m, func);
  if (entries.some((e) => e.scopes.includes(kernel))) return undefined;
  const instance = new RegExp(`^${kernel.replace(/[^A-Za-z0-9_]/g, "")}(_\\d+)+$`);
  const units = [...new Set(entries.flatMap((e) => e.scopes.filter((s) => instance.test(s))))];
  const prefix = func ? `${func.name}:` : "";
  const specs = units.map((u) => `${prefix}${u}:${loop}`).filter((s) => matchLoops(m, s).length > 0);
  return specs.length > 0 ? specs : undefined;
}

/** Unqualified names: the top function's candidates when it has any, else every function's. */
function preferTop<T extends { func: Func }>(m: Module, xs: readonly T[]): T[] {
  const top = xs.filter((x) => x.func.name === m.top);
  return top.length > 0 ? top : [...xs];
}

function matchLoops(m: Module, spec: string): LoopEntry[] {
  const { func, rest } = splitFunc(m, spec);
  if (rest.length > 2 || rest.some((p) => p === "")) return [];
  const name = rest[rest.length - 1];
  const scope = rest.length === 2 ? rest[0] : undefined;
  const entries = loopEntries(m, func).filter((e) => scope === undefined || e.scopes.includes(scope));
  const byName = entries.filter((e) =>
    name.startsWith("%") ? e.loop.iv === name.slice(1) : e.loop.name === name,
  );
  const hits = byName.length > 0 ? byName : entries.filter((e) => e.loop.attrs.opName === name);
  return func ? hits : preferTop(m, hits);
}

const toRef = (e: LoopEntry): LoopRef => ({ kind: "loop", func: e.func.name, iv: e.loop.iv });

/** The shortest name that resolves to exactly this loop. */
function qualify(m: Module, e: LoopEntry): string {
  const f = e.func.name;
  const name = e.loop.name;
  const candidates = [
    name,
    ...e.scopes.map((s) => `${s}:${name}`),
    `${f}:${name}`,
    ...e.scopes.map((s) => `${f}:${s}:${name}`),
  ];
  for (const c of candidates) {
    const hits = matchLoops(m, c);
    if (hits.length === 1 && hits[0].loop === e.loop) return c;
  }
  return `${f}:%${e.loop.iv}`;
}

/** The shortest name of a loop in `m` (for traces and messages). */
export function loopName(m: Module, ref: LoopRef): string {
  const e = loopEntries(m).find((x) => x.func.name === ref.func && x.loop.iv === ref.iv);
  return e ? qualify(m, e) : `${ref.func}:%${ref.iv}`;
}

/** The shortest name of a loop inside its function: `${func}:${name}` resolves to exactly that loop. */
export function loopNameIn(m: Module, ref: LoopRef): string {
  const e = loopEntries(m).find((x) => x.func.name === ref.func && x.loop.iv === ref.iv);
  if (!e) return `%${ref.iv}`;
  for (const c of [e.loop.name, ...e.scopes.map((s) => `${s}:${e.loop.name}`)]) {
    const hits = matchLoops(m, `${ref.func}:${c}`);
    if (hits.length === 1 && hits[0].loop === e.loop) return c;
  }
  return `%${e.loop.iv}`;
}

function validLoops(m: Module, func?: Func): string {
  return listNames(loopEntries(m, func), (e) => qualify(m, e));
}

export function resolveLoop(m: Module, spec: LoopSpec | BandSpec, primitive: string): LoopRef {
  if (typeof spec !== "string") {
    const band = asBandRef(spec);
    if (band) return bandHead(m, band, primitive);
    const ref = spec as LoopRef;
    if (!loopEntries(m).some((e) => e.func.name === ref.func && e.loop.iv === ref.iv)) {
      const shown =
        ref instanceof LoopHandle ? `'${ref.name}' of ${ref.func}` : `'%${ref.iv}' of ${ref.func}`;
      throw fail(
        "AL3001",
        primitive,
        `the loop handle ${shown} no longer names a loop (a later step replaced it); loops now: ${validLoops(m)}`,
      );
    }
    return { kind: "loop", func: ref.func, iv: ref.iv };
  }
  const hits = matchLoops(m, spec);
  if (hits.length === 1) return toRef(hits[0]);
  if (hits.length > 1) {
    const names = hits.map((e) => `'${qualify(m, e)}'`).join(", ");
    throw fail(
      "AL3002",
      primitive,
      `loop name '${spec}' is ambiguous: it matches ${names}; use one of these`,
    );
  }
  const { func } = splitFunc(m, spec);
  throw fail("AL3001", primitive, `no loop '${spec}'; loops: ${validLoops(m, func)}`);
}

function asBandRef(spec: object): BandRef | undefined {
  const viaLoops = bandOfLoops(spec);
  if (viaLoops) return viaLoops;
  return (spec as { kind?: string }).kind === "band" ? (spec as BandRef) : undefined;
}

function bandEntries(m: Module, func?: Func): LoopEntry[] {
  return loopEntries(m, func).filter((e) => e.loop.attrs.opName !== undefined);
}

function validBands(m: Module, func?: Func): string {
  return listNames(bandEntries(m, func), (e) => (func ? e.loop.attrs.opName! : bandName(m, e)));
}

function bandName(m: Module, e: LoopEntry): string {
  const op = e.loop.attrs.opName!;
  const unique = preferTop(
    m,
    bandEntries(m).filter((x) => x.loop.attrs.opName === op),
  );
  return unique.length === 1 && unique[0].loop === e.loop ? op : `${e.func.name}:${op}`;
}

function bandHead(m: Module, band: BandRef, primitive: string): LoopRef {
  const hit = bandEntries(m).find((e) => e.func.name === band.func && e.loop.attrs.opName === band.opName);
  if (!hit) {
    throw fail(
      "AL3001",
      primitive,
      `function '${band.func}' has no band '${band.opName}' any more; bands: ${validBands(m)}`,
    );
  }
  return toRef(hit);
}

/** A band by op_name ("PE", "gemm:S_i_j_0"), band handle, getLoops() band, or a loop handle of a band head. */
export function resolveBand(m: Module, spec: BandSpec, primitive: string): BandRef {
  if (typeof spec !== "string") {
    const band = asBandRef(spec);
    const ref = band ? bandHead(m, band, primitive) : resolveLoop(m, spec as LoopRef, primitive);
    const e = bandEntries(m).find((x) => x.func.name === ref.func && x.loop.iv === ref.iv);
    if (!e) throw fail("AL3001", primitive, `loop '${loopName(m, ref)}' does not head a band`);
    return { kind: "band", func: ref.func, opName: e.loop.attrs.opName! };
  }
  const { func, rest } = splitFunc(m, spec);
  const name = rest.join(":");
  const all = bandEntries(m, func).filter((e) => e.loop.attrs.opName === name);
  const hits = func ? all : preferTop(m, all);
  if (hits.length === 1) return { kind: "band", func: hits[0].func.name, opName: name };
  if (hits.length > 1) {
    throw fail(
      "AL3002",
      primitive,
      `band name '${spec}' is ambiguous: ${hits.length} loops of '${hits[0].func.name}' carry it`,
    );
  }
  throw fail("AL3001", primitive, `no band '${spec}'; bands: ${validBands(m, func)}`);
}

/** A buffer: "C", "gemm:C" or a buffer handle (the top function first for unqualified names). */
export function resolveBuffer(m: Module, spec: BufferSpec, primitive: string): BufferRef {
  const all = ordered(m).flatMap((f) => Object.keys(f.buffers).map((b) => ({ func: f, buffer: b })));
  const valid = (func?: Func) =>
    listNames(
      all.filter((x) => !func || x.func === func),
      (x) => (x.func.name === m.top || func ? x.buffer : `${x.func.name}:${x.buffer}`),
    );
  if (typeof spec !== "string") {
    if (!all.some((x) => x.func.name === spec.func && x.buffer === spec.buffer)) {
      throw fail("AL3003", primitive, `no buffer '${spec.func}:${spec.buffer}'; buffers: ${valid()}`);
    }
    return { kind: "buffer", func: spec.func, buffer: spec.buffer };
  }
  const { func, rest } = splitFunc(m, spec);
  const name = rest.join(":");
  const matching = all.filter((x) => x.buffer === name && (!func || x.func === func));
  const hits = func ? matching : preferTop(m, matching);
  if (hits.length === 1) return { kind: "buffer", func: hits[0].func.name, buffer: name };
  if (hits.length > 1) {
    const names = hits.map((x) => `'${x.func.name}:${name}'`).join(", ");
    throw fail(
      "AL3018",
      primitive,
      `buffer name '${spec}' is ambiguous: it matches ${names}; use one of these`,
    );
  }
  throw fail("AL3003", primitive, `no buffer '${spec}'; buffers: ${valid(func)}`);
}

/** The shortest name of a buffer in `m`. */
export function bufferName(m: Module, ref: BufferRef): string {
  if (ref.func === m.top) return ref.buffer;
  const others = m.functions.filter((f) => f.name !== m.top && f.buffers[ref.buffer]);
  const inTop = m.functions.some((f) => f.name === m.top && f.buffers[ref.buffer]);
  return !inTop && others.length === 1 ? ref.buffer : `${ref.func}:${ref.buffer}`;
}

/** A function by name; the top function when omitted. */
export function resolveFunc(m: Module, name: string | undefined, primitive: string): string {
  const want = name ?? m.top;
  if (!m.functions.some((f) => f.name === want)) {
    const names = m.functions.map((f) => f.name).join(", ");
    throw fail("AL3012", primitive, `no function '${want}'; functions: ${names}`);
  }
  return want;
}

/** A spatial region made by unfold: "PE", "gemm:PE" or its handle. */
export function resolveSpatial(m: Module, spec: SpatialSpec, primitive: string): SpatialRef {
  const regions: { func: Func; name: string; extents: readonly number[] }[] = [];
  for (const f of ordered(m)) {
    const walk = (b: readonly Stmt[]) => {
      for (const s of b) {
        if (s.kind === "spatial") regions.push({ func: f, name: s.name, extents: s.grid?.extents ?? [] });
        for (const c of childBlocks(s)) walk(c);
      }
    };
    walk(f.body);
  }
  const want =
    typeof spec === "string"
      ? splitFunc(m, spec)
      : { func: m.functions.find((f) => f.name === spec.func), rest: [spec.name] };
  const name = want.rest.join(":");
  const matching = regions.filter((r) => r.name === name && (!want.func || r.func === want.func));
  const hits = want.func ? matching : preferTop(m, matching);
  if (hits.length === 1) return { kind: "spatial", func: hits[0].func.name, name, extents: hits[0].extents };
  const valid = listNames(regions, (r) => `${r.func.name}:${r.name}`) || "none (unfold a band first)";
  if (hits.length > 1)
    throw fail("AL3002", primitive, `spatial region '${name}' is ambiguous; regions: ${valid}`);
  throw fail(
    "AL3001",
    primitive,
    `no spatial region '${typeof spec === "string" ? spec : name}'; regions: ${valid}`,
  );
}

/**
 * relay's target: a PE array made by unfold, else (a name only) a stage of a function, its top-level band
 * of that name or its call of that function ("C", "top:func2").
 */
export function resolveRelayTarget(m: Module, spec: SpatialSpec, primitive: string): SpatialRef | StageRef {
  try {
    return resolveSpatial(m, spec, primitive);
  } catch (e) {
    if (typeof spec !== "string" || !(e instanceof AlloError) || e.code !== "AL3001") throw e;
    const want = splitFunc(m, spec);
    const f = want.func ?? m.functions.find((g) => g.name === m.top)!;
    const name = want.rest.join(":");
    if (stagesOf(f).includes(name)) return { kind: "stage", func: f.name, name };
    const stages = stagesOf(f).join(", ") || "none";
    throw fail(
      "AL3001",
      primitive,
      `no PE array and no stage '${spec}' in '${f.name}'; stages (bands and calls): ${stages}`,
    );
  }
}

/** The stage names of a function: its top-level band names and callees, and its stage region's units. */
function stagesOf(f: Func): string[] {
  return f.body.flatMap((s) =>
    s.kind === "spatial" && s.name === STAGE_REGION && !s.grid
      ? s.units.map((u) => u.name)
      : (stageName(s) ?? []),
  );
}

/** getLoops(): every band of the function (nested bands too), each with its loops by name. */
export function loopNest(m: Module, funcName: string): LoopNest {
  const func = m.functions.find((f) => f.name === funcName)!;
  const nest: Record<string, BandLoops> = {};
  for (const head of loopEntries(m, func)) {
    const op = head.loop.attrs.opName;
    if (op === undefined || op in nest) continue;
    const inside = [head.loop, ...loopsUnder(head.loop.body)];
    const count = new Map<string, number>();
    for (const l of inside) count.set(l.name, (count.get(l.name) ?? 0) + 1);
    const loops: Record<string, LoopHandle> = {};
    for (const l of inside)
      loops[count.get(l.name)! > 1 ? l.iv : l.name] = new LoopHandle(func.name, l.iv, l.name);
    nest[op] = bandLoops({ kind: "band", func: func.name, opName: op }, loops);
  }
  return nest;
}

function loopsUnder(b: readonly Stmt[]): ForStmt[] {
  return b.flatMap((s) => [...(s.kind === "for" ? [s] : []), ...childBlocks(s).flatMap(loopsUnder)]);
}
