// The functions an array argument of the top reaches, each under its own parameter name: the top, what
// it passes the whole array to, and so on down to the PE array's process that reads it (after
// outlining, a spatial unit is one call of its process). The Vitis top's port passing (streamed-ports.ts)
// follows the same calls; wide-loaders.ts rewrites the port's declaration in every one of them.

import type { Func, Module } from "../../ir/nodes.ts";
import { visitStmts } from "../../ir/walk.ts";

export interface PortUse {
  readonly func: Func;
  readonly param: string;
}

/** `name` in `f`, then every (callee, parameter) a call passes it to, transitively; each function once. */
export function portChain(m: Module, f: Func, name: string): PortUse[] {
  const funcs = new Map(m.functions.map((g) => [g.name, g]));
  const out: PortUse[] = [];
  const seen = new Set<string>();
  const walk = (func: Func, param: string) => {
    if (seen.has(func.name)) return;
    seen.add(func.name);
    out.push({ func, param });
    visitStmts(func.body, (s) => {
      if (s.kind !== "call") return;
      const callee = funcs.get(s.callee);
      s.args.forEach((a, k) => {
        const p = callee?.params[k];
        if (callee && a.kind === "buffer" && a.name === param && p?.kind === "buffer") walk(callee, p.name);
      });
    });
  };
  walk(f, name);
  return out;
}
