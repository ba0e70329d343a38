// compose: re-applies a sub-schedule's recorded steps inside every matching instance of its kernel in
// a bigger design. This file finds the parts (a schedule, a kernel with its registered schedule, or a
// list), the target instances (by kernel identity and template values, or by id) and replays each step
// with names rewritten through the instance's call tree; the Schedule runs the steps (so they enter its
// trace) and undoes the whole compose when one fails.

import { AlloError, type Note, where } from "../diagnostics/error.ts";
import { overloadForms, pickForm } from "../dsl/overload.ts";
import type { Func, FuncOrigin, Module, Span } from "../ir/nodes.ts";
import { type ElemType, isBool } from "../types/dtype.ts";
import { checkArg, describe, type Param } from "./params.ts";
import { type PrimitiveName, primitiveDef } from "./registry.ts";
import { funcRenaming } from "./replay.ts";
import { argsFromData } from "./step-args.ts";
import { formatCall, type Step, type TraceValue } from "./trace.ts";

export interface ComposeOptions {
  /** Only the instance `f_<id>` of the sub-schedule's kernel (`instance(f, "id")`). */
  readonly id?: string;
  /** Template values for a kernel composed with its registered schedule (not for a Schedule). */
  readonly instantiate?: Readonly<Record<string, unknown>>;
}

/** What compose reads of a schedule: the module it started from and the steps it recorded. */
export interface Composable {
  readonly original: Module;
  readonly steps: readonly Step[];
}

/** How a replayed step enters the parent's trace: its own call site, the compose call, trace comments. */
export interface Replayed {
  readonly site?: Span;
  readonly via?: Span;
  /** The schedule the step was written in. */
  readonly origin: number;
  readonly comment: string;
  readonly header?: string;
}

type Customizer = (kernel: Function, instantiate?: Readonly<Record<string, unknown>>) => Composable;
type Run = (prim: PrimitiveName, args: readonly unknown[], from: Replayed) => unknown;

let schedules = 0;
/** A fresh schedule number (each schedule's partitions are one requirement per buffer). */
export const newScheduleId = (): number => ++schedules;

const registry = new WeakMap<Function, (s: never) => void>();

/** `registerSchedule(systolic, (s) => { ... })`: the schedule `compose(systolic)` applies. */
export function registerSchedule<S>(kernel: Function, apply: (s: S) => void): void {
  if (typeof kernel !== "function" || typeof apply !== "function") {
    throw new AlloError(
      "AL3019",
      `registerSchedule takes a kernel function and a function that schedules it: registerSchedule(matmul, (s) => { s.pipeline("k"); }); got ${describe(kernel)} and ${describe(apply)}`,
    );
  }
  registry.set(kernel, apply);
}

const OPTIONS: Param = {
  name: "options",
  kind: { t: "options", fields: { id: { type: "name" }, instantiate: { type: "record" } } },
  optional: true,
};

/** A schedule, or an object shaped like one: a module with a top function and known steps. */
function isComposable(x: unknown): x is Composable {
  if (typeof x !== "object" || x === null || !("original" in x) || !("steps" in x)) return false;
  const { original: m, steps } = x as Partial<Composable>;
  return (
    Array.isArray(m?.functions) &&
    m.functions.some((f) => f.name === m.top) &&
    Array.isArray(steps) &&
    steps.every((s) => primitiveDef(s?.prim) !== undefined && Array.isArray(s.args))
  );
}

/** A schedule to replay and, when compose found them itself, the instances to replay it into. */
export interface ComposePart {
  readonly schedule: Composable;
  readonly into?: readonly string[];
}

/** The schedules a compose call replays, in order: kernels are customized and scheduled first. */
export function composeParts(
  sub: unknown,
  options: unknown,
  customize: Customizer,
  m: Module,
): ComposePart[] {
  const o = (checkArg("compose", OPTIONS, options) ?? {}) as ComposeOptions;
  const parts = Array.isArray(sub) ? sub : [sub];
  if (parts.length === 0) throw new AlloError("AL3019", "compose: the list of schedules is empty");
  return parts.flatMap((p): ComposePart[] => {
    const forms = overloadForms(p);
    if (forms) return overloadParts(forms, m, o, customize);
    if (typeof p === "function" && registry.has(p) && o.instantiate === undefined) {
      const each = perInstance(p, m, o.id, customize);
      if (each.length > 0) return each;
    }
    return [{ schedule: onePart(p, o, customize) }];
  });
}

/**
 * `compose(op)` of an overloaded kernel (src/dsl/overload.ts): every form's registered schedule in that
 * form's instances; with `instantiate`, the first form those values fit. AL3303 when a form with
 * instances has no registered schedule, AL3301 when the design calls no form.
 */
function overloadParts(
  forms: readonly Function[],
  m: Module,
  o: ComposeOptions,
  customize: Customizer,
): ComposePart[] {
  if (o.instantiate !== undefined) {
    const { form, value } = pickForm(forms, "compose", (f) => customize(f, o.instantiate));
    const apply = registry.get(form);
    if (!apply) throw noSchedule(form);
    (apply as (s: Composable) => void)(value);
    return [{ schedule: value }];
  }
  const out = forms.flatMap((f) => {
    if (registry.has(f)) return perInstance(f, m, o.id, customize);
    if (m.functions.some((fn) => fn.origin?.base === f.name)) throw noSchedule(f);
    return [];
  });
  if (out.length > 0) return out;
  throw new AlloError(
    "AL3301",
    `compose: '${m.top}' calls no instance of the overloaded kernel's forms (${forms.map((f) => f.name).join(", ")})${o.id === undefined ? "" : ` with id '${o.id}'`}`,
  );
}

const noSchedule = (f: Function) =>
  new AlloError(
    "AL3303",
    `compose: kernel '${f.name}' has no registered schedule; register one with registerSchedule(${f.name}, (s) => { ... }) or compose a schedule: compose(customize(${f.name}))`,
  );

/**
 * `compose(f)` for a generic kernel with a registered schedule and no `instantiate`: the schedule is
 * run on `customize(f, { instantiate })` once per distinct template values of f's instances in `m`
 * (with `id`, of that instance only), each replayed into the instances with those values.
 */
function perInstance(f: Function, m: Module, id: string | undefined, customize: Customizer): ComposePart[] {
  const groups = new Map<string, Func[]>();
  for (const fn of m.functions) {
    const o = fn.origin;
    if (!o || o.base !== f.name || o.templates === "[]" || (id !== undefined && o.id !== id)) continue;
    groups.set(o.templates, [...(groups.get(o.templates) ?? []), fn]);
  }
  const out: ComposePart[] = [];
  for (const [templates, fns] of groups) {
    let s: Composable;
    try {
      s = customize(f, templateRecord(templates));
    } catch (e) {
      // Another kernel of the same name (other template parameters) is not an instance of f.
      if (e instanceof AlloError && e.code === "AL1021") continue;
      throw e;
    }
    const same = fns.filter((fn) => fn.origin!.kernel === topOf(s.original).origin?.kernel);
    if (same.length === 0) continue;
    (registry.get(f) as (s: Composable) => void)(s);
    out.push({ schedule: s, into: same.map((fn) => fn.name) });
  }
  return out;
}

/** An instance's template values (FuncOrigin.templates, JSON with bigints as "4n") for customize. */
function templateRecord(text: string): Record<string, unknown> {
  const entries = JSON.parse(text) as [string, ConstValueData][];
  return Object.fromEntries(entries.map(([k, v]) => [k, templateValue(v)]));
}

type ConstValueData = { kind: string; type?: ElemType; value?: string | number } & Record<string, unknown>;

function templateValue(v: ConstValueData): unknown {
  if (v.kind !== "const" || !v.type) return v; // a dtype
  const raw = typeof v.value === "string" ? BigInt(v.value.slice(0, -1)) : v.value;
  if (isBool(v.type)) return raw !== 0n;
  return raw;
}

function onePart(p: unknown, o: ComposeOptions, customize: Customizer): Composable {
  if (isComposable(p)) {
    if (o.instantiate !== undefined) {
      throw new AlloError(
        "AL3304",
        "compose: 'instantiate' is for a kernel (compose(f, { instantiate })); a schedule's template values are fixed by its customize call",
      );
    }
    return p;
  }
  if (typeof p === "function") {
    const apply = registry.get(p);
    if (!apply) throw noSchedule(p);
    const s = customize(p, o.instantiate);
    (apply as (s: Composable) => void)(s);
    return s;
  }
  throw new AlloError(
    "AL3019",
    `compose takes a schedule (customize(f)), a kernel with a registered schedule, or a list of them; got ${describe(p)}`,
  );
}

const topOf = (m: Module): Func => m.functions.find((f) => f.name === m.top)!;

/** The function names of `m` that are instances of `sub`'s kernel: same template values, or the given id. */
export function composeTargets(m: Module, sub: Module, id: string | undefined): string[] {
  const want = topOf(sub).origin;
  const same = (o: FuncOrigin | undefined) => o !== undefined && o.kernel === want?.kernel;
  const all = m.functions.filter((f) => same(f.origin));
  const hits = all.filter((f) =>
    id === undefined ? f.origin!.templates === want?.templates : f.origin!.id === id,
  );
  if (hits.length > 0) return hits.map((f) => f.name);
  const which = id === undefined ? "with the template values of the composed schedule" : `with id '${id}'`;
  const fix =
    id === undefined
      ? "customize the kernel with an instance's template values"
      : "pass the id of one of them, or no id for all";
  const have = all.length
    ? `its instances: ${all.map((f) => f.name).join(", ")} (${fix})`
    : `it calls no instance of '${sub.top}'`;
  throw new AlloError("AL3301", `compose: '${m.top}' has no instance of '${sub.top}' ${which}; ${have}`);
}

/** Replays every step of `sub` inside instance `into` of `m`; a failing step is AL3302 (see below). */
export function replayInto(m: Module, sub: Composable, into: string, at: Span | undefined, run: Run): void {
  const steps = [...sub.steps];
  const label = `${sub.original.top}'s schedule`;
  let rename: ((f: string) => string) | undefined;
  const unnumbered = newScheduleId();
  for (const [k, step] of steps.entries()) {
    const def = primitiveDef(step.prim)!;
    let call = `${step.prim}(...)`;
    try {
      rename ??= funcRenaming(sub.original, sub.original.top, m, into);
      const args = argsFromData(def.params, step.args, rename, `step ${k + 1} (${step.prim})`);
      call = formatCall(step.prim, args as TraceValue[]);
      run(step.prim as PrimitiveName, args, {
        ...(step.site ? { site: step.site } : {}),
        ...(at ? { via: at } : {}),
        origin: step.origin ?? unnumbered,
        comment: `step ${k + 1} of ${label}${step.site ? `, ${where(step.site)}` : ""}`,
        ...(k === 0 ? { header: `compose${at ? ` at ${where(at)}` : ""}: ${label} into ${into}` } : {}),
      });
    } catch (e) {
      // A layout conflict is the compose's own error (the class now has incompatible requirements).
      if (!(e instanceof AlloError) || e.code === "AL3402") throw e;
      throw stepFailed(e, k + 1, steps.length, call, label, into, step.site);
    }
  }
}

/** AL3302: which step of which schedule failed on which instance, with the step's own call site. */
function stepFailed(
  e: AlloError,
  k: number,
  n: number,
  call: string,
  label: string,
  into: string,
  site: Span | undefined,
): AlloError {
  const notes: Note[] = [
    { ...(site ? { span: site } : {}), message: `step ${k} of ${label} was called here` },
    ...(e.span && (!site || where(e.span) !== where(site))
      ? [{ span: e.span, message: "the step failed here" }]
      : []),
    ...(e.notes ?? []),
  ];
  return new AlloError(
    "AL3302",
    `compose: step ${k} of ${n} of ${label}, ${call}, failed on instance '${into}' (${e.code}: ${e.text}); nothing of this compose was applied: compose before the steps that change this instance, or schedule it directly`,
    {
      notes,
      details: { step: k, instance: into, cause: e.code, ...(e.details ? { causeDetails: e.details } : {}) },
    },
  );
}
