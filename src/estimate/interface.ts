// Which arrays of each function are the design's interface: the top's own arrays when no wrapIo
// copies stand in front (memory ports), or the m_axi ports the vitis_hls top passes straight to the
// kernel (a loader's or store process's array), followed down through calls (a process's parameter
// bound to a port is that port). Vitis partitions on-chip arrays, not its top's ports, so the automatic
// partitioning leaves them alone; and each binding names its port, so an access knows the m_axi
// bundle (the AXI channels) it goes through.

import type { Func, Module } from "../ir/nodes.ts";
import { visitStmts } from "../ir/walk.ts";
import type { Wrapper } from "./wrap.ts";

/** What a function's arrays are at the design's interface. */
export interface FuncInterface {
  /** Its arrays bound to a port of the top (never partitioned automatically). */
  readonly ports: ReadonlySet<string>;
  /** Those accessed through an AXI interface (with wrapIo: every one; without, none: memory ports). */
  readonly axi: ReadonlySet<string>;
  /** The m_axi bundle of each AXI array that has one (./axi-channels.ts). */
  readonly bundles: ReadonlyMap<string, string>;
}

/**
 * The interface of every function of `m`: without a wrapper, the top's arrays are memory ports (the
 * kernel synthesized as its own top, as the vhls target's C++, whose arrays Vitis gives ap_memory);
 * with one, each array bound to a wrapper port is that port, an m_axi bundle unless the user chose
 * axis or s_axilite.
 */
export function functionInterfaces(m: Module, wrapper: Wrapper | undefined): (f: Func) => FuncInterface {
  const top = m.functions.find((f) => f.name === m.top) as Func;
  const bindings = wrapper
    ? interfaceBindings(m, wrapper.func, wrapper.axi)
    : interfaceBindings(m, top, topArrays(top));
  const made = new Map<Func, FuncInterface>();
  const of = (f: Func): FuncInterface => {
    // The wrapper may share the kernel's name: it is told apart by identity.
    const bound = f === wrapper?.func ? new Map([...wrapper.axi].map((p) => [p, p])) : bindings.get(f.name);
    const ports = new Set(bound?.keys() ?? []);
    if (!wrapper || !bound) return { ports, axi: new Set(), bundles: new Map() };
    const bundles = new Map<string, string>();
    for (const [array, port] of bound) {
      const bundle = wrapper.bundles.get(port);
      if (bundle) bundles.set(array, bundle);
    }
    return { ports, axi: ports, bundles };
  };
  // Once per function: a region's function is asked again for each of its units.
  return (f) => {
    let i = made.get(f);
    if (!i) made.set(f, (i = of(f)));
    return i;
  };
}

/** A top function's array parameters and results: its ports when no wrapIo copies stand in front. */
const topArrays = (f: Func): ReadonlySet<string> =>
  new Set(Object.values(f.buffers).flatMap((b) => (b.role === "local" ? [] : [b.name])));

/** Per function: each of its arrays bound to a port of the root, with that port's name. */
export type Bindings = Map<string, ReadonlyMap<string, string>>;

/**
 * The interface arrays of every module function `root` reaches, starting from `ports` of `root` (the
 * top, or the wrapIo top, which is not in the module and may share the kernel's name).
 */
function interfaceBindings(m: Module, root: Func, ports: ReadonlySet<string>): Bindings {
  const funcs = new Map(m.functions.map((f) => [f.name, f]));
  const bound = new Map<string, Map<string, string>>();
  const own = new Map([...ports].map((p) => [p, p]));
  const work: [Func, ReadonlyMap<string, string>][] = [[root, own]];
  for (let next = work.pop(); next; next = work.pop()) {
    const [f, mine] = next;
    visitStmts(f.body, (st) => {
      const callee = st.kind === "call" ? funcs.get(st.callee) : undefined;
      if (!callee || st.kind !== "call") return;
      const theirs = bound.get(callee.name) ?? new Map<string, string>();
      const before = theirs.size;
      st.args.forEach((a, k) => {
        const p = callee.params[k];
        const port = a.kind === "buffer" ? mine.get(a.name) : undefined;
        if (port !== undefined && p?.kind === "buffer") theirs.set(p.name, port);
      });
      bound.set(callee.name, theirs);
      if (theirs.size > before) work.push([callee, theirs]);
    });
  }
  if (funcs.get(root.name) === root) bound.set(root.name, own);
  return bound;
}
