// JavaScript for one IR function: branches, stores, local buffers, calls, streams and spatial
// regions (loops: gen-loops.ts; stateful locals: state.ts). Plain code is straight-line JS over
// typed arrays; only functions that may block on a stream become generators, and the units of a spatial region become generator
// closures run by the round-robin scheduler of src/runtime/streams.ts. Buffers allocated inside
// loops are allocated once per call and refilled.

import { assertNever } from "../../diagnostics/error.ts";
import { regionLocalStreams, streamUses } from "../../ir/analysis/streams.ts";
import type { Stmt, StreamGetExpr } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { roundFloat } from "../../semantics/scalar.ts";
import { compileExpr, condOf } from "./expr.ts";
import { indent } from "./gen-base.ts";
import { LoopGen } from "./gen-loops.ts";
import { stateStorage } from "./state.ts";
import { floatLiteral, intLiteral, reprOf, storageOf } from "./values.ts";

export class FuncGen extends LoopGen {
  /** The wait record of a put or get (written at `at`) that found its FIFO full or empty, as a JS expression. */
  private waitInfo(op: "put" | "get", fifo: string, at = this.span): string {
    if (!this.scope.generator) {
      const ivs = this.loops.map((l) => `${JSON.stringify(l.name)}: ${l.js}`).join(", ");
      return `{ op: "${op}", fifo: ${fifo}, at: ${this.konst(at)}, ivs: { ${ivs} } }`;
    }
    // In a unit or a blocking function: the site's record, made once per run and refilled.
    const w = this.fresh("site");
    const names = this.konst(this.loops.map((l) => l.name));
    this.scope.decls.set(w, `const ${w} = rt.s.site("${op}", ${this.konst(at)}, ${names});`);
    const values = this.loops.map((l, k) => `${w}.values[${k}] = ${l.js}, `).join("");
    return `(${w}.fifo = ${fifo}, ${values}${w})`;
  }

  streamGet(e: StreamGetExpr): string {
    const f = this.temp();
    const wait = this.waitInfo("get", f, e.span ?? this.span);
    // The scheduler resumes a unit blocked on a get only once its FIFO holds a value; waitGet keeps
    // the guarantee should anything resume it earlier.
    const block = this.scope.generator
      ? `((yield ${wait}), ${f}.n === 0 ? (yield* rt.s.waitGet(${wait})) : 0)`
      : `rt.s.stuck(${wait}, ${JSON.stringify(this.f.name)})`;
    return `(${f} = ${this.element(e.stream, e.indices)}, ${f}.n === 0 ? ${block} : 0, rt.s.pop(${f}))`;
  }

  // ------------------------------------------------------------------ statements

  protected block(b: readonly Stmt[]): string[] {
    return b.flatMap((s) => this.stmt(s));
  }

  /** A statement without a span of its own reports the span of the statement that encloses it. */
  private stmt(s: Stmt): string[] {
    const outer = this.span;
    this.span = s.span ?? outer;
    const code = this.stmtCode(s);
    this.span = outer;
    return code;
  }

  private stmtCode(s: Stmt): string[] {
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
        return [`while (${cond}) {`, ...indent([...this.tick("while", s.span), ...body]), "}"];
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
        : b.type.kind === "float"
          ? floatLiteral(roundFloat(Number(init), b.type))
          : intLiteral(BigInt(init), r);
    const zero = fill === "0" || fill === "0n";
    if (this.info.isVar(this.f, name)) return [`${id} = ${fill};`];
    const n = Math.max(1, elementCount(b.shape));
    const cls = storageOf(b.type);
    const fresh =
      cls === "Array" ? `new Array(${n}).fill(${fill})` : `new ${cls}(${n})${zero ? "" : `.fill(${fill})`}`;
    if (!repeated) return [`${id} = ${fresh};`];
    // Allocated once per call of the enclosing JS function, refilled each time the alloc runs.
    const once = this.ident("a", name);
    this.scope.decls.set(id, `const ${once} = ${fresh};`);
    return [`${id} = ${once}.fill(${fill});`];
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
    const uses = streamUses(s.units);
    const locals = regionLocalStreams(this.f, s).map((n) => this.buf(n));
    const region = `rt.s.region(${JSON.stringify(s.name)}, ${this.konst(s.span ?? this.span)}, [`;
    const tail = `], () => ${this.konst(uses)}, [${locals.join(", ")}])`;
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
    const states = Object.values(f.buffers)
      .filter((b) => b.state)
      .map((b) => `const ${this.buf(b.name)} = ${this.konst(stateStorage(b))};`);
    const results = f.results.map((r) => this.buf(r));
    const ret =
      results.length === 0
        ? []
        : [`return ${results.length === 1 ? results[0] : `[${results.join(", ")}]`};`];
    const star = this.info.mayBlock(f.name) ? "*" : "";
    return [
      `function${star} ${this.info.jsName(f.name)}(${params.join(", ")}) {`,
      ...indent([...states, ...lets, ...prelude, ...body, ...ret]),
      "}",
    ].join("\n");
  }
}
