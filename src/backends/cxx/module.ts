// A module as C++ functions: every function after the functions it calls, names bound in a fixed
// order (the top first) so the text depends only on the module, and the helper prelude the code needs.
// Spatial regions must already be outlined (src/ir/passes/outline-units.ts) unless the target runs
// them as coroutines; the target gives the directives.

import { AlloError } from "../../diagnostics/error.ts";
import { blockingFunctions } from "../../ir/analysis/blocking.ts";
import type { Func, Module } from "../../ir/nodes.ts";
import { visitStmts } from "../../ir/walk.ts";
import type { ModuleContext } from "./decls.ts";
import { emitFunction, type FunctionOptions } from "./func.ts";
import { NameTable } from "./names.ts";
import { type Helper, preludeText } from "./prelude.ts";
import type { CxxTarget } from "./target.ts";

export interface PrintOptions {
  /** Options of the top function (the Vitis kernel form adds m_axi interfaces). */
  readonly topOptions?: FunctionOptions;
  /** Wraps the top function's text (the Vitis kernel form adds extern "C"). */
  readonly wrapTop?: (text: string) => string;
  /**
   * Text after the functions (a native entry point), given the top's C++ name and whether it may
   * block (a coroutine, with the target's coroutines); it may use helpers.
   */
  readonly trailer?: (top: string, helpers: Set<Helper>, blocks: boolean) => string;
}

export interface PrintedModule {
  /** The prelude and the functions (no includes). */
  readonly body: string;
  /** C++ name of the top function. */
  readonly top: string;
}

/**
 * The functions the top reaches through calls, each after every function it calls. A function no call
 * reaches (left behind when a primitive inlined it, as relay does with a stage) is not printed.
 */
function calleesFirst(m: Module, top: Func): Func[] {
  const byName = new Map(m.functions.map((f) => [f.name, f]));
  const out: Func[] = [];
  const state = new Map<string, "active" | "done">();
  const visit = (f: Func): void => {
    if (state.get(f.name) === "done") return;
    if (state.get(f.name) === "active") {
      throw new AlloError("AL5007", `function '${f.name}' calls itself (recursion cannot be synthesized)`);
    }
    state.set(f.name, "active");
    visitStmts(f.body, (st) => {
      const g = st.kind === "call" ? byName.get(st.callee) : undefined;
      if (g) visit(g);
    });
    state.set(f.name, "done");
    out.push(f);
  };
  visit(top);
  return out;
}

/** The prelude and every function of `m` (spatial regions outlined, or coroutines), callees first. */
export function printModule(m: Module, target: CxxTarget, opts: PrintOptions = {}): PrintedModule {
  const topFunc = m.functions.find((f) => f.name === m.top);
  if (!topFunc) throw new AlloError("AL5007", `the module has no function named '${m.top}' (its top)`);
  const order = calleesFirst(m, topFunc);
  const globals = new NameTable();
  const fnNames = new Map<string, string>();
  for (const f of [topFunc, ...order.filter((g) => g !== topFunc)])
    fnNames.set(f.name, globals.unique(f.name));
  const ctx: ModuleContext = {
    module: m,
    target,
    funcs: new Map(m.functions.map((f) => [f.name, f])),
    fnNames,
    globals,
    out: [],
    helpers: new Set<Helper>(),
    blocking: target.coroutines ? blockingFunctions(m) : new Set(),
  };
  for (const f of order) {
    const isTop = f === topFunc;
    emitFunction(ctx, f, isTop ? opts.topOptions : {});
    if (isTop && opts.wrapTop) ctx.out[ctx.out.length - 1] = opts.wrapTop(ctx.out[ctx.out.length - 1]);
  }
  const top = fnNames.get(m.top) as string;
  if (opts.trailer) ctx.out.push(opts.trailer(top, ctx.helpers, ctx.blocking.has(m.top)));
  const prelude = preludeText(ctx.helpers);
  return { body: `${prelude ? `${prelude}\n` : ""}${ctx.out.join("\n")}`, top };
}
