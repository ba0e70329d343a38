// Which arrays of each function are the design's interface: the top's own arrays when no wrapIo
// copies stand in front (memory ports), or the m_axi ports the vitis_hls top passes straight to the
// kernel (a loader's or store process's array), followed down through calls (a process's parameter
// bound to a port is that port). Vitis partitions on-chip arrays, not its top's ports, so the automatic
// partitioning leaves them alone.

import type { Func, Module } from "../ir/nodes.ts";
import { visitStmts } from "../ir/walk.ts";

/**
 * The interface arrays of every module function `root` reaches, starting from `ports` of `root` (the
 * top, or the wrapIo top, which is not in the module and may share the kernel's name).
 */
export function interfaceBindings(
  m: Module,
  root: Func,
  ports: ReadonlySet<string>,
): Map<string, Set<string>> {
  const funcs = new Map(m.functions.map((f) => [f.name, f]));
  const bound = new Map<string, Set<string>>();
  const work: [Func, ReadonlySet<string>][] = [[root, ports]];
  for (let next = work.pop(); next; next = work.pop()) {
    const [f, mine] = next;
    visitStmts(f.body, (st) => {
      const callee = st.kind === "call" ? funcs.get(st.callee) : undefined;
      if (!callee || st.kind !== "call") return;
      const theirs = bound.get(callee.name) ?? new Set<string>();
      const before = theirs.size;
      st.args.forEach((a, k) => {
        const p = callee.params[k];
        if (a.kind === "buffer" && mine.has(a.name) && p?.kind === "buffer") theirs.add(p.name);
      });
      bound.set(callee.name, theirs);
      if (theirs.size > before) work.push([callee, theirs]);
    });
  }
  if (funcs.get(root.name) === root) bound.set(root.name, new Set(ports));
  return bound;
}
