// Statements of one C++ function body: labelled loops with their directives (`l_<band>_<loop>:` on a
// band head, `l_<loop>:` inside), if/else, while, stores, stream writes, calls with returned buffers as
// trailing arguments, and allocations (zero- or value-filled, partitioned, FIFOs with their depth;
// a stateful local is a `static` one).
// A spatial region reaches here outlined (src/ir/passes): its function is a dataflow region calling
// one function per unit; or, for a target with coroutines, whole (coroutines.ts).

import { AlloError, assertNever, internalError } from "../../diagnostics/error.ts";
import { loopRange } from "../../ir/analysis/range.ts";
import { constIndex, ivRef, rowMajorIndices } from "../../ir/build.ts";
import type {
  AllocStmt,
  BufferDecl,
  CallStmt,
  Expr,
  ForStmt,
  Func,
  SpatialStmt,
  Stmt,
} from "../../ir/nodes.ts";
import { sameExpr } from "../../ir/same.ts";
import { elementCount } from "../../ir/shape.ts";
import { childBlocks, stmtExprs, visitStmts, walkExpr } from "../../ir/walk.ts";
import { bare, castText } from "./convert.ts";
import { CoroutinePrinter } from "./coroutines.ts";
import { blockType, fnName, localDeclarator, type ModuleContext } from "./decls.ts";
import { ExprWriter } from "./expr.ts";
import { fillLabelBase, loopLabelBase } from "./labels.ts";
import { type Scope, viewFor } from "./scope.ts";
import { constant, cType } from "./types.ts";
import { Writer } from "./writer.ts";

export class FnBuilder {
  readonly w: Writer;
  readonly x: ExprWriter;
  /** Function directives (dataflow, inline), written right after the signature. */
  readonly directives: string[] = [];
  /** Allocations whose zero fill is dead: the next statement writes every element first. */
  private readonly unfilled = new Set<AllocStmt>();
  /** Streams and regions as coroutines, when the target runs them so. */
  private readonly co?: CoroutinePrinter;

  constructor(
    readonly ctx: ModuleContext,
    readonly func: Func,
    readonly s: Scope,
  ) {
    this.w = new Writer(1, ctx.target.directivePrefix);
    this.x = new ExprWriter(this.w, s);
    const t = ctx.target.coroutines;
    if (t) {
      const co = new CoroutinePrinter(this, t, ctx.blocking.has(func.name));
      s.streamRead = (fifo, at) => co.get(fifo, at ?? this.w.span);
      this.co = co;
    }
  }

  /** Writes a whole function body. */
  emitBody(body: readonly Stmt[]): void {
    const own = (list: readonly Stmt[]): void => {
      for (const st of list) {
        const defined = st.kind === "alloc" ? [st.buffer] : st.kind === "call" ? st.results : [];
        for (const name of defined) {
          if (!this.s.views.has(name))
            this.s.views.set(name, viewFor(this.func.buffers[name], this.s.names.unique(name)));
        }
        if (st.kind !== "spatial") for (const c of childBlocks(st)) own(c);
      }
    };
    own(body);
    this.stmts(body);
  }

  addDirective(d: string): void {
    if (!this.directives.includes(d)) this.directives.push(d);
  }

  stmts(list: readonly Stmt[]): void {
    list.forEach((st, k) => {
      if (st.kind === "alloc" && !st.init && overwrites(list[k + 1], this.func.buffers[st.buffer])) {
        this.unfilled.add(st);
      }
      this.stmt(st);
    });
  }

  stmt(st: Stmt): void {
    const saved = this.w.span;
    this.w.span = st.span ?? saved;
    try {
      this.dispatch(st);
    } finally {
      this.w.span = saved;
    }
  }

  private dispatch(st: Stmt): void {
    switch (st.kind) {
      case "for":
        this.loop(st);
        return;
      case "if": {
        const c = this.x.truth(st.cond);
        this.w.block(`if (${bare(c)})`, () => this.stmts(st.then));
        if (st.else.length) this.w.block("} else", () => this.stmts(st.else));
        return;
      }
      case "while": {
        const cond = this.w.capture(() => this.x.truth(st.cond));
        if (cond.lines.length === 0) {
          this.w.block(`while (${bare(cond.value)})`, () => this.stmts(st.body));
          return;
        }
        this.w.block("while (true)", () => {
          this.w.raw(cond.lines);
          this.w.line(`if (!(${cond.value})) break;`);
          this.stmts(st.body);
        });
        return;
      }
      case "store": {
        const target = this.x.access(st.buffer, st.indices);
        this.w.line(`${target} = ${this.x.render(st.value)};`);
        return;
      }
      case "streamPut": {
        const target = this.x.stream(st.stream, st.indices);
        const value = this.x.render(st.value);
        this.w.line(this.co ? this.co.put(target, value, this.w.span) : `${target}.write(${value});`);
        return;
      }
      case "alloc":
        this.alloc(st);
        return;
      case "call":
        this.call(st);
        return;
      case "spatial":
        this.spatial(st);
        return;
      default:
        assertNever(st, "statement");
    }
  }

  private loop(st: ForStmt): void {
    if (st.attrs.lanes && !this.co && this.blockTransfer(st)) return;
    const lb = this.x.render(st.lb);
    let ub = this.x.render(st.ub);
    if (!invariant(st.ub)) ub = this.x.temp(st.ub.type, ub);
    const iv = this.s.names.unique(st.iv);
    this.s.ivs.set(st.iv, iv);
    const label = this.s.label(loopLabelBase(st));
    const pragmas = this.ctx.target.loopDirectives(st);
    const inc = st.step === 1 ? `${iv}++` : `${iv} += ${st.step}`;
    this.s.ranges.set(st.iv, loopRange(st.lb, st.ub, this.s.ranges));
    this.co?.loops.push({ name: st.name, iv });
    this.w.block(
      `${label}: for (int ${iv} = ${lb}; ${iv} < ${ub}; ${inc})`,
      () => this.stmts(st.body),
      pragmas,
    );
    this.co?.loops.pop();
    this.s.ranges.delete(st.iv);
  }

  /**
   * A lane loop still moving one block of a block stream (sequentialized regions have none left) as one
   * `hls::vector`: filled then written for a put, read then unpacked for a get.
   */
  private blockTransfer(st: ForStmt): boolean {
    const [op] = st.body;
    const put = st.body.length === 1 && op.kind === "streamPut" ? op : undefined;
    const get = st.body.length === 1 && op.kind === "store" ? op : undefined;
    // A get stores its lane, converted to the local's type when the two differ.
    const read = get?.value.kind === "cast" ? get.value.value : get?.value;
    const fifo = put ?? (read?.kind === "streamGet" ? read : undefined);
    if (!fifo) return false;
    const b = this.func.buffers[fifo.stream];
    const stream = this.x.stream(fifo.stream, fifo.indices);
    const block = this.s.names.unique("block");
    const lane = this.s.names.unique(st.iv);
    const label = this.s.label(loopLabelBase(st));
    const head = `${label}: for (int ${lane} = 0; ${lane} < ${b.stream?.block}; ${lane}++)`;
    this.s.ivs.set(st.iv, lane);
    this.s.ranges.set(st.iv, loopRange(st.lb, st.ub, this.s.ranges));
    this.w.block("", () => {
      if (put) {
        this.w.line(`${blockType(b)} ${block};`);
        this.w.block(head, () => this.w.line(`${block}[${lane}] = ${this.x.render(put.value)};`));
        this.w.line(`${stream}.write(${block});`);
      } else if (get) {
        this.w.line(`${blockType(b)} ${block} = ${stream}.read();`);
        const lanes = `${block}[${lane}]`;
        const to = this.func.buffers[get.buffer].type;
        this.w.block(head, () =>
          this.w.line(
            `${this.x.access(get.buffer, get.indices)} = ${castText(lanes, b.type, to, this.s.helpers)};`,
          ),
        );
      }
    });
    this.s.ranges.delete(st.iv);
    return true;
  }

  /** An outlined region: the function becomes a dataflow region calling each unit once, in order. */
  private spatial(st: SpatialStmt): void {
    if (this.co) {
      this.co.region(st);
      return;
    }
    for (const d of this.ctx.target.regionDirectives) this.addDirective(d);
    for (const u of st.units) {
      if (u.body.length !== 1 || u.body[0].kind !== "call")
        throw internalError(`C++ printer: unit '${u.name}' of region '${st.name}' was not outlined`);
      this.stmt(u.body[0]);
    }
  }

  private alloc(st: AllocStmt): void {
    const b = this.func.buffers[st.buffer];
    const v = this.s.view(b.name);
    if (v.kind === "stream") {
      this.declare(b);
      return;
    }
    if (b.state) {
      this.declareStatic(b, v.name, v.kind === "scalar");
      return;
    }
    const fill = st.init
      ? constant(b.type, st.init.value)
      : constant(b.type, b.type.kind === "float" ? 0 : 0n);
    if (v.kind === "scalar") {
      this.w.line(`${cType(b.type)} ${v.name} = ${fill};`);
      return;
    }
    if (b.role === "local") this.declare(b);
    if (!this.unfilled.has(st)) this.fill(v.name, b, fill);
  }

  /** Declares a local array or FIFO here, with its directives. */
  declare(b: BufferDecl): void {
    const v = this.s.view(b.name);
    if (v.kind === "scalar") {
      this.w.line(`${cType(b.type)} ${v.name};`);
      return;
    }
    const prefix = this.co?.inCoroutine ? "" : (this.ctx.target.localPrefix?.(b) ?? "");
    this.w.line(`${prefix}${localDeclarator(b, v.name, this.ctx.target)};`);
    if (b.stream && this.co) this.w.line(this.co.open(b, v.name));
    for (const p of this.ctx.target.bufferDirectives(b, v.name, true)) this.w.pragma(p);
  }

  /**
   * A stateful local: a `static` variable, initialised once (a scalar with its value, an array with
   * one initialiser per element, or `{}` for zeros), that keeps its value from call to call.
   */
  private declareStatic(b: BufferDecl, name: string, scalar: boolean): void {
    const init = b.state!.init;
    const fill = constant(b.type, init.value);
    if (scalar) {
      this.w.line(`static ${cType(b.type)} ${name} = ${fill};`);
      return;
    }
    const zero = init.value === 0n || (init.value === 0 && !Object.is(init.value, -0));
    const n = elementCount(b.shape);
    const list = zero ? "{}" : `{${Array.from({ length: n }, () => fill).join(", ")}}`;
    this.w.line(`static ${localDeclarator(b, name)} = ${list};`);
    for (const p of this.ctx.target.bufferDirectives(b, name, true)) this.w.pragma(p);
  }

  /** Loops writing `value` to every element (a local's zero fill, or `full(v)`). */
  private fill(name: string, b: BufferDecl, value: string): void {
    const ivs = b.shape.map(() => this.s.temp());
    const nest = (k: number): void => {
      if (k === b.shape.length) {
        this.w.line(`${name}${ivs.length ? ivs.map((i) => `[${i}]`).join("") : "[0]"} = ${value};`);
        return;
      }
      const label = this.s.label(fillLabelBase(name, k));
      this.w.block(`${label}: for (int ${ivs[k]} = 0; ${ivs[k]} < ${b.shape[k]}; ${ivs[k]}++)`, () =>
        nest(k + 1),
      );
    };
    nest(0);
  }

  private call(st: CallStmt): void {
    const callee = this.ctx.funcs.get(st.callee);
    if (!callee)
      throw new AlloError(
        "AL5007",
        `call of an unknown function '${st.callee}'`,
        st.span ? { span: st.span } : {},
      );
    const args = st.args.map((a) =>
      a.kind === "value"
        ? this.x.render(a.value)
        : a.at
          ? this.partArg(a.name, a.at)
          : this.bufferArg(a.name),
    );
    for (const r of st.results) {
      const b = this.func.buffers[r];
      if (b.role === "local") this.declare(b);
      args.push(this.bufferArg(r));
    }
    const call = `${fnName(this.ctx, callee)}(${args.join(", ")})`;
    this.w.line(
      this.co && this.ctx.blocking.has(callee.name)
        ? this.co.call(call, callee.name, this.w.span)
        : `${call};`,
    );
  }

  /** Part of an array passed by reference: a row `C[i]`, or one element by address `&C[i][j]`. */
  private partArg(name: string, at: readonly Expr[]): string {
    const v = this.s.view(name);
    const part = `${v.name}${at.map((e) => `[${this.x.render(e)}]`).join("")}`;
    return at.length === v.decl.shape.length ? `&${part}` : part;
  }

  /** A buffer passed by reference: arrays and FIFOs by name, a scalar local by address. */
  bufferArg(name: string): string {
    const v = this.s.view(name);
    return v.kind === "scalar" ? `&${v.name}` : v.name;
  }
}

/**
 * Whether `next` writes every element of `b` before reading any: a perfect nest of loops from 0 to
 * each extent (step 1) whose innermost body stores b[iv0][iv1].. unconditionally, reading no b first,
 * or one loop over all elements storing them in row-major order (relay's fill, schedule/primitives/relay-calls.ts).
 */
export function overwrites(next: Stmt | undefined, b: BufferDecl): boolean {
  if (!next || b.shape.length === 0 || b.stream) return false;
  if (next.kind === "for" && b.shape.length > 1 && fillsRowMajor(next, b)) return true;
  const ivs: string[] = [];
  let loop = next;
  for (let d = 0; ; d++) {
    if (
      loop.kind !== "for" ||
      loop.step !== 1 ||
      constIndex(loop.lb) !== 0 ||
      constIndex(loop.ub) !== b.shape[d]
    ) {
      return false;
    }
    ivs.push(loop.iv);
    if (d === b.shape.length - 1) break;
    if (loop.body.length !== 1) return false;
    loop = loop.body[0];
  }
  for (const st of loop.body) {
    if (reads(st, b.name)) return false;
    if (
      st.kind === "store" &&
      st.buffer === b.name &&
      st.indices.every((e, k) => e.kind === "iv" && e.name === ivs[k])
    ) {
      return true;
    }
  }
  return false;
}

function fillsRowMajor(loop: ForStmt, b: BufferDecl): boolean {
  const size = elementCount(b.shape);
  if (loop.step !== 1 || constIndex(loop.lb) !== 0 || constIndex(loop.ub) !== size) return false;
  const want = rowMajorIndices(b.shape, ivRef(loop.iv));
  for (const st of loop.body) {
    if (reads(st, b.name)) return false;
    if (st.kind === "store" && st.buffer === b.name) return st.indices.every((x, k) => sameExpr(x, want[k]));
  }
  return false;
}

function reads(st: Stmt, buffer: string): boolean {
  let found = false;
  visitStmts([st], (x) => {
    if (x.kind === "call") found ||= x.args.some((a) => a.kind === "buffer" && a.name === buffer);
    for (const e of stmtExprs(x))
      walkExpr(e, (y) => void (found ||= y.kind === "load" && y.buffer === buffer));
  });
  return found;
}

/** Whether an index expression depends only on loop variables, parameters and constants. */
function invariant(e: Expr): boolean {
  let ok = true;
  walkExpr(e, (x) => {
    if (x.kind === "load" || x.kind === "streamGet") ok = false;
  });
  return ok;
}
