// Symbolic execution of one module: its top function runs on symbolic inputs (one input node per
// element of every parameter, shared by both modules of a comparison through the common Dag) and
// yields the final node of every output element: each buffer parameter, then each returned buffer,
// then each stateful buffer (whose starting elements are inputs after the parameters: ../state.ts).

import { internalError } from "../../diagnostics/error.ts";
import type { Module } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { type Budget, BudgetExceeded } from "../budget.ts";
import type { Dag } from "../dag/dag.ts";
import { stateCells } from "../state.ts";
import { jsName, ModuleGen } from "./gen-func.ts";
import { NotStatic, RunFailure, Runtime, type Storage } from "./runtime.ts";

export interface Output {
  /** The buffer's name in the module that was run. */
  readonly name: string;
  readonly shape: readonly number[];
  readonly nodes: Int32Array;
}

export type RunResult =
  | { readonly kind: "ok"; readonly outputs: readonly Output[] }
  | { readonly kind: "failure" | "not-static" | "budget"; readonly reason: string };

export interface RunHooks {
  /** Called about every million steps with the count of loads and stores so far. */
  readonly onTick: (count: number) => void;
  /** Shared by both runs of a comparison; this run's steps are added to it when it ends. */
  readonly budget: Budget;
}

export function runModule(D: Dag, m: Module, hooks: RunHooks): RunResult & { readonly count: number } {
  const top = m.functions.find((f) => f.name === m.top);
  if (!top) throw internalError(`module has no function '${m.top}'`);
  const cells = stateCells(m);
  const gen = new ModuleGen(m, D);
  const R = new Runtime(D, gen.sites, gen.spans, gen.pool, hooks.onTick, hooks.budget);
  try {
    // Code generation interns constants, so it runs under the node budget too.
    const source = gen.generate();
    const make = new Function("D", "R", `"use strict";\n${source}\nreturn ${jsName(top.name, false)};`);
    const fn = make(D, R) as (...args: unknown[]) => Storage[];
    const params: Storage[] = [];
    const args = top.params.map((p, k) => {
      if (p.kind === "scalar") return D.input(D.types.id(p.type), k, 0);
      const b = top.buffers[p.name];
      const t = D.types.id(b.type);
      const cells = elementCount(b.shape);
      R.charge(cells, `parameter '${p.name}'`);
      const mem = new Int32Array(cells);
      for (let i = 0; i < mem.length; i++) mem[i] = D.input(t, k, i);
      const s: Storage = { name: b.name, shape: b.shape, mem };
      params.push(s);
      return s;
    });
    // Stateful buffers: the state a call starts from is an input, the state it leaves an output.
    const states = cells.map((c, j) => {
      const cellCount = elementCount(c.decl.shape);
      R.charge(cellCount, `stateful '${c.key}'`);
      const t = D.types.id(c.decl.type);
      const mem = new Int32Array(cellCount);
      for (let i = 0; i < mem.length; i++) mem[i] = D.input(t, top.params.length + j, i);
      return { name: c.key, shape: c.decl.shape, mem };
    });
    R.states = states;
    const results = fn(...args);
    const outputs = [...params, ...results, ...states].map((s) => ({
      name: s.name,
      shape: s.shape,
      nodes: s.mem,
    }));
    return { kind: "ok", outputs, count: R.n };
  } catch (e) {
    if (e instanceof RunFailure) return { kind: "failure", reason: e.message, count: R.n };
    if (e instanceof NotStatic) return { kind: "not-static", reason: e.message, count: R.n };
    if (e instanceof BudgetExceeded) return { kind: "budget", reason: e.message, count: R.n };
    throw internalError(
      `symbolic execution of '${top.name}' failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    hooks.budget.spent += R.n + R.iters;
  }
}
