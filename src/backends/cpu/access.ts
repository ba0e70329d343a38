// Element addressing for generated code: the flat row-major offset of an access, a bounds check only
// for indices whose range is not proven inside the buffer (affine indices under constant loop bounds
// are proven, the common case), and loop-invariant hoisting: the part of an affine offset that does not
// depend on the innermost enclosing loop is computed once before that loop.

import type { Expr } from "../../ir/nodes.ts";
import { INT32, type Val } from "./int-ops.ts";
import { addRange, mulRange, type Range, subRange, within } from "./values.ts";

/** c0 + sum of coef * iv, exact (no index wrap anywhere inside). */
export interface Affine {
  readonly c0: bigint;
  readonly terms: ReadonlyMap<string, bigint>;
}

/** An enclosing `for` loop as the generator sees it. */
export interface LoopFrame {
  /** IR iv name. */
  readonly iv: string;
  /** User-visible loop name. */
  readonly name: string;
  /** JS variable. */
  readonly js: string;
  readonly range?: Range;
  /** Hoisted loop-invariant offset bases: code -> const name, emitted before the loop. */
  readonly hoisted: Map<string, string>;
}

function combine(a: Affine, b: Affine, k: bigint): Affine {
  const terms = new Map(a.terms);
  for (const [v, c] of b.terms) {
    const s = (terms.get(v) ?? 0n) + k * c;
    if (s === 0n) terms.delete(v);
    else terms.set(v, s);
  }
  return { c0: a.c0 + k * b.c0, terms };
}

const scale = (a: Affine, k: bigint): Affine => combine({ c0: 0n, terms: new Map() }, a, k);

/** The affine form of an index expression, or undefined when it is not affine or may wrap. */
export function affineOf(
  e: Expr,
  ivRange: (iv: string) => Range | undefined,
): { aff: Affine; range: Range } | undefined {
  switch (e.kind) {
    case "const":
      if (typeof e.value !== "bigint") return undefined;
      return { aff: { c0: e.value, terms: new Map() }, range: [e.value, e.value] };
    case "iv":
      return { aff: { c0: 0n, terms: new Map([[e.name, 1n]]) }, range: ivRange(e.name) ?? INT32 };
    case "binary": {
      if (e.type.kind !== "index" || (e.op !== "+" && e.op !== "-" && e.op !== "*")) return undefined;
      const a = affineOf(e.lhs, ivRange);
      const b = affineOf(e.rhs, ivRange);
      if (!a || !b) return undefined;
      let out: { aff: Affine; range: Range };
      if (e.op === "*") {
        if (a.aff.terms.size && b.aff.terms.size) return undefined;
        const [k, x] = a.aff.terms.size ? [b.aff.c0, a.aff] : [a.aff.c0, b.aff];
        out = { aff: scale(x, k), range: mulRange(a.range, b.range) };
      } else {
        const sub = e.op === "-";
        out = {
          aff: combine(a.aff, b.aff, sub ? -1n : 1n),
          range: sub ? subRange(a.range, b.range) : addRange(a.range, b.range),
        };
      }
      return within(out.range, INT32) ? out : undefined;
    }
    default:
      return undefined;
  }
}

/** JS for an affine form over the given iv variables. */
export function affineCode(a: Affine, js: (iv: string) => string): string {
  const parts: string[] = [];
  for (const [v, c] of a.terms) parts.push(c === 1n ? js(v) : `${js(v)} * ${c}`);
  if (a.c0 !== 0n || parts.length === 0) parts.push(`${a.c0}`);
  return parts.join(" + ").replace(/\+ -/g, "- ");
}

export const strides = (shape: readonly number[]): number[] =>
  shape.map((_, k) => shape.slice(k + 1).reduce((x, y) => x * y, 1));

export interface AccessEnv {
  ivRange(iv: string): Range | undefined;
  ivJs(iv: string): string;
  /** The enclosing loops of the current code, outermost first. */
  frames(): readonly LoopFrame[];
  /** A fresh name for a hoisted base. */
  hoistName(): string;
  temp(): string;
  compileIndex(e: Expr): Val;
  /** Code that raises AL5010 for the named index temporaries. */
  outOfBounds(indices: readonly string[]): string;
}

const proven = (r: Range | undefined, dim: number): boolean =>
  r !== undefined && r[0] >= 0n && r[1] <= BigInt(dim - 1);

/** The flat offset expression of an element access of a buffer of the given shape. */
export function offsetOf(indices: readonly Expr[], shape: readonly number[], env: AccessEnv): string {
  const st = strides(shape);
  const affs = indices.map((ix) => affineOf(ix, (v) => env.ivRange(v)));
  if (affs.every((a, k) => a && proven(a.range, shape[k]))) {
    const flat = affs.reduce<Affine>((acc, a, k) => combine(acc, a!.aff, BigInt(st[k])), {
      c0: 0n,
      terms: new Map(),
    });
    return hoist(flat, env);
  }
  const vals = indices.map((ix) => env.compileIndex(ix));
  const sum = (codes: readonly string[]) =>
    codes.map((c, k) => (st[k] === 1 ? c : `${c} * ${st[k]}`)).join(" + ") || "0";
  const unproven = vals.map((v, k) => !proven(v.range, shape[k]));
  if (!unproven.some(Boolean)) return sum(vals.map((v) => v.code));
  const temps = vals.map(() => env.temp());
  const assign = vals.map((v, k) => `${temps[k]} = ${v.code}`).join(", ");
  const checks = temps
    .map((t, k) => (unproven[k] ? `${t} >>> 0 < ${shape[k]}` : ""))
    .filter(Boolean)
    .join(" && ");
  return `(${assign}, ${checks} ? ${sum(temps)} : ${env.outOfBounds(temps)})`;
}

/**
 * Splits the innermost loop's term off an affine offset; the rest is computed once, before the
 * outermost loop it does not depend on (just inside the innermost loop whose iv it uses).
 */
function hoist(flat: Affine, env: AccessEnv): string {
  const frames = env.frames();
  const frame = frames[frames.length - 1];
  const js = (v: string) => env.ivJs(v);
  if (!frame || flat.terms.size === 0) return affineCode(flat, js);
  const c = flat.terms.get(frame.iv) ?? 0n;
  const rest = new Map(flat.terms);
  rest.delete(frame.iv);
  if (rest.size === 0) return affineCode(flat, js);
  const baseCode = affineCode({ c0: flat.c0, terms: rest }, js);
  let base = /^\w+$/.test(baseCode) ? baseCode : undefined;
  if (!base) {
    let d = frames.length - 2;
    while (d >= 0 && !rest.has(frames[d].iv)) d--;
    const target = frames[d + 1];
    base = target.hoisted.get(baseCode);
    if (!base) {
      base = env.hoistName();
      target.hoisted.set(baseCode, base);
    }
  }
  if (c === 0n) return base;
  return `${base} + ${c === 1n ? frame.js : `${frame.js} * ${c}`}`.replace(/\+ -/g, "- ");
}
