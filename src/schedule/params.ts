// The argument kinds of schedule primitives and how a user's argument of each kind is checked: the
// registry (./registry.ts) declares every primitive's parameters with these, and a wrong-typed, missing
// or malformed argument is AL3019 (AL3020 for an unknown option key) saying what is expected, before any
// name is resolved. Values are checked against the IR (a factor dividing a trip count, a dimension in
// range) by the primitives themselves, which can name the loop or buffer.

import { AlloError } from "../diagnostics/error.ts";
import { bandOfLoops } from "./handles.ts";

/** A typed field of an options object. */
export type Field =
  | { readonly type: "int" }
  | { readonly type: "intOrInts" }
  | { readonly type: "flag" }
  | { readonly type: "name" }
  /** A plain object of values (compose's template values). */
  | { readonly type: "record" }
  | { readonly type: "enum"; readonly values: readonly string[] };

export type Kind =
  /** A loop name or handle; a band (name, handle or getLoops() band) stands for its outermost loop. */
  | { readonly t: "loop" }
  /** A band: its name, a band handle, a getLoops() band, or a loop handle of the band's head. */
  | { readonly t: "band" }
  | { readonly t: "buffer" }
  /** A PE array (spatial region) made by unfold. */
  | { readonly t: "pe" }
  | { readonly t: "func" }
  /** dataflow's target: a function name, else a loop. */
  | { readonly t: "funcOrLoop" }
  | { readonly t: "int" }
  | { readonly t: "shape" }
  | {
      readonly t: "options";
      readonly fields: Readonly<Record<string, Field>>;
      readonly required?: readonly string[];
      /** A plain number stands for `{ [shorthand]: n }` (pipeline's ii). */
      readonly shorthand?: string;
    };

export interface Param {
  readonly name: string;
  readonly kind: Kind;
  readonly optional?: boolean;
  /** Takes every remaining argument (reorder, fuse). */
  readonly rest?: boolean;
  /** The value an omitted argument has; a trailing argument equal to it is left out of the trace. */
  readonly default?: number;
}

const EXPECTED: Record<Kind["t"], string> = {
  loop: 'a loop name ("i", "gemm:j", "i.outer") or a loop handle from split, fuse or getLoops()',
  band: 'a band name ("S_i_j_0", "PE", "gemm:S_i_j_0"), a band from getLoops() or a loop handle of its head',
  buffer: 'a buffer name ("C", "gemm:C") or a buffer handle from bufferAt or reuseAt',
  pe: 'a PE array: the handle unfold returned or its name ("PE")',
  func: 'a function name ("gemm")',
  funcOrLoop: "a function name, a loop name or a loop handle",
  int: "an integer",
  shape: "a list of integers, like [2, 16, 32]",
  options: "an options object",
};

const FIELD: Record<Field["type"], string> = {
  int: "an integer",
  intOrInts: "an integer or a list of integers",
  flag: "true or false",
  name: "a name",
  record: "an object",
  enum: "one of",
};

/** How a wrong value reads in a message: `null`, `an empty object`, `the string "8x8"`, ... */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return v.length === 0 ? "an empty list" : `a list of ${v.length}`;
  if (typeof v === "string") return `the string ${JSON.stringify(v)}`;
  if (typeof v === "function") return "a function";
  if (typeof v !== "object") return `${typeof v} ${String(v)}`;
  const keys = Object.keys(v as object);
  return keys.length === 0 ? "an empty object" : `an object with keys ${keys.join(", ")}`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => typeof v === "string";

/** A handle-shaped object: `{ kind, func, <key> }` with string fields (handles and refs alike). */
function isRef(v: unknown, kind: string, key: string): boolean {
  return isObject(v) && v.kind === kind && str(v.func) && str(v[key]);
}
const isBand = (v: unknown) => (isObject(v) && bandOfLoops(v) !== undefined) || isRef(v, "band", "opName");
const isLoop = (v: unknown) => isRef(v, "loop", "iv") || isBand(v);
const nonEmpty = (v: unknown) => str(v) && v !== "";

const ACCEPTS: Record<Exclude<Kind["t"], "options">, (v: unknown) => boolean> = {
  loop: (v) => nonEmpty(v) || isLoop(v),
  band: (v) => nonEmpty(v) || isLoop(v),
  buffer: (v) => nonEmpty(v) || isRef(v, "buffer", "buffer"),
  pe: (v) =>
    nonEmpty(v) || (isRef(v, "spatial", "name") && Array.isArray((v as { extents?: unknown }).extents)),
  func: nonEmpty,
  funcOrLoop: (v) => nonEmpty(v) || isLoop(v),
  int: (v) => typeof v === "number",
  shape: (v) => Array.isArray(v) && v.every((n) => typeof n === "number"),
};

function fieldOk(f: Field, v: unknown): boolean {
  switch (f.type) {
    case "int":
      return typeof v === "number";
    case "intOrInts":
      return (
        typeof v === "number" || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "number"))
      );
    case "flag":
      return typeof v === "boolean";
    case "name":
      return nonEmpty(v);
    case "record":
      return isObject(v);
    case "enum":
      return str(v) && f.values.includes(v);
  }
}

function fieldExpected(f: Field): string {
  return f.type === "enum" ? `one of ${f.values.map((x) => JSON.stringify(x)).join(", ")}` : FIELD[f.type];
}

const bad = (prim: string, p: Param, text: string) => new AlloError("AL3019", `${prim}: ${p.name} ${text}`);

/** Checks one argument against its parameter; returns it with options normalised (shorthand expanded). */
export function checkArg(prim: string, p: Param, v: unknown): unknown {
  if (v === undefined && (p.optional || p.default !== undefined)) return v;
  const k = p.kind;
  if (k.t !== "options") {
    if (ACCEPTS[k.t](v)) return v;
    throw bad(prim, p, `must be ${EXPECTED[k.t]}; got ${describe(v)}`);
  }
  if (k.shorthand && typeof v === "number") return { [k.shorthand]: v };
  const shapes = Object.keys(k.fields)
    .map((f) => `${f}: ${fieldExpected(k.fields[f])}`)
    .join("; ");
  if (!isObject(v) || (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null)) {
    const alt = k.shorthand ? ` (or a number for ${k.shorthand})` : "";
    throw bad(prim, p, `must be an options object${alt} with { ${shapes} }; got ${describe(v)}`);
  }
  for (const key of Object.keys(v)) {
    if (!(key in k.fields)) {
      const known = Object.keys(k.fields).join(", ");
      throw new AlloError("AL3020", `${prim}: unknown option '${key}'; the options are ${known}`);
    }
  }
  for (const [key, f] of Object.entries(k.fields)) {
    const x = v[key];
    if (x === undefined) {
      if (k.required?.includes(key)) throw bad(prim, p, `needs '${key}' (${fieldExpected(f)})`);
    } else if (!fieldOk(f, x)) {
      throw bad(prim, p, `option '${key}' must be ${fieldExpected(f)}; got ${describe(x)}`);
    }
  }
  return v;
}
