// JavaScript for IR functions in the symbolic executor: loops and branches run concretely, stores
// write node ids into buffers, streams are FIFOs of node ids, and the units of a spatial statement are
// generator functions the runtime schedules round-robin. A function called inside a unit also gets a
// generator variant, so stream operations in callees can suspend as well.

import { assertNever, internalError, where } from "../../diagnostics/error.ts";
import { loopRange, type Range, rangeOf } from "../../ir/analysis/range.ts";
import { regionLocalStreams, type StreamUses, streamUses } from "../../ir/analysis/streams.ts";
import type { BufferDecl, Expr, Func, Module, Span, Stmt } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { type ElemType, sameType, typeName } from "../../types/dtype.ts";
import type { Dag } from "../dag/dag.ts";
import { stateCells } from "../state.ts";
import { condCode, numCode, type SymbolicExprEnv, valueCode } from "./gen-expr.ts";
import { groupUnits } from "./templates.ts";

const san = (s: string) => s.replace(/[^A-Za-z0-9_]/g, (c) => `$${c.charCodeAt(0).toString(16)}`);
export const jsName = (func: string, gen: boolean) => `${gen ? "g" : "f"}_${san(func)}`;

/** Shared state of one module's code generation. */
export class ModuleGen {
  readonly sites: string[] = [];
  readonly spans: (Span | undefined)[] = [];
  /** Constants the generated code reads as `R.k[i]`. */
  readonly pool: unknown[] = [];
  private readonly wanted: { func: string; gen: boolean }[] = [];
  private readonly done = new Set<string>();

  constructor(
    readonly m: Module,
    readonly D: Dag,
  ) {
    this.states = new Map(stateCells(m).map((c, j) => [c.key, j]));
  }

  private readonly states: ReadonlyMap<string, number>;

  /** Where the stateful buffer `buffer` of `func` is in `R.states` (../state.ts's order). */
  stateIndex(func: string, buffer: string): number {
    const j = this.states.get(`${func}.${buffer}`);
    if (j === undefined) throw internalError(`no state cell for '${func}.${buffer}'`);
    return j;
  }

  /** The JS name of a function variant, scheduling its generation. */
  use(func: string, gen: boolean): string {
    const key = jsName(func, gen);
    if (!this.done.has(key)) {
      this.done.add(key);
      this.wanted.push({ func, gen });
    }
    return key;
  }

  /** Source text defining every function variant reachable from the top function. */
  generate(): string {
    this.use(this.m.top, false);
    const out: string[] = [];
    for (let k = 0; k < this.wanted.length; k++) {
      const { func, gen } = this.wanted[k];
      const f = this.m.functions.find((x) => x.name === func);
      if (!f) throw internalError(`no function '${func}' in the module`);
      out.push(new SymbolicFuncGen(this, f, gen).generate());
    }
    return out.join("\n\n");
  }
}

class SymbolicFuncGen implements SymbolicExprEnv {
  private readonly out: string[] = [];
  /** Enclosing loops (user-visible name, JS variable), for the ivs of a deadlock report. */
  private readonly loops: { name: string; v: string }[] = [];
  /** The span the statement being compiled reports (its own, else its enclosing statement's). */
  private span: Span | undefined;
  private depth = 1;
  /** Ranges of the loop variables (and unit template parameters) in scope, for unchecked indexing. */
  private readonly ranges = new Map<string, Range>();
  private readonly temps: string[][] = [[]];
  private tempCount = 0;
  /** Buffers allocated inside the unit template being compiled (their names differ per unit). */
  private unitLocal = new Set<string>();
  site = 0;

  constructor(
    private readonly mg: ModuleGen,
    private readonly f: Func,
    public inUnit: boolean,
  ) {}

  get D(): Dag {
    return this.mg.D;
  }
  tid = (t: ElemType) => this.D.types.id(t);
  iv = (name: string) => `v_${san(name)}`;
  param = (name: string) => `p_${san(name)}`;
  bufferVar = (name: string) => `b_${san(name)}`;

  buffer(name: string): BufferDecl {
    const b = this.f.buffers[name];
    if (!b) throw internalError(`no buffer '${name}' in '${this.f.name}'`);
    return b;
  }

  temp(): string {
    const t = `t${this.tempCount++}`;
    this.temps[this.temps.length - 1].push(t);
    return t;
  }

  flatIndex(buffer: string, indices: readonly Expr[]): string {
    const shape = this.buffer(buffer).shape;
    let acc = "";
    indices.forEach((e, d) => {
      const r = rangeOf(e, this.ranges);
      const safe = r !== undefined && r[0] >= 0n && r[1] < BigInt(shape[d]);
      const code = safe
        ? numCode(e, this)
        : `R.ix(${numCode(e, this)}, ${shape[d]}, ${JSON.stringify(buffer)}, ${d}, ${this.site})`;
      const stride = elementCount(shape.slice(d + 1));
      const term = stride === 1 ? code : `${code} * ${stride}`;
      acc = acc ? `${acc} + ${term}` : term;
    });
    return acc || "0";
  }

  private line(s: string): void {
    this.out.push(`${"  ".repeat(this.depth)}${s}`);
  }

  private addSite(what: string, span: Span | undefined): number {
    this.site = this.mg.sites.push(`${span ? `${where(span)} ` : ""}(${this.f.name}: ${what})`) - 1;
    this.mg.spans.push(this.span);
    return this.site;
  }

  get funcName(): string {
    return this.f.name;
  }

  wait(op: "put" | "get", fifo: string): string {
    if (!this.inUnit) {
      const ivs = this.loops.map((l) => `${JSON.stringify(l.name)}: ${l.v}`).join(", ");
      return `R.wait("${op}", ${fifo}, ${this.site}, { ${ivs} })`;
    }
    // In a unit, which blocks often: the site's record, made once per run and refilled.
    const w = this.temp();
    const names = this.mg.pool.push(this.loops.map((l) => l.name)) - 1;
    const values = this.loops.map((l, k) => `${w}.values[${k}] = ${l.v}, `).join("");
    return `(${w} ??= R.site("${op}", ${this.site}, ${names}), ${w}.fifo = ${fifo}, ${values}${w})`;
  }

  generate(): string {
    const f = this.f;
    const params = f.params.map((p) => (p.kind === "buffer" ? this.bufferVar(p.name) : this.param(p.name)));
    const declared = new Set(f.params.map((p) => p.name));
    const allocated = new Set<string>();
    collectAllocs(f.body, allocated);
    for (const b of Object.values(f.buffers)) {
      if (declared.has(b.name)) continue;
      if (b.state) {
        const j = this.mg.stateIndex(this.f.name, b.name);
        this.line(`const ${this.bufferVar(b.name)} = R.states[${j}];`);
      } else if (b.stream) {
        this.line(
          `const ${this.bufferVar(b.name)} = R.fifos(${JSON.stringify(b.name)}, ${JSON.stringify(b.shape)}, ${b.stream.depth});`,
        );
      } else if (!allocated.has(b.name)) {
        this.line(`const ${this.bufferVar(b.name)} = ${this.allocCode(b, undefined)};`);
      }
    }
    const at = this.out.length;
    this.block(f.body);
    this.line(`return [${f.results.map((r) => this.bufferVar(r)).join(", ")}];`);
    this.declareTemps(at, 1);
    const star = this.inUnit ? "*" : "";
    return `function${star} ${jsName(f.name, this.inUnit)}(${params.join(", ")}) {\n${this.out.join("\n")}\n}`;
  }

  private declareTemps(at: number, depth: number): void {
    const ts = this.temps.pop() ?? [];
    if (ts.length) this.out.splice(at, 0, `${"  ".repeat(depth)}let ${ts.join(", ")};`);
  }

  private allocCode(b: BufferDecl, init: Expr | undefined): string {
    const fill = init ?? { kind: "const" as const, type: b.type, value: b.type.kind === "float" ? 0 : 0n };
    const node = valueCode(
      fill.type === b.type || sameType(fill.type, b.type) ? fill : castTo(fill, b.type),
      this,
    );
    return `R.alloc(${JSON.stringify(b.name)}, ${JSON.stringify(b.shape)}, ${node})`;
  }

  private block(b: readonly Stmt[]): void {
    for (const s of b) this.stmt(s);
  }

  private nested(b: readonly Stmt[]): void {
    this.depth++;
    this.block(b);
    this.depth--;
  }

  /** A statement without a span of its own reports the span of the statement that encloses it. */
  private stmt(s: Stmt): void {
    const outer = this.span;
    this.span = s.span ?? outer;
    this.stmtCode(s);
    this.span = outer;
  }

  private stmtCode(s: Stmt): void {
    switch (s.kind) {
      case "for": {
        this.addSite(`loop ${s.name}`, s.span);
        const v = this.iv(s.iv);
        this.ranges.set(s.iv, loopRange(s.lb, s.ub, this.ranges));
        this.line(
          `for (let ${v} = ${numCode(s.lb, this)}, ${v}_end = ${numCode(s.ub, this)}; ${v} < ${v}_end; ${v} += ${s.step}) {`,
        );
        this.line("  if (++R.iters >= R.nextIter) R.tick();");
        this.loops.push({ name: s.name, v });
        this.nested(s.body);
        this.loops.pop();
        this.line("}");
        this.ranges.delete(s.iv);
        return;
      }
      case "if":
        this.addSite("if", s.span);
        this.line(`if (${condCode(s.cond, this)}) {`);
        this.nested(s.then);
        if (s.else.length) {
          this.line("} else {");
          this.nested(s.else);
        }
        this.line("}");
        return;
      case "while": {
        // A loop that never ends runs until the step budget does.
        this.addSite("while", s.span);
        this.line(`while (${condCode(s.cond, this)}) {`);
        this.line("  if (++R.iters >= R.nextIter) R.tick();");
        this.nested(s.body);
        this.line("}");
        return;
      }
      case "store": {
        this.addSite(`store to ${this.unitLocal.has(s.buffer) ? "a unit-local buffer" : s.buffer}`, s.span);
        const b = this.buffer(s.buffer);
        const value = valueCode(sameType(s.value.type, b.type) ? s.value : castTo(s.value, b.type), this);
        const flat = this.flatIndex(s.buffer, s.indices);
        this.line(`${this.bufferVar(s.buffer)}.mem[${flat}] = ${value};`);
        this.line("if (++R.n >= R.next) R.tick();");
        return;
      }
      case "alloc": {
        const b = this.buffer(s.buffer);
        if (b.stream) return;
        this.addSite(`alloc ${s.buffer}`, s.span);
        this.line(`const ${this.bufferVar(b.name)} = ${this.allocCode(b, s.init)};`);
        return;
      }
      case "call": {
        this.addSite(`call ${s.callee}`, s.span);
        const args = s.args.map((a) =>
          a.kind === "buffer" ? this.bufferVar(a.name) : valueCode(a.value, this),
        );
        const call = `${this.mg.use(s.callee, this.inUnit)}(${args.join(", ")})`;
        const full = this.inUnit ? `(yield* ${call})` : call;
        if (s.results.length === 0) this.line(`${full};`);
        else this.line(`const [${s.results.map((r) => this.bufferVar(r)).join(", ")}] = ${full};`);
        return;
      }
      case "streamPut": {
        this.addSite(`put ${s.stream}`, s.span);
        const b = this.buffer(s.stream);
        const v = this.temp();
        const q = this.temp();
        const value = valueCode(sameType(s.value.type, b.type) ? s.value : castTo(s.value, b.type), this);
        this.line(`${v} = ${value};`);
        this.line(`${q} = ${this.bufferVar(s.stream)}[${this.flatIndex(s.stream, s.indices)}];`);
        const wait = this.wait("put", q);
        if (this.inUnit) this.line(`while (${q}.n === ${q}.depth) yield ${wait};`);
        else this.line(`if (${q}.n === ${q}.depth) R.s.stuck(${wait}, ${JSON.stringify(this.f.name)});`);
        this.line(`R.push(${q}, ${v});`);
        this.line("if (++R.n >= R.next) R.tick();");
        return;
      }
      case "spatial":
        this.spatial(s);
        return;
      default:
        assertNever(s, "statement");
    }
  }

  private spatial(s: Extract<Stmt, { kind: "spatial" }>): void {
    const site = this.addSite(`spatial ${s.name}`, s.span);
    if (this.inUnit) {
      this.line(`R.notStatic("a spatial region nested in a spatial unit", ${site});`);
      return;
    }
    const groups = groupUnits(s.units, (name) => {
      const b = this.buffer(name);
      return `${typeName(b.type)}[${b.shape.join(",")}]${b.stream ? "stream" : ""}`;
    });
    this.inUnit = true;
    this.line("{");
    this.depth++;
    groups.templates.forEach((t, k) => {
      this.line(`const u${k} = function* (${t.params.map((p) => this.iv(p.name)).join(", ")}) {`);
      for (const p of t.params) this.ranges.set(p.name, [BigInt(p.range[0]), BigInt(p.range[1])]);
      this.unitLocal = new Set(t.locals);
      this.temps.push([]);
      const at = this.out.length;
      this.nested(t.body);
      this.declareTemps(at, this.depth + 1);
      for (const p of t.params) this.ranges.delete(p.name);
      this.unitLocal = new Set();
      this.line("};");
    });
    // The templates name the same streams as the instances (only indices become parameters), so the
    // region's own streams come from them; the per-instance uses are needed by a deadlock report only.
    const templates = groups.templates.map((t, k) => ({ name: `u${k}`, body: t.body }));
    const locals = regionLocalStreams(this.f, s, templates).map((n) => this.bufferVar(n));
    let uses: StreamUses | undefined;
    const units = groups.instances.map(
      (i, k) =>
        `{ name: ${JSON.stringify(s.units[k].name)}, body: () => u${i.template}(${i.args.join(", ")}) }`,
    );
    const k = this.mg.pool.push(() => (uses ??= streamUses(s.units))) - 1;
    const fn = JSON.stringify(this.f.name);
    this.line(
      `R.spatial(${JSON.stringify(s.name)}, ${site}, [${units.join(", ")}], ${k}, [${locals.join(", ")}], ${fn});`,
    );
    this.depth--;
    this.line("}");
    this.inUnit = false;
  }
}

function castTo(e: Expr, t: ElemType): Expr {
  return { kind: "cast", type: t, value: e };
}

function collectAllocs(b: readonly Stmt[], out: Set<string>): void {
  for (const s of b) {
    if (s.kind === "alloc") out.add(s.buffer);
    if (s.kind === "call") for (const r of s.results) out.add(r);
    if (s.kind === "for" || s.kind === "while") collectAllocs(s.body, out);
    else if (s.kind === "if") {
      collectAllocs(s.then, out);
      collectAllocs(s.else, out);
    } else if (s.kind === "spatial") for (const u of s.units) collectAllocs(u.body, out);
  }
}
