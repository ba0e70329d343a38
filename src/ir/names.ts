// Fresh names inside a function: ivs, buffers and params share one namespace, so a pass or primitive
// that adds a loop, buffer or FIFO picks a name none of them has (base, base_1, base_2, ...).

import type { Func } from "./nodes.ts";
import { visitStmts } from "./walk.ts";

/** Every name taken in a function: ivs, buffers and params (ivs and buffers share one namespace). */
export function takenNames(f: Func): Set<string> {
  const taken = new Set<string>(Object.keys(f.buffers));
  for (const p of f.params) taken.add(p.name);
  visitStmts(f.body, (s) => {
    if (s.kind === "for") taken.add(s.iv);
  });
  return taken;
}

/** A function-unique name from `base` (base, base_1, base_2, ...), recorded in `taken`. */
export function freshName(taken: Set<string>, base: string): string {
  const clean = base.replace(/[^A-Za-z0-9_]/g, "_");
  let name = clean;
  for (let n = 1; taken.has(name); n++) name = `${clean}_${n}`;
  taken.add(name);
  return name;
}
