// AL4103 before running: an element of a region array written by one instance may be neither read nor
// written by another (instances talk only through streams, which keeps the region a Kahn network and
// is what Vitis dataflow accepts). Accesses whose element is known at compile time (constant loop
// bounds, index expressions over loop variables and constants, not under a runtime condition) are
// enumerated with one state word per touched element; data-dependent accesses are not checked.

import { AlloError, where } from "../diagnostics/error.ts";
import type { Expr, Span, SpatialUnit, Stmt } from "../ir/nodes.ts";
import { stmtExprs, walkExpr } from "../ir/walk.ts";
import type { FnContext } from "./context.ts";

/** Iterations enumerated at most; a region past it is left unchecked rather than slow to compile. */
const BUDGET = 4_000_000;

interface Touch {
  writer?: string;
  writeAt?: Span;
  reader?: string;
  readAt?: Span;
  /** A second instance that read it, if any. */
  other?: string;
  otherAt?: Span;
}

type Env = Map<string, number>;

function value(e: Expr, env: Env): number | undefined {
  switch (e.kind) {
    case "const":
      return typeof e.value === "bigint" ? Number(e.value) : undefined;
    case "iv":
      return env.get(e.name);
    case "cast":
      return e.value.type.kind === "index" || e.value.type.kind === "int" ? value(e.value, env) : undefined;
    case "binary": {
      const a = value(e.lhs, env);
      const b = value(e.rhs, env);
      if (a === undefined || b === undefined) return undefined;
      switch (e.op) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          return b === 0 ? undefined : Math.floor(a / b);
        case "%":
          return b === 0 ? undefined : a - b * Math.floor(a / b);
        case "min":
          return Math.min(a, b);
        case "max":
          return Math.max(a, b);
        default:
          return undefined;
      }
    }
    default:
      return undefined;
  }
}

export function checkRaces(
  ctx: FnContext,
  region: string,
  units: readonly SpatialUnit[],
  arrays: ReadonlySet<string>,
): void {
  const state = new Map<string, Map<number, Touch>>();
  for (const a of arrays) state.set(a, new Map());
  let steps = 0;
  const access = (unit: string, buffer: string, ix: readonly Expr[], write: boolean, env: Env, at?: Span) => {
    const elems = state.get(buffer);
    if (!elems) return;
    const shape = ctx.buffer(buffer).shape;
    let flat = 0;
    for (let d = 0; d < ix.length; d++) {
      const v = value(ix[d], env);
      if (v === undefined || v < 0 || v >= shape[d]) return;
      flat = flat * shape[d] + v;
    }
    let t = elems.get(flat);
    if (!t) elems.set(flat, (t = {}));
    const clash = (other: string, otherAt: Span | undefined, how: string) => {
      const index = ix.map((e) => `[${value(e, env)}]`).join("");
      throw new AlloError(
        "AL4103",
        `in region '${region}', ${buffer}${index} is ${write ? "written" : "read"} by instance ${unit} and ${how} by instance ${other}${otherAt ? ` (at ${where(otherAt)})` : ""}; an element written by one instance may not be read or written by another: give each instance its own part of '${buffer}', or pass the values through a stream`,
        {
          ...(at ? { span: at } : {}),
          details: { region, array: buffer, index: ix.map((e) => value(e, env)), instances: [other, unit] },
        },
      );
    };
    if (t.writer !== undefined && t.writer !== unit) clash(t.writer, t.writeAt, "written");
    if (write) {
      if (t.reader !== undefined && t.reader !== unit) clash(t.reader, t.readAt, "read");
      if (t.other !== undefined) clash(t.other, t.otherAt, "read");
      t.writer = unit;
      t.writeAt = at;
    } else if (t.reader === undefined) {
      t.reader = unit;
      t.readAt = at;
    } else if (t.reader !== unit && t.other === undefined) {
      // Two readers are remembered: a later write by either clashes with the other.
      t.other = unit;
      t.otherAt = at;
    }
  };
  const reads = (unit: string, e: Expr, env: Env, at?: Span) =>
    walkExpr(e, (x) => x.kind === "load" && access(unit, x.buffer, x.indices, false, env, at));
  const block = (unit: string, b: readonly Stmt[], env: Env, at?: Span): void => {
    for (const s of b) {
      const here = s.span ?? at;
      if (s.kind === "for") {
        const lb = value(s.lb, env);
        const ub = value(s.ub, env);
        if (lb === undefined || ub === undefined) continue;
        for (let i = lb; i < ub; i += s.step) {
          if (++steps > BUDGET) return;
          env.set(s.iv, i);
          block(unit, s.body, env, here);
        }
        env.delete(s.iv);
      } else if (s.kind === "if" || s.kind === "while" || s.kind === "spatial") {
        // Conditional: the element may not be touched; only certain accesses are checked.
      } else {
        for (const e of stmtExprs(s)) reads(unit, e, env, here);
        if (s.kind === "store") access(unit, s.buffer, s.indices, true, env, here);
      }
      if (steps > BUDGET) return;
    }
  };
  for (const u of units) block(u.name, u.body, new Map());
}
