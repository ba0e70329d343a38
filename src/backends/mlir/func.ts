// One IR function as a func.func: Allo's signature attributes (itypes/otypes), named allocs with a
// fill, affine.for where both bounds are affine (max/min maps included) else scf.for, scf.if/scf.while,
// affine or memref stores, func.call, stream puts, and spatial regions as nested scf.execute_region;
// a stateful buffer is its memref.global (state.ts).

import { assertNever, internalError } from "../../diagnostics/error.ts";
import { loopRange } from "../../ir/analysis/range.ts";
import type {
  AllocStmt,
  BufferDecl,
  CallStmt,
  ForStmt,
  Func,
  LoopAttrs,
  Module,
  Stmt,
} from "../../ir/nodes.ts";
import { convert } from "../../semantics/scalar.ts";
import { type ElemType, INDEX } from "../../types/dtype.ts";
import { boundResults, type IvEnv, type IvInfo, ivRanges } from "./affine.ts";
import { Body } from "./body.ts";
import { access, emitAs, emitCond, emitExpr, type Scope } from "./expr.ts";
import { stateBuffers, stateSymbol } from "./state.ts";
import { fixedName, isUnsigned, layoutText, memrefType, mlirType, signChar, str, sym } from "./types.ts";

export interface FuncOptions {
  /** Adds `llvm.emit_c_interface` so the lowered function gets a `_mlir_ciface_` entry point. */
  readonly cInterface?: boolean;
  /**
   * "maps" (default): partitions are memref layout maps, as in Allo. "attributes": identity layouts
   * and a `partition = "[block(2), none]"` attribute instead, the form MLIR can lower to LLVM.
   */
  readonly layouts?: "maps" | "attributes";
}

/** Where stream functions are declared once per module. */
export type StreamFns = (kind: "get" | "put", decl: BufferDecl) => string;

const resultList = (types: readonly string[]): string =>
  types.length === 1 ? types[0] : `(${types.join(", ")})`;

function loopAttrs(name: string, a: LoopAttrs): string {
  const attrs: [string, string | undefined][] = [
    ["buffer", a.buffer ? "" : undefined],
    ["dataflow", a.dataflow ? "" : undefined],
    ["loop_name", str(name)],
    ["op_name", a.opName !== undefined ? str(a.opName) : undefined],
    ["parallel", a.parallel ? "" : undefined],
    ["pipeline_ii", a.pipelineII !== undefined ? `${a.pipelineII} : i32` : undefined],
    ["reduction", a.reduction ? "" : undefined],
    ["rewind", a.rewind ? "" : undefined],
    ["unroll", a.unroll !== undefined ? `${a.unroll} : i32` : undefined],
  ];
  return attrDict(attrs);
}

/** `{a, b = 1}` with attributes sorted by name (as MLIR prints dictionaries); unit attrs have value "". */
function attrDict(attrs: readonly [string, string | undefined][]): string {
  const present = attrs.filter((a): a is [string, string] => a[1] !== undefined);
  present.sort((x, y) => (x[0] < y[0] ? -1 : 1));
  return `{${present.map(([k, v]) => (v === "" ? k : `${k} = ${v}`)).join(", ")}}`;
}

class FuncPrinter implements Scope {
  readonly b = new Body();
  readonly env = new Map<string, IvInfo>();
  private readonly buffers = new Map<string, { ssa: string; decl: BufferDecl }>();
  private readonly params = new Map<string, string>();

  constructor(
    private readonly module: Module,
    private readonly func: Func,
    readonly streamFn: StreamFns,
    private readonly opts: FuncOptions,
  ) {}

  mem(d: BufferDecl): string {
    return memrefType(d, this.opts.layouts !== "attributes");
  }

  /** The partition as an attribute value when layouts are not written as maps. */
  private partition(d: BufferDecl | undefined): string | undefined {
    const text = d && this.opts.layouts === "attributes" ? layoutText(d) : undefined;
    return text && str(text);
  }

  param(name: string): string {
    const v = this.params.get(name);
    if (v === undefined)
      throw internalError(`scalar parameter '${name}' of '${this.func.name}' is not in scope`);
    return v;
  }

  buffer(name: string): { ssa: string; decl: BufferDecl } {
    const v = this.buffers.get(name);
    if (v === undefined)
      throw internalError(`buffer '${name}' of '${this.func.name}' is used before it is defined`);
    return v;
  }

  print(): string {
    const f = this.func;
    const args: string[] = [];
    const itypes: string[] = [];
    for (const p of f.params) {
      const decl: BufferDecl | undefined = p.kind === "buffer" ? f.buffers[p.name] : undefined;
      const ssa = this.b.name(p.name);
      if (p.kind === "buffer") {
        if (!decl) throw internalError(`parameter buffer '${p.name}' of '${f.name}' has no declaration`);
        this.buffers.set(p.name, { ssa, decl });
      } else {
        this.params.set(p.name, ssa);
      }
      const type = decl ? decl.type : (p as { type: ElemType }).type;
      const fixed = fixedName(type);
      const argAttrs = attrDict([
        ["allo.dtype", fixed && str(fixed)],
        ["allo.partition", this.partition(decl)],
        ["allo.stream_depth", decl?.stream ? `${decl.stream.depth} : i32` : undefined],
      ]);
      args.push(
        `${ssa}: ${decl ? this.mem(decl) : mlirType(type)}${argAttrs === "{}" ? "" : ` ${argAttrs}`}`,
      );
      itypes.push(signChar(type));
    }
    const results = f.results.map((r) => this.decl(r));
    const fnAttrs = attrDict([
      ["dataflow", f.attrs.dataflow ? "" : undefined],
      ["inline", f.attrs.inline ? "" : undefined],
      ["itypes", str(itypes.join(""))],
      ["llvm.emit_c_interface", this.opts.cInterface ? "" : undefined],
      ["otypes", str(results.map((d) => signChar(d.type)).join(""))],
    ]);
    for (const d of stateBuffers(f)) {
      const ssa = this.b.name(d.name);
      this.buffers.set(d.name, { ssa, decl: d });
      this.b.line(`${ssa} = memref.get_global ${stateSymbol(f, d)} : ${this.mem(d)}`);
    }
    this.block(f.body);
    const rets = f.results.map((r) => this.buffer(r).ssa);
    const types = results.map((d) => this.mem(d));
    this.b.line(rets.length ? `return ${rets.join(", ")} : ${types.join(", ")}` : "return");
    const sig = `${args.join(", ")})${types.length ? ` -> ${resultList(types)}` : ""}`;
    return `  func.func ${sym(f.name)}(${sig} attributes ${fnAttrs} {\n${this.b.text()}\n  }`;
  }

  private decl(name: string): BufferDecl {
    const d = this.func.buffers[name];
    if (!d) throw internalError(`buffer '${name}' of '${this.func.name}' has no declaration`);
    return d;
  }

  /**
   * A block's statements, then a dealloc of every buffer it brought into existence (its scope ends
   * here), except the function's results: lowered code then neither leaks nor grows in loops.
   */
  private block(stmts: readonly Stmt[]): void {
    for (let k = 0; k < stmts.length; k++) this.stmt(stmts[k], stmts[k + 1]);
    const made = stmts.flatMap((s) => (s.kind === "alloc" ? [s.buffer] : s.kind === "call" ? s.results : []));
    for (const name of made.reverse()) {
      if (this.func.results.includes(name)) continue;
      const { ssa, decl } = this.buffer(name);
      this.b.line(`memref.dealloc ${ssa} : ${this.mem(decl)}`);
    }
  }

  private stmt(s: Stmt, next: Stmt | undefined): void {
    const { b } = this;
    switch (s.kind) {
      case "for":
        this.forStmt(s);
        break;
      case "if": {
        b.open(`scf.if ${emitCond(this, s.cond)}`);
        this.block(s.then);
        if (s.else.length > 0) {
          b.reopen("else");
          this.block(s.else);
        }
        b.close();
        break;
      }
      case "while":
        b.open("scf.while : () -> ()");
        b.line(`scf.condition(${emitCond(this, s.cond)})`);
        b.reopen("do");
        this.block(s.body);
        b.line("scf.yield");
        b.close();
        break;
      case "store": {
        const decl = this.buffer(s.buffer).decl;
        const v = emitAs(this, s.value, decl.type);
        const a = access(this, s.buffer, s.indices);
        const fixed = fixedName(decl.type);
        const attrs = attrDict([
          ["dtype", fixed && str(fixed)],
          ["to", str(s.buffer)],
        ]);
        b.line(`${a.affine ? "affine" : "memref"}.store ${v}, ${a.text} ${attrs} : ${this.mem(decl)}`);
        break;
      }
      case "alloc":
        this.alloc(s, next);
        break;
      case "call":
        this.call(s);
        break;
      case "streamPut": {
        const { decl, ssa } = this.buffer(s.stream);
        const idx = s.indices.map((x) => emitExpr(this, x));
        const v = emitAs(this, s.value, decl.type);
        const sig = `(${[this.mem(decl), ...idx.map(() => "index"), mlirType(decl.type)].join(", ")}) -> ()`;
        b.line(`func.call ${sym(this.streamFn("put", decl))}(${[ssa, ...idx, v].join(", ")}) : ${sig}`);
        break;
      }
      case "spatial":
        b.open("scf.execute_region");
        for (const u of s.units) {
          b.open("scf.execute_region");
          this.block(u.body);
          b.line("scf.yield");
          b.close(` {unit = ${str(u.name)}}`);
        }
        b.line("scf.yield");
        b.close(` {spatial = ${str(s.name)}}`);
        break;
      default:
        assertNever(s, "statement");
    }
  }

  private forStmt(f: ForStmt): void {
    const { b } = this;
    const lb = this.affineBound(f.lb, "max");
    const ub = lb === undefined ? undefined : this.affineBound(f.ub, "min");
    const range = loopRange(f.lb, f.ub, ivRanges(this.env));
    const ssa = b.name(f.iv);
    if (lb !== undefined && ub !== undefined) {
      b.open(`affine.for ${ssa} = ${lb} to ${ub}${f.step === 1 ? "" : ` step ${f.step}`}`);
    } else {
      const l = this.indexValue(f.lb);
      const u = this.indexValue(f.ub);
      b.open(`scf.for ${ssa} = ${l} to ${u} step ${b.index(f.step)}`);
    }
    const outer = this.env.get(f.iv);
    this.env.set(f.iv, { ssa, affine: ub !== undefined, range });
    this.block(f.body);
    if (outer) this.env.set(f.iv, outer);
    else this.env.delete(f.iv);
    b.close(` ${loopAttrs(f.name, f.attrs)}`);
  }

  private indexValue(e: ForStmt["lb"]): string {
    return emitAs(this, e, INDEX);
  }

  /** `0`, `affine_map<(d0) -> (d0 + 1)>(%i)` or `min affine_map<...>(...)`; undefined when not affine. */
  private affineBound(e: ForStmt["lb"], combine: "min" | "max"): string | undefined {
    const operands: string[] = [];
    const env: IvEnv = this.env;
    const dim = (iv: string) => {
      const v = env.get(iv)!.ssa;
      if (!operands.includes(v)) operands.push(v);
      return `d${operands.indexOf(v)}`;
    };
    const results = boundResults(e, combine, env, dim);
    if (!results) return undefined;
    if (results.length === 1 && operands.length === 0 && /^\d+$/.test(results[0])) return results[0];
    const ds = operands.map((_, k) => `d${k}`).join(", ");
    const map = `affine_map<(${ds}) -> (${results.join(", ")})>(${operands.join(", ")})`;
    return results.length > 1 ? `${combine} ${map}` : map;
  }

  private alloc(s: AllocStmt, next: Stmt | undefined): void {
    const { b } = this;
    const decl = this.decl(s.buffer);
    const ssa = b.name(s.buffer);
    this.buffers.set(s.buffer, { ssa, decl });
    const fixed = fixedName(decl.type);
    const attrs = attrDict([
      ["dtype", fixed && str(fixed)],
      ["name", str(s.buffer)],
      ["partition", this.partition(decl)],
      ["stream_depth", decl.stream ? `${decl.stream.depth} : i32` : undefined],
      ["unsigned", isUnsigned(decl.type) ? "" : undefined],
    ]);
    b.line(`${ssa} = memref.alloc() ${attrs} : ${this.mem(decl)}`);
    if (decl.stream) return;
    // A scalar declared and immediately assigned needs no zero fill first.
    const assigned = next?.kind === "store" && next.buffer === s.buffer && decl.shape.length === 0;
    if (assigned && !s.init) return;
    const t = decl.type;
    const raw = s.init ? convert(s.init.value, s.init.type, t) : t.kind === "float" ? 0 : 0n;
    const v =
      typeof raw === "number"
        ? b.floatConst(t as Extract<ElemType, { kind: "float" }>, raw)
        : b.intConst(t, raw);
    if (decl.shape.length === 0)
      b.line(`affine.store ${v}, ${ssa}[] {to = ${str(s.buffer)}} : ${this.mem(decl)}`);
    else b.line(`linalg.fill ins(${v} : ${mlirType(t)}) outs(${ssa} : ${this.mem(decl)})`);
  }

  private call(s: CallStmt): void {
    const { b } = this;
    const callee = this.module.functions.find((g) => g.name === s.callee);
    if (!callee) throw internalError(`'${this.func.name}' calls '${s.callee}', which is not in the module`);
    if (callee.params.length !== s.args.length) {
      throw internalError(
        `call of '${s.callee}' with ${s.args.length} arguments for ${callee.params.length} parameters`,
      );
    }
    const args: string[] = [];
    const types: string[] = [];
    s.args.forEach((a, k) => {
      const p = callee.params[k];
      if (a.kind === "buffer" && p.kind === "buffer") {
        const want = this.mem(callee.buffers[p.name]);
        const { ssa, decl } = this.buffer(a.name);
        args.push(this.retype(ssa, this.mem(decl), want));
        types.push(want);
      } else if (a.kind === "value" && p.kind === "scalar") {
        args.push(emitAs(this, a.value, p.type));
        types.push(mlirType(p.type));
      } else {
        throw internalError(
          `argument ${k + 1} of the call of '${s.callee}' does not match its parameter kind`,
        );
      }
    });
    const resTypes = callee.results.map((r) => this.mem(callee.buffers[r]));
    const names = s.results.map((r) => b.name(r));
    const lhs = names.length ? `${names.join(", ")} = ` : "";
    b.line(
      `${lhs}func.call ${sym(s.callee)}(${args.join(", ")}) : (${types.join(", ")}) -> ${resultList(resTypes)}`,
    );
    s.results.forEach((r, k) => {
      const decl = this.decl(r);
      this.buffers.set(r, { ssa: this.retype(names[k], resTypes[k], this.mem(decl)), decl });
    });
  }

  /**
   * A buffer whose layout differs from the one the other side of a call expects (before layout
   * inference has unified them) passes through an unrealized_conversion_cast marked `layout_mismatch`.
   */
  private retype(ssa: string, have: string, want: string): string {
    if (have === want) return ssa;
    return this.b.op(`builtin.unrealized_conversion_cast ${ssa} : ${have} to ${want} {layout_mismatch}`);
  }
}

export function printFunc(m: Module, f: Func, streamFn: StreamFns, opts: FuncOptions): string {
  return new FuncPrinter(m, f, streamFn, opts).print();
}
