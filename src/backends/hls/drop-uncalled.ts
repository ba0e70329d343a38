// The dropUncalled pass: functions nothing reachable from the top calls are not printed. They arise
// when a primitive inlines a callee into its caller (relay between stages makes a called stage a
// region unit), which leaves the callee's own function behind with no call to it.

import type { Func, Module } from "../../ir/nodes.ts";
import type { Pass } from "../../ir/passes/pass.ts";
import { visitStmts } from "../../ir/walk.ts";

export const dropUncalled: Pass = (m: Module) => {
  const funcs = new Map(m.functions.map((f) => [f.name, f]));
  const reached = new Set<string>();
  const reach = (f: Func | undefined): void => {
    if (!f || reached.has(f.name)) return;
    reached.add(f.name);
    visitStmts(f.body, (st) => {
      if (st.kind === "call") reach(funcs.get(st.callee));
    });
  };
  reach(funcs.get(m.top));
  if (reached.size === m.functions.length) return m;
  return { ...m, functions: m.functions.filter((f) => reached.has(f.name)) };
};
