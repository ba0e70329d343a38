// Facts about a module the CPU code generator needs across functions: JS names of functions, which
// functions may block on a stream (they become generators), which 0-d buffers can live in a JS local,
// where buffers are defined, and the constant pool that hands
// run-time data (types, spans, shapes) to the generated code.

import { blockingFunctions, visitOwn } from "../../ir/analysis/blocking.ts";
import type { Func, Module, Stmt } from "../../ir/nodes.ts";
import { visitStmts } from "../../ir/walk.ts";
import type { LoopSite } from "./budget.ts";

export class ModuleInfo {
  readonly pool: unknown[] = [];
  /** Loops that count iterations (budget.ts); empty when the kernel is built without a budget. */
  readonly sites: LoopSite[] = [];
  private readonly funcs = new Map<string, Func>();
  private readonly names = new Map<string, string>();
  private readonly blocking: ReadonlySet<string>;
  private readonly passed = new Map<Func, Set<string>>();

  constructor(
    m: Module,
    readonly budgeted = false,
  ) {
    const taken = new Set<string>();
    for (const f of m.functions) {
      this.funcs.set(f.name, f);
      const base = `f_${f.name.replace(/[^A-Za-z0-9_]/g, "_")}`;
      let id = base;
      for (let k = 1; taken.has(id); k++) id = `${base}_${k}`;
      taken.add(id);
      this.names.set(f.name, id);
      const passed = new Set<string>();
      visitStmts(f.body, (s) => {
        if (s.kind === "call") for (const a of s.args) if (a.kind === "buffer") passed.add(a.name);
      });
      this.passed.set(f, passed);
    }
    this.blocking = blockingFunctions(m);
  }

  konst(x: unknown): string {
    let k = this.pool.indexOf(x);
    if (k < 0) k = this.pool.push(x) - 1;
    return `K[${k}]`;
  }

  func(name: string): Func {
    return this.funcs.get(name)!;
  }

  jsName(name: string): string {
    this.func(name);
    return this.names.get(name)!;
  }

  mayBlock(name: string): boolean {
    return this.blocking.has(name);
  }

  /** A 0-d memory buffer that is never passed by reference (nor stateful) lives in a JS local variable. */
  isVar(f: Func, name: string): boolean {
    const b = f.buffers[name];
    if (b.stream || b.state || b.role === "param") return false;
    return b.shape.length === 0 && !this.passed.get(f)!.has(name);
  }

  /** Buffers allocated or defined by calls in a block, outside the units of its spatial regions. */
  definedIn(body: readonly Stmt[]): string[] {
    const out = new Set<string>();
    visitOwn(body, (s) => {
      if (s.kind === "alloc") out.add(s.buffer);
      if (s.kind === "call") for (const r of s.results) out.add(r);
    });
    return [...out];
  }

  /**
   * Local and result buffers that no statement defines (they exist, zero-filled, from the start);
   * stateful ones are not among them (they live as long as the built kernel: state.ts).
   */
  undefinedLocals(f: Func): string[] {
    const defined = new Set<string>();
    visitStmts(f.body, (s) => {
      if (s.kind === "alloc") defined.add(s.buffer);
      if (s.kind === "call") for (const r of s.results) defined.add(r);
    });
    return Object.values(f.buffers)
      .filter((b) => b.role !== "param" && !b.state && !defined.has(b.name))
      .map((b) => b.name);
  }
}
