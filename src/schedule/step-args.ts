// A step's arguments, parameter by parameter (the kinds of ./params.ts): checked, resolved against
// the module the step starts from, recorded twice — as step data whose references are qualified by
// function ({ loop: { func: "gemm", name: "i" } }) and as the trace shows them (the user's strings
// verbatim, handles as the shortest names they resolved to) — and turned back from step data into
// arguments for replay, with function names rewritten.

import { AlloError } from "../diagnostics/error.ts";
import type { Module } from "../ir/nodes.ts";
import { bandOfLoops } from "./handles.ts";
import { checkArg, describe, type Kind, type Param } from "./params.ts";
import type { BandRef, BufferRef, LoopRef, SpatialRef, StageRef } from "./refs.ts";
import {
  bufferName,
  loopName,
  loopNameIn,
  resolveBand,
  resolveBuffer,
  resolveFunc,
  resolveLoop,
  resolveRelayTarget,
} from "./resolve.ts";
import type { StepArg, TraceValue } from "./trace.ts";

/** Checks the user's arguments: one value per parameter (a list of them for a rest parameter). */
export function bindArgs(prim: string, params: readonly Param[], args: readonly unknown[]): unknown[] {
  return params.map((p, i) =>
    p.rest
      ? args.slice(i).map((v, k) => checkArg(prim, { ...p, name: `${p.name} ${k + 1}` }, v))
      : checkArg(prim, p, args[i]),
  );
}

const isFunc = (m: Module, v: unknown) => typeof v === "string" && m.functions.some((f) => f.name === v);

function resolveOne(m: Module, prim: string, p: Param, v: unknown): unknown {
  const k = p.kind;
  switch (k.t) {
    case "loop":
      return resolveLoop(m, v as LoopRef, prim);
    case "band":
      return resolveBand(m, v as BandRef, prim);
    case "buffer":
      return resolveBuffer(m, v as BufferRef, prim);
    case "pe":
      return resolveRelayTarget(m, v as SpatialRef | string, prim);
    case "func":
      return resolveFunc(m, v as string | undefined, prim);
    case "funcOrLoop":
      return v === undefined || isFunc(m, v)
        ? resolveFunc(m, v as string | undefined, prim)
        : resolveLoop(m, v as LoopRef, prim);
    case "int":
      return v ?? p.default;
    case "shape":
      return v;
    case "options":
      return v ?? {};
  }
}

/** The refs and values a primitive's apply function receives (a list for a rest parameter). */
export function resolveArgs(m: Module, prim: string, params: readonly Param[], bound: readonly unknown[]) {
  return params.map((p, i) =>
    p.rest ? (bound[i] as unknown[]).map((v) => resolveOne(m, prim, p, v)) : resolveOne(m, prim, p, bound[i]),
  );
}

const qualified = (m: Module, func: string, name: string) => (func === m.top ? name : `${func}:${name}`);

/** The options as recorded: the schema's keys in order, without unset keys and false flags. */
function options(k: Extract<Kind, { t: "options" }>, v: Readonly<Record<string, unknown>>): StepArg {
  const out: Record<string, StepArg> = {};
  for (const [key, f] of Object.entries(k.fields)) {
    const x = v[key];
    if (x === undefined || (f.type === "flag" && x === false)) continue;
    out[key] = Array.isArray(x) ? [...x] : (x as StepArg);
  }
  return out;
}

interface Recorded {
  readonly data: StepArg;
  /** The trace shows nothing for it (an omitted argument). */
  readonly shown: TraceValue | undefined;
  /** A trailing argument the data leaves out: a default value or empty options. */
  readonly dropData: boolean;
}

function recordOne(m: Module, p: Param, v: unknown, r: unknown): Recorded {
  const k = p.kind;
  const asIs = (data: StepArg): Recorded => ({ data, shown: data as TraceValue, dropData: false });
  const ref = (key: string, func: string, name: string, shown: TraceValue): Recorded => ({
    data: { [key]: { func, name } },
    shown: typeof v === "string" ? v : shown,
    dropData: false,
  });
  switch (k.t) {
    case "loop":
    case "funcOrLoop": {
      if (typeof r === "string")
        return { data: { func: r }, shown: v as string | undefined, dropData: false };
      const loop = r as LoopRef;
      const band = typeof v === "object" ? (bandOfLoops(v as object) ?? (v as Partial<BandRef>)) : undefined;
      const shown = band?.kind === "band" ? qualified(m, band.func!, band.opName!) : loopName(m, loop);
      return ref("loop", loop.func, loopNameIn(m, loop), shown);
    }
    case "band": {
      const b = r as BandRef;
      return ref("band", b.func, b.opName, qualified(m, b.func, b.opName));
    }
    case "buffer": {
      const b = r as BufferRef;
      return ref("buffer", b.func, b.buffer, bufferName(m, b));
    }
    case "pe": {
      const s = r as SpatialRef | StageRef;
      return ref("pe", s.func, s.name, qualified(m, s.func, s.name));
    }
    case "func":
      return { data: { func: r as string }, shown: v as string | undefined, dropData: false };
    case "int":
      return {
        data: r as number,
        shown: r === p.default ? undefined : (v as number),
        dropData: r === p.default,
      };
    case "shape":
      return asIs([...(r as number[])]);
    case "options": {
      const o = options(k, r as Readonly<Record<string, unknown>>);
      const empty = Object.keys(o).length === 0;
      return { data: o, shown: empty ? undefined : (o as TraceValue), dropData: empty };
    }
  }
}

/** A step's arguments as data and as the trace shows them, trailing omitted arguments left out. */
export function recordArgs(
  m: Module,
  params: readonly Param[],
  bound: readonly unknown[],
  resolved: readonly unknown[],
): { data: StepArg[]; shown: TraceValue[] } {
  const all = params.flatMap((p, i) =>
    p.rest
      ? (bound[i] as unknown[]).map((v, k) => recordOne(m, p, v, (resolved[i] as unknown[])[k]))
      : [recordOne(m, p, bound[i], resolved[i])],
  );
  let d = all.length;
  while (d > 0 && all[d - 1].dropData) d--;
  let s = all.length;
  while (s > 0 && all[s - 1].shown === undefined) s--;
  return { data: all.slice(0, d).map((x) => x.data), shown: all.slice(0, s).map((x) => x.shown ?? {}) };
}

const DATA: Partial<Record<Kind["t"], string>> = {
  loop: "{ loop: { func, name } }",
  band: "{ band: { func, name } }",
  buffer: "{ buffer: { func, name } }",
  pe: "{ pe: { func, name } }",
  func: "{ func }",
  funcOrLoop: "{ func } or { loop: { func, name } }",
};

function named(d: unknown, key: string): { func: string; name: string } | undefined {
  const x = typeof d === "object" && d !== null ? (d as Record<string, unknown>)[key] : undefined;
  if (typeof x !== "object" || x === null) return undefined;
  const { func, name } = x as Record<string, unknown>;
  return typeof func === "string" && typeof name === "string" ? { func, name } : undefined;
}

function funcOf(d: unknown): string | undefined {
  const f = typeof d === "object" && d !== null ? (d as Record<string, unknown>).func : undefined;
  return typeof f === "string" ? f : undefined;
}

/** One recorded argument back as a user argument: references become qualified names in renamed functions. */
function fromData(k: Kind, d: unknown, rename: (f: string) => string, where: string): unknown {
  const key = k.t === "funcOrLoop" ? (funcOf(d) !== undefined ? "func" : "loop") : k.t;
  if (key === "func") {
    const f = funcOf(d);
    if (f !== undefined) return rename(f);
  } else if (DATA[k.t]) {
    const x = named(d, key);
    if (x) return `${rename(x.func)}:${x.name}`;
  } else {
    return d;
  }
  throw new AlloError("AL3021", `replay: ${where} must be ${DATA[k.t]}; got ${describe(d)}`);
}

/** A recorded step's arguments as the user arguments that replay it, one per recorded argument. */
export function argsFromData(
  params: readonly Param[],
  data: readonly unknown[],
  rename: (f: string) => string,
  where: string,
): unknown[] {
  return data.map((d, i) => {
    const p = params[Math.min(i, params.length - 1)];
    if (i >= params.length && !p.rest) {
      throw new AlloError(
        "AL3021",
        `replay: ${where} has ${data.length} arguments; at most ${params.length}`,
      );
    }
    return fromData(p.kind, d, rename, `${where}, argument ${i + 1}`);
  });
}

/** Every function a recorded argument refers to, in order of first appearance. */
export function funcsOfData(params: readonly Param[], data: readonly unknown[]): string[] {
  const out: string[] = [];
  data.forEach((d, i) => {
    const p = params[Math.min(i, params.length - 1)];
    const f = p.kind.t === "func" || p.kind.t === "funcOrLoop" ? funcOf(d) : undefined;
    const x =
      f ?? (DATA[p.kind.t] ? named(d, p.kind.t === "funcOrLoop" ? "loop" : p.kind.t)?.func : undefined);
    if (x !== undefined && !out.includes(x)) out.push(x);
  });
  return out;
}
