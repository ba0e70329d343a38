// Memory accesses as the estimator sees them: each index as a linear form over the loop counters of the
// iteration being scheduled (unrolled copies substituted as constants), the kind of memory behind the
// buffer (BRAM banks, registers, an AXI port of the top, a FIFO), and the banks an access may touch
// under the buffer's layout (`layoutOf`, the one partition normalisation): a constant bank per
// dimension, or the banks a multiplexer chooses from when the index is not constant under the banking.

import { affineOf } from "../ir/analysis/affine.ts";
import { bufferLayout, type DimLayout } from "../ir/analysis/layout.ts";
import type { BufferDecl, Expr } from "../ir/nodes.ts";

/**
 * The shared affine form (src/ir/analysis/affine.ts) with number coefficients: the estimator does cycle
 * and bank arithmetic on it, with counters substituted for ivs.
 */
export interface Linear {
  readonly c: number;
  readonly terms: ReadonlyMap<string, number>;
}

/** An index expression's form, with its variables and coefficients listed for substitution. */
interface Form {
  readonly linear: Linear;
  readonly vars: readonly string[];
  readonly coefs: readonly number[];
}

/** Each index expression's form, once: the IR is immutable and one expression serves every unrolled copy. */
const forms = new WeakMap<Expr, Form | null>();

function formOf(e: Expr): Form | undefined {
  let f = forms.get(e);
  if (f === undefined) {
    const a = affineOf(e);
    const terms = a ? [...a.terms].map(([v, k]) => [v, Number(k)] as const) : [];
    f = a
      ? {
          linear: { c: Number(a.c), terms: terms.length ? new Map(terms) : NO_TERMS },
          vars: terms.map(([v]) => v),
          coefs: terms.map(([, k]) => k),
        }
      : null;
    forms.set(e, f);
  }
  return f ?? undefined;
}

/** a + sign * b. */
export function combine(a: Linear, b: Linear, sign: 1 | -1): Linear {
  return { c: a.c + sign * b.c, terms: addTerms(a.terms, scaled(b, sign).terms) };
}

function addTerms(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): Map<string, number> {
  const terms = new Map(a);
  for (const [v, k] of b) addTerm(terms, v, k);
  return terms;
}

const NO_TERMS: ReadonlyMap<string, number> = new Map();

export const constLinear = (c: number): Linear => ({ c, terms: NO_TERMS });

/**
 * iv name -> its value as a linear form over loop counters (`#iv`) and constants. A chain of bindings:
 * an unrolled body makes one environment per copy, and each shares its enclosing one instead of copying it.
 */
export class Env {
  static readonly EMPTY = new Env(undefined, "", constLinear(0));

  private constructor(
    private readonly outer: Env | undefined,
    private readonly iv: string,
    private readonly value: Linear,
  ) {}

  get isEmpty(): boolean {
    return this.outer === undefined;
  }

  get(iv: string): Linear | undefined {
    for (let e: Env = this; e.outer !== undefined; e = e.outer) if (e.iv === iv) return e.value;
    return undefined;
  }

  /** This environment with `iv` bound to `value` (shadowing an outer binding of the same name). */
  with(iv: string, value: Linear): Env {
    return new Env(this, iv, value);
  }
}

/** The counter of loop `iv` (its normalized iteration number 0, 1, ...). */
export const counter = (iv: string): string => `#${iv}`;

/** `e` as a linear form over counters: ivs are replaced by their values in env; undefined if not affine. */
export function linearIn(e: Expr, env: Env): Linear | undefined {
  const f = formOf(e);
  if (!f) return undefined;
  // A constant index is its own form (forms are immutable).
  if (f.vars.length === 0) return f.linear;
  let c = f.linear.c;
  // Most indices of an unrolled body are constants once its copies' ivs are: they share one empty map.
  let terms: Map<string, number> | undefined;
  for (let i = 0; i < f.vars.length; i++) {
    const [v, k] = [f.vars[i], f.coefs[i]];
    const val = env.get(v);
    if (!val) addTerm((terms ??= new Map()), v, k);
    else if (k !== 0) {
      c += val.c * k;
      if (val.terms.size > 0) for (const [u, x] of val.terms) addTerm((terms ??= new Map()), u, x * k);
    }
  }
  return { c, terms: terms ?? NO_TERMS };
}

function addTerm(terms: Map<string, number>, v: string, k: number): void {
  const n = (terms.get(v) ?? 0) + k;
  if (n === 0) terms.delete(v);
  else terms.set(v, n);
}

export function scaled(a: Linear, k: number): Linear {
  if (k === 0) return constLinear(0);
  return { c: a.c * k, terms: new Map([...a.terms].map(([v, x]) => [v, x * k])) };
}

export function linearKey(l: Linear | undefined): string {
  if (!l) return "?";
  if (l.terms.size === 0) return `+${l.c}`;
  const terms = l.terms.size === 1 ? [...l.terms] : [...l.terms].sort(([a], [b]) => (a < b ? -1 : 1));
  return `${terms.map(([v, k]) => `${k}${v}`).join("+")}+${l.c}`;
}

/** What holds a buffer: BRAM/LUTRAM banks (port-limited), registers, the top's AXI port, or a FIFO. */
export type MemKind = "ram" | "reg" | "axi" | "fifo";

export function memKind(b: BufferDecl, axi: ReadonlySet<string>): MemKind {
  if (b.stream) return "fifo";
  if (axi.has(b.name)) return "axi";
  if (b.shape.length === 0) return "reg";
  return bufferLayout(b).every((d) => d.kind === "complete") ? "reg" : "ram";
}

/** Banks of each dimension of a buffer (1 when the dimension is not partitioned; complete is in registers). */
export function bankCounts(b: BufferDecl): number[] {
  return bufferLayout(b).map((d, k) =>
    d.kind === "none" ? 1 : d.kind === "complete" ? b.shape[k] : d.factor,
  );
}

const mod = (a: number, m: number): number => ((a % m) + m) % m;

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

function all(m: number): number[] {
  const out: number[] = [];
  for (let x = 0; x < m; x++) out.push(x);
  return out;
}

/** The least and greatest value of `l` when each counter in it runs from 0 to `max(counter)`. */
export function linearSpan(
  l: Linear,
  max: (counter: string) => number | undefined,
): readonly [number, number] | undefined {
  let [lo, hi] = [l.c, l.c];
  for (const [v, k] of l.terms) {
    const m = max(v);
    if (m === undefined) return undefined;
    lo += Math.min(0, k * m);
    hi += Math.max(0, k * m);
  }
  return [lo, hi];
}

/**
 * The banks of one dimension an index may fall in: one when it is constant under the banking; for
 * cyclic(F) with counter coefficients k, the residues c + g*t (g = gcd(k.., F)) a multiplexer picks
 * from; for block(F), the blocks its span (least to greatest value) covers; every bank otherwise.
 */
export function dimBanks(
  d: DimLayout,
  n: number,
  l: Linear | undefined,
  span?: readonly [number, number],
): number[] {
  if (d.kind === "none") return [0];
  const banks = d.kind === "complete" ? n : d.factor;
  if (!l) return all(banks);
  // complete is cyclic(n) for indices in range: element x is bank x.
  if (d.kind === "cyclic" || d.kind === "complete") {
    if (l.terms.size === 0) return [mod(l.c, banks)];
    const g = [...l.terms.values()].reduce((a, k) => gcd(a, k), banks);
    return all(banks / g).map((t) => mod(l.c + g * t, banks));
  }
  if (l.terms.size > 0 && !span) return all(banks);
  const [lo, hi] = span && l.terms.size > 0 ? span : [l.c, l.c];
  const size = Math.ceil(n / d.factor);
  const [first, last] = [Math.floor(lo / size), Math.floor(hi / size)];
  return first >= 0 && last < banks ? all(last - first + 1).map((t) => first + t) : all(banks);
}

/** The one bank of an unpartitioned buffer (shared: the lists below are never changed). */
const BANK_0: readonly number[] = [0];

/** The banks (flattened bank tuples, row-major over bankCounts) an access with these indices touches. */
export function banksTouched(
  b: BufferDecl,
  idx: readonly (Linear | undefined)[],
  spans: readonly (readonly [number, number] | undefined)[] = [],
): readonly number[] {
  const layout = bufferLayout(b);
  let out = BANK_0;
  for (let k = 0; k < layout.length; k++) {
    const d = layout[k];
    if (d.kind === "none") continue;
    const count = d.kind === "complete" ? b.shape[k] : d.factor;
    const choices = dimBanks(d, b.shape[k], idx[k], spans[k]);
    const next: number[] = [];
    for (const t of out) for (const c of choices) next.push(t * count + c);
    out = next;
  }
  return out;
}

/** How many banks a buffer has in all (the product of bankCounts). */
export const bankTotal = (b: BufferDecl): number => bankCounts(b).reduce((n, k) => n * k, 1);

/** A bank tuple number as the user reads it: `[1, 0]`, or `0` for an unpartitioned buffer. */
export function bankText(b: BufferDecl, bank: number): string {
  const counts = bankCounts(b);
  if (counts.every((c) => c === 1)) return "0 (not partitioned)";
  const parts: number[] = [];
  for (let k = counts.length - 1; k >= 0; k--) {
    parts.unshift(bank % counts[k]);
    bank = Math.floor(bank / counts[k]);
  }
  return `[${parts.join(", ")}]`;
}
