// The IR well-formedness check, independent of any backend and linear in the IR: ivs unique per
// function and bound where used, buffers and scalar params declared, index ranks and types consistent,
// loops named with positive steps, calls matching their callee. It runs on the frontend's module
// (customize), after every schedule step and before every build; a failure is a compiler bug in the
// stage that produced the module, so it throws internalError with a backend-free dump of the IR.

import { assertNever, internalError } from "../diagnostics/error.ts";
import { BOOL, bitWidth, sameType, typeName } from "../types/dtype.ts";
import { dumpModule } from "./dump.ts";
import type { Expr, Func, Module, Stmt } from "./nodes.ts";

const COMPARE = new Set(["==", "!=", "<", "<=", ">", ">="]);
const SHIFT = new Set(["<<", ">>"]);

/** Problems found in the module (empty when well formed). */
export function wellFormedness(m: Module): string[] {
  const problems: string[] = [];
  const funcs = new Map(m.functions.map((f) => [f.name, f]));
  if (!funcs.has(m.top)) problems.push(`the top function '${m.top}' does not exist`);
  if (funcs.size !== m.functions.length) problems.push("two functions share a name");
  for (const f of m.functions) new FuncChecker(f, funcs, problems).run();
  return problems;
}

/**
 * Throws internalError (a compiler bug) when the module is malformed; `stage` says where the check ran
 * ("from the frontend", "after schedule step 2: split(...)", "before build for target cpu").
 */
export function assertWellFormed(m: Module, stage: string): void {
  const problems = wellFormedness(m);
  if (problems.length === 0) return;
  throw internalError(`malformed IR (${stage}):\n  ${problems.join("\n  ")}`, dumpModule(m));
}

class FuncChecker {
  private readonly ivs = new Set<string>();
  private readonly bound: string[] = [];

  constructor(
    private readonly f: Func,
    private readonly funcs: ReadonlyMap<string, Func>,
    private readonly problems: string[],
  ) {}

  private bad(what: string): void {
    this.problems.push(`${this.f.name}: ${what}`);
  }

  run(): void {
    for (const p of this.f.params) {
      if (p.kind === "buffer" && !this.f.buffers[p.name])
        this.bad(`param buffer '${p.name}' is not declared`);
    }
    for (const r of this.f.results) if (!this.f.buffers[r]) this.bad(`result '${r}' is not declared`);
    for (const [name, b] of Object.entries(this.f.buffers)) {
      if (b.name !== name) this.bad(`buffer '${name}' is declared as '${b.name}'`);
      if (b.shape.some((n) => !Number.isInteger(n) || n < 1))
        this.bad(`buffer '${name}' has shape [${b.shape}]`);
      for (const p of b.partitions) {
        if (p.dim < 0 || p.dim > b.shape.length) this.bad(`buffer '${name}' is partitioned on dim ${p.dim}`);
      }
      if (b.state && (b.role !== "local" || b.stream || !sameType(b.state.init.type, b.type)))
        this.bad(`stateful buffer '${name}' must be a memory local initialised with its own type`);
    }
    this.block(this.f.body);
  }

  private buffer(name: string, rank: number | undefined, what: string): void {
    const b = this.f.buffers[name];
    if (!b) this.bad(`${what} of undeclared buffer '${name}'`);
    else if (rank !== undefined && rank !== b.shape.length)
      this.bad(`${what} of '${name}' with ${rank} indices (rank ${b.shape.length})`);
  }

  private block(b: readonly Stmt[]): void {
    for (const s of b) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s.kind) {
      case "for": {
        if (this.ivs.has(s.iv)) this.bad(`iv '${s.iv}' is bound by two loops`);
        this.ivs.add(s.iv);
        if (!s.name) this.bad(`loop '${s.iv}' has no name`);
        if (!Number.isInteger(s.step) || s.step < 1) this.bad(`loop '${s.name}' has step ${s.step}`);
        this.index(s.lb, `lower bound of '${s.name}'`);
        this.index(s.ub, `upper bound of '${s.name}'`);
        this.bound.push(s.iv);
        this.block(s.body);
        this.bound.pop();
        return;
      }
      case "if":
        this.expr(s.cond);
        this.block(s.then);
        this.block(s.else);
        return;
      case "while":
        this.expr(s.cond);
        this.block(s.body);
        return;
      case "store":
      case "streamPut": {
        const what = s.kind === "store" ? "store" : "put";
        const name = s.kind === "store" ? s.buffer : s.stream;
        this.buffer(name, s.indices.length, what);
        for (const i of s.indices) this.index(i, `index of a ${what} to '${name}'`);
        this.expr(s.value);
        const b = this.f.buffers[name];
        if (b && !sameType(b.type, s.value.type))
          this.bad(`${what} of ${typeName(s.value.type)} into ${typeName(b.type)} buffer '${name}'`);
        return;
      }
      case "alloc":
        if (this.f.buffers[s.buffer]?.state) this.bad(`stateful buffer '${s.buffer}' is allocated`);
        this.buffer(s.buffer, undefined, "alloc");
        return;
      case "call": {
        const callee = this.funcs.get(s.callee);
        if (!callee) this.bad(`call of unknown function '${s.callee}'`);
        else if (callee.params.length !== s.args.length || callee.results.length !== s.results.length)
          this.bad(`call of '${s.callee}' with ${s.args.length} args and ${s.results.length} results`);
        for (const a of s.args) {
          if (a.kind === "buffer") this.buffer(a.name, undefined, "call argument");
          else this.expr(a.value);
        }
        for (const r of s.results) {
          this.buffer(r, undefined, "call result");
          if (this.f.buffers[r]?.state) this.bad(`stateful buffer '${r}' is defined by a call`);
        }
        return;
      }
      case "spatial":
        for (const u of s.units) this.block(u.body);
        return;
      default:
        assertNever(s, "statement");
    }
  }

  private index(e: Expr, what: string): void {
    this.expr(e);
    if (e.type.kind !== "index") this.bad(`${what} has type ${typeName(e.type)}, not index`);
  }

  private expr(e: Expr): void {
    switch (e.kind) {
      case "const":
        return;
      case "iv":
        if (!this.bound.includes(e.name)) this.bad(`iv '${e.name}' is used outside its loop`);
        return;
      case "param": {
        const p = this.f.params.find((x) => x.kind === "scalar" && x.name === e.name);
        if (!p) this.bad(`unknown scalar param '${e.name}'`);
        return;
      }
      case "load":
      case "streamGet": {
        const name = e.kind === "load" ? e.buffer : e.stream;
        this.buffer(name, e.indices.length, e.kind);
        for (const i of e.indices) this.index(i, `index of a ${e.kind} of '${name}'`);
        const b = this.f.buffers[name];
        if (b && !sameType(b.type, e.type)) this.bad(`${e.kind} of '${name}' typed ${typeName(e.type)}`);
        return;
      }
      case "binary": {
        this.expr(e.lhs);
        this.expr(e.rhs);
        const ok = COMPARE.has(e.op)
          ? sameType(e.lhs.type, e.rhs.type) && sameType(e.type, BOOL)
          : SHIFT.has(e.op)
            ? sameType(e.lhs.type, e.type)
            : sameType(e.lhs.type, e.type) && sameType(e.rhs.type, e.type);
        if (!ok) {
          const t = (x: Expr) => typeName(x.type);
          this.bad(`'${e.op}' of ${t(e.lhs)} and ${t(e.rhs)} typed ${t(e)}`);
        }
        return;
      }
      case "logical":
        this.expr(e.lhs);
        this.expr(e.rhs);
        return;
      case "unary":
        this.expr(e.operand);
        if (e.op !== "not" && !sameType(e.operand.type, e.type)) this.bad(`'${e.op}' changes the type`);
        return;
      case "cast":
        this.expr(e.value);
        return;
      case "bitPos":
        this.expr(e.value);
        if (e.type.kind !== "index" || e.value.type.kind !== "index") this.bad("a bit position is an index");
        if (e.width < 1 || e.width > e.bits) this.bad("a bit position's width must lie in 1..bits");
        return;
      case "bitcast":
        this.expr(e.value);
        if (
          e.value.type.kind === "index" ||
          e.type.kind === "index" ||
          bitWidth(e.value.type) !== bitWidth(e.type)
        )
          this.bad("bitcast between types of different widths");
        return;
      case "select":
        this.expr(e.cond);
        this.expr(e.then);
        this.expr(e.else);
        if (!sameType(e.then.type, e.type) || !sameType(e.else.type, e.type))
          this.bad("select branches differ in type");
        return;
      case "intrinsic":
        for (const a of e.args) this.expr(a);
        return;
      default:
        assertNever(e, "expression");
    }
  }
}
