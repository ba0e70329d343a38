// Element addressing for generated code: the flat row-major offset of an access, a bounds check only
// for indices whose range is not proven inside the buffer (affine indices under constant loop bounds
// are proven, the common case), and loop-invariant hoisting: the part of an affine offset that does not
// depend on the innermost enclosing loop is computed once before that loop.

import { type Affine, combineAffine, constAffine, exactAffine } from "../../ir/analysis/affine.ts";
import type { Range } from "../../ir/analysis/range.ts";
import type { Expr } from "../../ir/nodes.ts";
import { rowMajorStrides } from "../../ir/shape.ts";
import type { Val } from "./int-ops.ts";

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

/** JS for an affine form over the given iv variables. */
export function affineCode(a: Affine, js: (iv: string) => string): string {
  const parts: string[] = [];
  for (const [v, c] of a.terms) parts.push(c === 1n ? js(v) : `${js(v)} * ${c}`);
  if (a.c !== 0n || parts.length === 0) parts.push(`${a.c}`);
  return parts.join(" + ").replace(/\+ -/g, "- ");
}

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
  const st = rowMajorStrides(shape);
  const ranges = { get: (v: string) => env.ivRange(v) };
  const affs = indices.map((ix) => exactAffine(ix, ranges));
  if (affs.every((a, k) => a && proven(a.range, shape[k]))) {
    const flat = affs.reduce((acc, a, k) => combineAffine(acc, a!.form, BigInt(st[k])), constAffine(0n));
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
  const baseCode = affineCode({ c: flat.c, terms: rest }, js);
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
