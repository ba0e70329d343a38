// The state every part of a function's JS generator shares: JS names for IR names, the JS function
// being emitted (its temporaries and once-per-call allocations), the enclosing loops, the elements
// kept in locals, and element addressing. Loop and statement generation build on it (gen-loops.ts,
// func.ts).

import { internalError } from "../../diagnostics/error.ts";
import type { Range } from "../../ir/analysis/range.ts";
import type { Expr, Func, LoadExpr, Span, Stmt, StreamGetExpr } from "../../ir/nodes.ts";
import { sameType } from "../../types/dtype.ts";
import { type AccessEnv, type LoopFrame, offsetOf } from "./access.ts";
import { convertVal } from "./convert.ts";
import { compileExpr, type ExprEnv } from "./expr.ts";
import type { Val } from "./int-ops.ts";
import type { ModuleInfo } from "./module-info.ts";
import { key } from "./promote.ts";

/** One JS function being emitted: an IR function or a unit of a spatial region. */
export interface Scope {
  readonly temps: string[];
  readonly generator: boolean;
  /** Declarations of buffers allocated once per call of this JS function, refilled where allocated. */
  readonly decls: Map<string, string>;
  /** Loops (for, while) of this JS function around the code being generated. */
  loops: number;
}

export const indent = (lines: readonly string[]): string[] => lines.map((l) => `  ${l}`);

export abstract class GenBase implements ExprEnv, AccessEnv {
  private readonly names = new Map<string, string>();
  private readonly taken = new Set<string>();
  protected readonly loops: LoopFrame[] = [];
  /** Buffers whose one accessed element lives in a JS local inside the current loop (promote.ts). */
  protected readonly promoted = new Map<string, string>();
  /**
   * Buffers some of whose elements live in JS locals inside the current loop, by index key: sliding
   * windows (slide.ts) and constant positions (promote.ts's constantElements).
   */
  protected readonly elementLocals = new Map<string, Map<string, string>>();
  protected scope: Scope = { temps: [], generator: false, decls: new Map(), loops: 0 };
  /** While defined, float operations of the statement being compiled become consts here, in order. */
  protected steps: string[] | undefined;
  protected span: Span | undefined;
  private counter = 0;

  constructor(
    protected readonly info: ModuleInfo,
    protected readonly f: Func,
  ) {}

  /** Statements as JS lines (func.ts). */
  protected abstract block(b: readonly Stmt[]): string[];

  /** A stream get (func.ts: it blocks differently inside and outside spatial units). */
  abstract streamGet(e: StreamGetExpr): string;

  // ------------------------------------------------------------------ names

  protected ident(kind: string, name: string): string {
    const key = `${kind}:${name}`;
    let id = this.names.get(key);
    if (!id) {
      const base = `${kind}_${name.replace(/[^A-Za-z0-9_]/g, "_")}`;
      id = base;
      for (let k = 1; this.taken.has(id); k++) id = `${base}_${k}`;
      this.taken.add(id);
      this.names.set(key, id);
    }
    return id;
  }
  protected buf = (name: string) => this.ident("b", name);
  protected fresh(prefix: string): string {
    return `${prefix}${++this.counter}`;
  }

  temp(): string {
    const t = this.fresh("t");
    this.scope.temps.push(t);
    return t;
  }
  hoistName(): string {
    return this.fresh("o");
  }
  konst = (x: unknown): string => this.info.konst(x);
  /** A float operation's value as a const in `steps` while statements are being interleaved. */
  step(v: Val): Val {
    if (!this.steps) return v;
    const q = this.fresh("q");
    this.steps.push(`const ${q} = ${v.code};`);
    return { ...v, code: q };
  }

  /** The iteration count of a loop body under a budget (budget.ts); nothing without one. */
  protected tick(loop: string, span: Span | undefined, weight = 1): string[] {
    if (!this.info.budgeted) return [];
    const site = this.info.sites.push({ fn: this.f.name, loop, span: span ?? this.span }) - 1;
    const dec = weight === 1 ? "--B.n" : `(B.n -= ${weight})`;
    return [`if (${dec} < 0) B.check(${site});`];
  }

  // ------------------------------------------------------------------ expression environment

  private frame(iv: string): LoopFrame | undefined {
    for (let k = this.loops.length - 1; k >= 0; k--) if (this.loops[k].iv === iv) return this.loops[k];
    return undefined;
  }
  iv(name: string): { code: string; range?: Range } {
    const fr = this.frame(name);
    if (!fr) throw internalError(`iv '${name}' used outside its loop in '${this.f.name}'`);
    return fr.range ? { code: fr.js, range: fr.range } : { code: fr.js };
  }
  ivRange = (iv: string): Range | undefined => this.frame(iv)?.range;
  ivJs = (iv: string): string => this.iv(iv).code;
  frames = (): readonly LoopFrame[] => this.loops;
  param = (name: string): string => this.ident("p", name);
  compileIndex = (e: Expr): Val => compileExpr(e, this);

  private access = { buffer: "" };
  outOfBounds(indices: readonly string[]): string {
    const b = this.f.buffers[this.access.buffer];
    return `rt.outOfBounds(${JSON.stringify(this.f.name)}, ${JSON.stringify(b.name)}, [${indices.join(", ")}], ${this.konst(b.shape)}, ${this.konst(this.span)})`;
  }

  protected element(buffer: string, indices: readonly Expr[]): string {
    const local = this.promoted.get(buffer) ?? this.elementLocals.get(buffer)?.get(key(indices));
    if (local) return local;
    const b = this.f.buffers[buffer];
    if (b.shape.length === 0)
      return this.info.isVar(this.f, buffer) ? this.buf(buffer) : `${this.buf(buffer)}[0]`;
    const saved = this.access.buffer;
    this.access.buffer = buffer;
    const off = offsetOf(indices, b.shape, this);
    this.access.buffer = saved;
    return `${this.buf(buffer)}[${off}]`;
  }

  load(e: LoadExpr): string {
    return this.element(e.buffer, e.indices);
  }

  /** An expression converted to type t (the IR normally has it in t already). */
  protected valueAs(e: Expr, t: Func["buffers"][string]["type"]): string {
    const v = compileExpr(e, this);
    return (sameType(e.type, t) ? v : convertVal(v, e.type, t, this.konst)).code;
  }
}
