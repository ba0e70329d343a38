// Text builder for one func.func body: unique SSA names (named values keep readable names, temporaries
// are numbered %0, %1, ... in emission order), nested-region indentation, and constants hoisted to the
// top of the function so they dominate every use (constants are valid affine symbols anywhere).

import { type ElemType, type FloatType, INDEX } from "../../types/dtype.ts";
import { floatLiteral, intLiteral, mlirType } from "./types.ts";

const SSA_CHAR = /[^A-Za-z0-9$._-]/g;

export class Body {
  private readonly lines: string[] = [];
  private readonly constLines: string[] = [];
  private readonly constNames = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly defs = new Map<string, number>();
  private counter = 0;
  private depth = 2;

  /** A fresh temporary `%N`. */
  fresh(): string {
    return `%${this.counter++}`;
  }

  /** A unique SSA name derived from `base` (a buffer, loop or parameter name). */
  name(base: string): string {
    let b = base.replace(SSA_CHAR, "_");
    if (!/^[A-Za-z_]/.test(b)) b = `v${b}`;
    let n = b;
    for (let k = 1; this.used.has(n); k++) n = `${b}_${k}`;
    this.used.add(n);
    return `%${n}`;
  }

  line(text: string): void {
    this.lines.push(`${"  ".repeat(this.depth)}${text}`);
  }

  /** Emits `%N = rhs` and returns %N. */
  op(rhs: string): string {
    const v = this.fresh();
    this.defs.set(v, this.lines.length);
    this.line(`${v} = ${rhs}`);
    return v;
  }

  /** Adds a discardable attribute to the op that defined `v` (when it has none yet). */
  tag(v: string, attr: string): void {
    const at = this.defs.get(v);
    if (at === undefined) return;
    const l = this.lines[at];
    const colon = l.lastIndexOf(" : ");
    if (colon < 0 || l.includes("{")) return;
    this.lines[at] = `${l.slice(0, colon)} {${attr}}${l.slice(colon)}`;
  }

  /** Opens a region: the line ends with `{`; the matching `close` writes `}` plus any suffix. */
  open(text: string): void {
    this.line(`${text} {`);
    this.depth++;
  }

  close(suffix = ""): void {
    this.depth--;
    this.line(`}${suffix}`);
  }

  /** Closes one region and opens the next on the same line (`} else {`, `} do {`). */
  reopen(text: string): void {
    this.depth--;
    this.line(`} ${text} {`);
    this.depth++;
  }

  /** An `arith.constant` of an integer-like type (int, fixed raw value, index). */
  intConst(t: ElemType, v: bigint): string {
    const mt = mlirType(t);
    const lit = t.kind === "index" ? String(v) : intLiteral(v, (t as { bits: number }).bits);
    const base = mt === "i1" ? lit : t.kind === "index" ? `c${lit}` : `c${lit}_${mt}`;
    return this.constant(`${lit} : ${mt}`, base, mt === "i1" ? `arith.constant ${lit}` : undefined);
  }

  index(v: number | bigint): string {
    return this.intConst(INDEX, BigInt(v));
  }

  floatConst(t: FloatType, x: number): string {
    return this.constant(`${floatLiteral(x, t)} : f${t.bits}`, "cst");
  }

  private constant(key: string, base: string, text = `arith.constant ${key}`): string {
    const known = this.constNames.get(key);
    if (known) return known;
    const v = this.name(base);
    this.constNames.set(key, v);
    this.constLines.push(`    ${v} = ${text}`);
    return v;
  }

  /** The body text: hoisted constants, then the statements. */
  text(): string {
    return [...this.constLines, ...this.lines].join("\n");
  }
}
