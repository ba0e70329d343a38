// JavaScript for one IR function: loops, branches, stores, local buffers, calls, streams and spatial
// regions. Plain code is straight-line JS over typed arrays; only functions that may block on a
// stream become generators, and the units of a spatial region become generator closures run by the
// round-robin scheduler of streams.ts. Buffers allocated inside loops are allocated once and refilled.

import { idx, idxOp, ivRef } from "../../ir/build.ts";
import type { Expr, ForStmt, Func, LoadExpr, Span, Stmt, StreamGetExpr } from "../../ir/nodes.ts";
import { substituteIvs } from "../../ir/walk.ts";
import { assertNever, sameType } from "../../types/dtype.ts";
import { type AccessEnv, type LoopFrame, offsetOf } from "./access.ts";
import { convertVal } from "./convert.ts";
import { compileExpr, condOf, type ExprEnv } from "./expr.ts";
import type { Val } from "./int-ops.ts";
import { innerOf, JAM, jammable } from "./jam.ts";
import type { ModuleInfo } from "./module-info.ts";
import { type Promotion, promotions } from "./promote.ts";
import { floatLiteral, intLiteral, type Range, reprOf, storageOf } from "./values.ts";

/** One JS function being emitted: an IR function or a unit of a spatial region. */
interface Scope {
  readonly temps: string[];
  readonly generator: boolean;
  /** Declarations of buffers allocated once per call of this JS function, refilled where allocated. */
  readonly decls: Map<string, string>;
  /** Loops (for, while) of this JS function around the code being generated. */
  loops: number;
}

const indent = (lines: readonly string[]): string[] => lines.map((l) => `  ${l}`);

export class FuncGen implements ExprEnv, AccessEnv {
  private readonly names = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly loops: LoopFrame[] = [];
  /** Buffers whose one accessed element lives in a JS local inside the current loop (promote.ts). */
  private readonly promoted = new Map<string, string>();
  private scope: Scope = { temps: [], generator: false, decls: new Map(), loops: 0 };
  private span: Span | undefined;
  private counter = 0;

  constructor(
    private readonly info: ModuleInfo,
    private readonly f: Func,
  ) {}

  // ------------------------------------------------------------------ names

  private ident(kind: string, name: string): string {
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
  private buf = (name: string) => this.ident("b", name);
  private fresh(prefix: string): string {
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

  // ------------------------------------------------------------------ expression environment

  private frame(iv: string): LoopFrame | undefined {
    for (let k = this.loops.length - 1; k >= 0; k--) if (this.loops[k].iv === iv) return this.loops[k];
    return undefined;
  }
  iv(name: string): { code: string; range?: Range } {
    const fr = this.frame(name);
    if (!fr)
      throw new Error(
        `allo-ts internal error (a compiler bug): iv '${name}' used outside its loop in '${this.f.name}'`,
      );
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

  private element(buffer: string, indices: readonly Expr[]): string {
    const local = this.promoted.get(buffer);
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

  private waitInfo(op: "put" | "get", fifo: string): string {
    const ivs = this.loops.map((l) => `${JSON.stringify(l.name)}: ${l.js}`).join(", ");
    return `{ op: "${op}", fifo: ${fifo}, at: ${this.konst(this.span)}, ivs: { ${ivs} } }`;
  }

  streamGet(e: StreamGetExpr): string {
    const f = this.temp();
    const wait = this.waitInfo("get", f);
    const block = this.scope.generator
      ? `(yield* rt.s.waitGet(${wait}))`
      : `rt.s.stuck(${wait}, ${JSON.stringify(this.f.name)})`;
    return `(${f} = ${this.element(e.stream, e.indices)}, ${f}.n === 0 ? ${block} : 0, rt.s.pop(${f}))`;
  }

  /** An expression converted to type t (the IR normally has it in t already). */
  private valueAs(e: Expr, t: Func["buffers"][string]["type"]): string {
    const v = compileExpr(e, this);
    return (sameType(e.type, t) ? v : convertVal(v, e.type, t, this.konst)).code;
  }

  // ------------------------------------------------------------------ statements

  private block(b: readonly Stmt[]): string[] {
    return b.flatMap((s) => this.stmt(s));
  }

  private stmt(s: Stmt): string[] {
    this.span = s.span ?? this.span;
    switch (s.kind) {
      case "for":
        return this.loop(s);
      case "if": {
        const head = [`if (${condOf(s.cond, this)}) {`, ...indent(this.block(s.then))];
        return s.else.length ? [...head, "} else {", ...indent(this.block(s.else)), "}"] : [...head, "}"];
      }
      case "while": {
        const cond = condOf(s.cond, this);
        this.scope.loops++;
        const body = this.block(s.body);
        this.scope.loops--;
        return [`while (${cond}) {`, ...indent(body), "}"];
      }
      case "store":
        return [
          `${this.element(s.buffer, s.indices)} = ${this.valueAs(s.value, this.f.buffers[s.buffer].type)};`,
        ];
      case "alloc":
        return this.alloc(s.buffer, s.init?.value, this.scope.loops > 0);
      case "call":
        return this.call(s);
      case "streamPut":
        return this.put(s);
      case "spatial":
        return this.spatial(s);
      default:
        return assertNever(s, "statement");
    }
  }

  /** The range of an iv running from lb to below ub, its last `spare` steps left to a remainder loop. */
  private ivSpan(lb: Val, ub: Val, spare = 0n): Range | undefined {
    if (!lb.range || !ub.range) return undefined;
    const hi = ub.range[1] - 1n - spare;
    return [lb.range[0], hi > lb.range[0] ? hi : lb.range[0]];
  }

  private frameFor(s: ForStmt, js: string, range: Range | undefined): LoopFrame {
    const f = { iv: s.iv, name: s.name, js, hoisted: new Map<string, string>() };
    return range ? { ...f, range } : f;
  }

  /** Locals for the elements promote.ts finds in `s`, read before the loop and written back after it. */
  private promote(s: ForStmt, into: Map<string, string>, before: string[], after: string[]): Promotion[] {
    const skip = (b: string) => this.info.isVar(this.f, b) || this.promoted.has(b);
    const promos = promotions(s, this.f.buffers, this.ivRange, skip);
    for (const p of promos) {
      const el = this.element(p.buffer, p.indices);
      const local = this.fresh("s");
      before.push(`let ${local} = ${el};`);
      if (p.stored) after.push(`${el} = ${local};`);
      into.set(p.buffer, local);
    }
    return promos;
  }

  /** Compiles a block inside a loop frame with some buffers' elements in locals. */
  private within(frame: LoopFrame, locals: ReadonlyMap<string, string>, body: readonly Stmt[]): string[] {
    for (const [b, l] of locals) this.promoted.set(b, l);
    this.loops.push(frame);
    this.scope.loops++;
    const out = this.block(body);
    this.scope.loops--;
    this.loops.pop();
    for (const b of locals.keys()) this.promoted.delete(b);
    return out;
  }

  private hoisted = (f: LoopFrame) => [...f.hoisted].map(([code, name]) => `const ${name} = ${code};`);

  private loop(s: ForStmt): string[] {
    const lb = compileExpr(s.lb, this);
    const ub = compileExpr(s.ub, this);
    const jammed = this.jam(s, lb, ub);
    if (jammed) return jammed;
    const v = this.ident("v", s.iv);
    const frame = this.frameFor(s, v, this.ivSpan(lb, ub));
    const [locals, before, after] = [new Map<string, string>(), [] as string[], [] as string[]];
    this.promote(s, locals, before, after);
    const body = this.within(frame, locals, s.body);
    const simple = /^(?:\w+|\d+)$/.test(ub.code);
    const end = simple ? ub.code : this.fresh("e");
    const init = simple ? `let ${v} = ${lb.code}` : `let ${v} = ${lb.code}, ${end} = ${ub.code}`;
    const step = s.step === 1 ? `${v}++` : `${v} += ${s.step}`;
    const head = `for (${init}; ${v} < ${end}; ${step}) {`;
    return [...this.hoisted(frame), ...before, head, ...indent(body), "}", ...after];
  }

  /**
   * Unroll-and-jam by JAM (jam.ts): JAM outer iterations share one inner loop, each with its own
   * promoted elements; a remainder loop runs the iterations left over.
   */
  private jam(s: ForStmt, lb: Val, ub: Val): string[] | undefined {
    const inner = innerOf(s);
    const range = this.ivSpan(lb, ub, BigInt((JAM - 1) * s.step));
    if (!inner || !range || !lb.range || range[0] + BigInt((JAM - 1) * s.step) >= ub.range![1])
      return undefined;
    const v = this.ident("v", s.iv);
    const frame = this.frameFor(s, v, range);
    this.loops.push(frame);
    const copies = Array.from({ length: JAM }, (_, c) => {
      const shifted = new Map([[s.iv, idxOp("+", ivRef(s.iv), idx(c * s.step))]]);
      return (c === 0 ? inner : substituteIvs([inner], shifted)[0]) as ForStmt;
    });
    const skip = (b: string) => this.info.isVar(this.f, b) || this.promoted.has(b);
    const first = promotions(inner, this.f.buffers, this.ivRange, skip);
    const shape = (b: string) => this.f.buffers[b].shape;
    const ok =
      jammable(s.iv, inner, first, shape, this.ivRange) &&
      copies.every((c) => promotions(c, this.f.buffers, this.ivRange, skip).length === first.length);
    if (!ok) {
      this.loops.pop();
      return undefined;
    }
    const [before, after] = [[] as string[], [] as string[]];
    const locals = copies.map((c) => {
      const m = new Map<string, string>();
      this.promote(c, m, before, after);
      return m;
    });
    const ilb = compileExpr(inner.lb, this);
    const iub = compileExpr(inner.ub, this);
    const k = this.ident("v", inner.iv);
    const kFrame = this.frameFor(inner, k, this.ivSpan(ilb, iub));
    this.scope.loops++;
    const body = copies.flatMap((c, n) => this.within(kFrame, locals[n], c.body));
    this.scope.loops--;
    this.loops.pop();
    const kStep = inner.step === 1 ? `${k}++` : `${k} += ${inner.step}`;
    const kEnd = this.fresh("e");
    const end = this.fresh("e");
    const jammed = [
      ...this.hoisted(kFrame),
      ...before,
      `for (let ${k} = ${ilb.code}, ${kEnd} = ${iub.code}; ${k} < ${kEnd}; ${kStep}) {`,
      ...indent(body),
      "}",
      ...after,
    ];
    const head = [
      `let ${v} = ${lb.code};`,
      `const ${end} = ${ub.code};`,
      ...this.hoisted(frame),
      `for (; ${v} + ${(JAM - 1) * s.step} < ${end}; ${v} += ${JAM * s.step}) {`,
      ...indent(jammed),
      "}",
    ];
    return ["{", ...indent([...head, ...this.remainder(s, v, end, lb, ub)]), "}"];
  }

  /** The iterations a jammed loop leaves over (none when constant bounds make the count a multiple of JAM). */
  private remainder(s: ForStmt, v: string, end: string, lb: Val, ub: Val): string[] {
    const [l, u] = [lb.range!, ub.range!];
    const trips = (u[0] - l[0] + BigInt(s.step) - 1n) / BigInt(s.step);
    if (l[0] === l[1] && u[0] === u[1] && trips % BigInt(JAM) === 0n) return [];
    const rest = this.frameFor(s, v, this.ivSpan(lb, ub));
    const [locals, before, after] = [new Map<string, string>(), [] as string[], [] as string[]];
    this.promote(s, locals, before, after);
    const body = this.within(rest, locals, s.body);
    const head = `for (; ${v} < ${end}; ${v} += ${s.step}) {`;
    return [...this.hoisted(rest), ...before, head, ...indent(body), "}", ...after];
  }

  private alloc(name: string, init: bigint | number | undefined, repeated: boolean): string[] {
    const b = this.f.buffers[name];
    const id = this.buf(name);
    if (b.stream)
      return [`${id} = rt.fifos(${JSON.stringify(name)}, ${this.konst(b.shape)}, ${b.stream.depth});`];
    const r = reprOf(b.type);
    const fill =
      init === undefined
        ? r === "b"
          ? "0n"
          : "0"
        : r === "f"
          ? floatLiteral(Number(init))
          : intLiteral(BigInt(init), r);
    const zero = fill === "0" || fill === "0n";
    if (this.info.isVar(this.f, name)) return [`${id} = ${fill};`];
    const n = Math.max(
      1,
      b.shape.reduce((x, y) => x * y, 1),
    );
    const cls = storageOf(b.type);
    const fresh =
      cls === "Array" ? `new Array(${n}).fill(${fill})` : `new ${cls}(${n})${zero ? "" : `.fill(${fill})`}`;
    if (!repeated) return [`${id} = ${fresh};`];
    // Allocated once per call of the enclosing JS function, refilled each time the alloc runs.
    this.scope.decls.set(id, `const ${id}_a = ${fresh};`);
    return [`${id} = ${id}_a${zero && cls !== "Array" ? ".fill(0)" : `.fill(${fill})`};`];
  }

  private call(s: Extract<Stmt, { kind: "call" }>): string[] {
    const callee = this.info.func(s.callee);
    const args = s.args.map((a, k) => {
      const p = callee.params[k];
      if (a.kind === "buffer") return this.buf(a.name);
      return p?.kind === "scalar" ? this.valueAs(a.value, p.type) : compileExpr(a.value, this).code;
    });
    let call = `${this.info.jsName(s.callee)}(${args.join(", ")})`;
    if (this.info.mayBlock(s.callee)) {
      call = this.scope.generator
        ? `(yield* ${call})`
        : `rt.s.drive(${call}, ${JSON.stringify(s.callee)}, ${this.konst(this.span)})`;
    }
    if (s.results.length === 0) return [`${call};`];
    const r = this.fresh("r");
    const lines = [`const ${r} = ${call};`];
    s.results.forEach((name, k) => {
      const got = s.results.length === 1 ? r : `${r}[${k}]`;
      const calleeVar = this.info.isVar(callee, callee.results[k]);
      const mineVar = this.info.isVar(this.f, name);
      const b = this.f.buffers[name];
      if (calleeVar === mineVar || b.shape.length > 0) lines.push(`${this.buf(name)} = ${got};`);
      else if (mineVar) lines.push(`${this.buf(name)} = ${got}[0];`);
      else lines.push(`${this.buf(name)} = new ${storageOf(b.type)}(1);`, `${this.buf(name)}[0] = ${got};`);
    });
    return lines;
  }

  private put(s: Extract<Stmt, { kind: "streamPut" }>): string[] {
    const type = this.f.buffers[s.stream].type;
    const f = this.fresh("q");
    const v = this.fresh("w");
    const fifo = this.element(s.stream, s.indices);
    const wait = this.waitInfo("put", f);
    const block = this.scope.generator
      ? `while (${f}.n === ${f}.depth) yield ${wait};`
      : `if (${f}.n === ${f}.depth) rt.s.stuck(${wait}, ${JSON.stringify(this.f.name)});`;
    const value = this.valueAs(s.value, type);
    return ["{", ...indent([`const ${f} = ${fifo}, ${v} = ${value};`, block, `rt.s.push(${f}, ${v});`]), "}"];
  }

  private spatial(s: Extract<Stmt, { kind: "spatial" }>): string[] {
    const units = s.units.map((u) => {
      const body = this.jsFunction(u.body, true);
      return [`{ name: ${JSON.stringify(u.name)}, body: function* () {`, ...indent(body), "} },"];
    });
    const locals = this.info
      .streamsOf(s)
      .filter((n) => this.f.buffers[n].role === "local")
      .map((n) => this.buf(n));
    const region = `rt.s.region(${JSON.stringify(s.name)}, ${this.konst(s.span ?? this.span)}, [`;
    const tail = `], ${this.konst(this.info.streamUses(s))}, [${locals.join(", ")}])`;
    const run = this.scope.generator
      ? [`yield* ${region}`, ...indent(units.flat()), `${tail};`]
      : [
          `rt.s.drive(${region}`,
          ...indent(units.flat()),
          `${tail}, ${JSON.stringify(this.f.name)}, ${this.konst(s.span)});`,
        ];
    return run;
  }

  /** The body of a JS function: its declarations (buffers it allocates, temporaries) then its code. */
  private jsFunction(body: readonly Stmt[], generator: boolean): string[] {
    const outer = this.scope;
    this.scope = { temps: [], generator, decls: new Map(), loops: 0 };
    const code = this.block(body);
    const lets = this.info.definedIn(body).map((n) => this.buf(n));
    const decls = [
      ...(lets.length ? [`let ${lets.join(", ")};`] : []),
      ...(this.scope.temps.length ? [`let ${this.scope.temps.join(", ")};`] : []),
      ...this.scope.decls.values(),
    ];
    this.scope = outer;
    return [...decls, ...code];
  }

  /** The whole JS function for the IR function. */
  generate(): string {
    const f = this.f;
    const params = f.params.map((p) => (p.kind === "buffer" ? this.buf(p.name) : this.param(p.name)));
    const undefinedLocals = this.info.undefinedLocals(f);
    const prelude = undefinedLocals.flatMap((n) => this.alloc(n, undefined, false));
    const body = this.jsFunction(f.body, this.info.mayBlock(f.name));
    const lets = undefinedLocals.length ? [`let ${undefinedLocals.map((n) => this.buf(n)).join(", ")};`] : [];
    const results = f.results.map((r) => this.buf(r));
    const ret =
      results.length === 0
        ? []
        : [`return ${results.length === 1 ? results[0] : `[${results.join(", ")}]`};`];
    const star = this.info.mayBlock(f.name) ? "*" : "";
    return [
      `function${star} ${this.info.jsName(f.name)}(${params.join(", ")}) {`,
      ...indent([...lets, ...prelude, ...body, ...ret]),
      "}",
    ].join("\n");
  }
}
