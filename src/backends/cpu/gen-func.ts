// JavaScript for IR functions: loops, branches, stores, calls, and spatial regions whose units become
// generator functions run by the runtime scheduler. One JS function per IR function; each returns
// the array of its result buffers.

import type { Expr, Func, Module, Stmt } from "../../ir/nodes.ts";
import { assertNever } from "../../types/dtype.ts";
import { type Interval, intervalOf, loopInterval } from "./bounds.ts";
import { convertRepr, type ExprEnv, genExpr, literal } from "./gen-expr.ts";
import { bigStorage, reprOf, storageOf } from "./repr.ts";

const san = (s: string) => s.replace(/[^A-Za-z0-9_$]/g, (c) => `$${c.charCodeAt(0).toString(16)}`);
export const jsFuncName = (name: string) => `fn_${san(name)}`;

export class ConstPool {
  readonly values: unknown[] = [];
  ref(v: unknown): string {
    let i = this.values.indexOf(v);
    if (i < 0) i = this.values.push(v) - 1;
    return `K[${i}]`;
  }
}

class FuncGen implements ExprEnv {
  private readonly out: string[] = [];
  private depth = 1;
  private readonly ranges = new Map<string, Interval>();
  inUnit = false;

  constructor(
    private readonly f: Func,
    private readonly pool: ConstPool,
  ) {}

  iv = (name: string) => `v_${san(name)}`;
  param = (name: string) => `p_${san(name)}`;
  buffer = (name: string) => `b_${san(name)}`;
  constant = (v: unknown) => this.pool.ref(v);

  fifo(stream: string, indices: readonly Expr[]): string {
    return `f_${san(stream)}[${this.flatIndex(stream, indices)}]`;
  }

  flatIndex(buffer: string, indices: readonly Expr[]): string {
    const shape = this.f.buffers[buffer].shape;
    const parts = indices.map((ix, d) => {
      const code = convertRepr(genExpr(ix, this), reprOf(ix.type), "n");
      const r = intervalOf(ix, this.ranges);
      const safe = r !== undefined && r[0] >= 0 && r[1] < shape[d];
      return safe ? code : `rt.ck(${code}, ${shape[d]}, ${JSON.stringify(buffer)}, ${d})`;
    });
    let acc = "";
    parts.forEach((p, d) => {
      const stride = shape.slice(d + 1).reduce((a, b) => a * b, 1);
      const term = stride === 1 ? p : `${p} * ${stride}`;
      acc = acc ? `${acc} + ${term}` : term;
    });
    return acc || "0";
  }

  private line(s: string): void {
    this.out.push(`${"  ".repeat(this.depth)}${s}`);
  }

  generate(): string {
    const f = this.f;
    const params = f.params.map((p) => (p.kind === "buffer" ? this.buffer(p.name) : this.param(p.name)));
    for (const b of Object.values(f.buffers)) {
      if (b.stream) {
        this.line(
          `const f_${san(b.name)} = rt.makeFifos(${JSON.stringify(b.name)}, ${JSON.stringify(b.shape)}, ${b.stream.depth});`,
        );
      }
    }
    this.block(f.body);
    this.line(`return [${f.results.map((r) => this.buffer(r)).join(", ")}];`);
    return `function ${jsFuncName(f.name)}(${params.join(", ")}) {\n${this.out.join("\n")}\n}`;
  }

  private block(b: readonly Stmt[]): void {
    for (const s of b) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s.kind) {
      case "for": {
        const v = this.iv(s.iv);
        const lb = genExpr(s.lb, this);
        const ub = genExpr(s.ub, this);
        const range = loopInterval(intervalOf(s.lb, this.ranges), intervalOf(s.ub, this.ranges));
        if (range) this.ranges.set(s.iv, range);
        this.line(`for (let ${v} = ${lb}, ${v}_end = ${ub}; ${v} < ${v}_end; ${v} += ${s.step}) {`);
        this.nested(s.body);
        this.line("}");
        this.ranges.delete(s.iv);
        return;
      }
      case "if":
        this.line(`if (${genExpr(s.cond, this)} !== 0) {`);
        this.nested(s.then);
        if (s.else.length) {
          this.line("} else {");
          this.nested(s.else);
        }
        this.line("}");
        return;
      case "while":
        this.line(`while (${genExpr(s.cond, this)} !== 0) {`);
        this.nested(s.body);
        this.line("}");
        return;
      case "store": {
        const t = this.f.buffers[s.buffer].type;
        const value = genExpr(s.value, this);
        if (s.indices.length === 0) {
          this.line(`${this.buffer(s.buffer)} = ${value};`);
          return;
        }
        const v = bigStorage(t) && reprOf(t) === "n" ? `BigInt(${value})` : value;
        this.line(`${this.buffer(s.buffer)}[${this.flatIndex(s.buffer, s.indices)}] = ${v};`);
        return;
      }
      case "alloc": {
        const b = this.f.buffers[s.buffer];
        if (b.stream) return;
        const init = s.init ? literal(s.init) : reprOf(b.type) === "b" ? "0n" : "0";
        if (b.shape.length === 0) {
          this.line(`let ${this.buffer(b.name)} = ${init};`);
          return;
        }
        const n = b.shape.reduce((a, c) => a * c, 1);
        const cls = storageOf(b.type);
        const fill = bigStorage(b.type) && reprOf(b.type) === "n" ? `${init}n` : init;
        const make = cls === "Array" ? `new Array(${n}).fill(${fill})` : `new ${cls}(${n})`;
        const needsFill = cls !== "Array" && fill !== "0" && fill !== "0n";
        this.line(`const ${this.buffer(b.name)} = ${make}${needsFill ? `.fill(${fill})` : ""};`);
        return;
      }
      case "call": {
        const args = s.args.map((a) => (a.kind === "buffer" ? this.buffer(a.name) : genExpr(a.value, this)));
        const call = `${jsFuncName(s.callee)}(${args.join(", ")})`;
        if (s.results.length === 0) this.line(`${call};`);
        else this.line(`let [${s.results.map((r) => this.buffer(r)).join(", ")}] = ${call};`);
        return;
      }
      case "streamPut": {
        const f = this.fifo(s.stream, s.indices);
        const v = genExpr(s.value, this);
        this.line(this.inUnit ? `yield* rt.sched.put(${f}, ${v});` : `rt.sched.putNow(${f}, ${v});`);
        return;
      }
      case "spatial": {
        const outer = this.inUnit;
        this.inUnit = true;
        this.line("{");
        this.depth++;
        this.line("const units = [];");
        for (const u of s.units) {
          this.line(`units.push({ name: ${JSON.stringify(u.name)}, gen: (function* () {`);
          this.nested(u.body);
          this.line("})() });");
        }
        const fifos = Object.values(this.f.buffers)
          .filter((b) => b.stream)
          .map((b) => `...f_${san(b.name)}`);
        this.line(`rt.sched.run(${JSON.stringify(s.name)}, units, [${fifos.join(", ")}]);`);
        this.depth--;
        this.line("}");
        this.inUnit = outer;
        return;
      }
      default:
        assertNever(s, "statement");
    }
  }

  private nested(b: readonly Stmt[]): void {
    this.depth++;
    this.block(b);
    this.depth--;
  }
}

/** JavaScript source defining one function per IR function of the module. */
export function generateModule(m: Module, pool: ConstPool): string {
  return m.functions.map((f) => new FuncGen(f, pool).generate()).join("\n\n");
}
