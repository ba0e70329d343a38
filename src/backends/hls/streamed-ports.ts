// Which array arguments the wrapIo top passes straight to their m_axi port: m_axi, unpartitioned, and used
// by one process of a PE array only, which either only reads it (a loader such as relay's A_load,
// reading it in its own loop order) or only writes it (drainWrites' store process), following
// whole-array calls down from the top. Copying such an argument on chip would cost a whole-matrix
// BRAM buffer and a pass over it before or after the array runs; the process streams it from or to
// off-chip memory instead. Read on the module the HLS passes made (the store processes exist there).

import { bufferLayout, isUnpartitioned } from "../../ir/analysis/layout.ts";
import type { CallStmt, Func, Module, Stmt } from "../../ir/nodes.ts";
import { stmtExprs, visitStmts, walkExpr } from "../../ir/walk.ts";
import type { TbArg } from "./testbench.ts";

/**
 * The indices of `args` (tbArgs of the top) that the wrapped top does not copy on chip; `bundles`
 * (./bundles.ts) says which are m_axi. Only those: an axis or s_axilite port is read once, in order,
 * so its copy loop stays.
 */
export function streamedPorts(
  m: Module,
  args: readonly TbArg[],
  bundles: readonly (string | undefined)[],
): ReadonlySet<number> {
  const funcs: Funcs = new Map(m.functions.map((f) => [f.name, f]));
  const top = funcs.get(m.top) as Func;
  const out = new Set<number>();
  args.forEach((a, k) => {
    if (a.scalar || k >= top.params.length || bundles[k] === undefined) return;
    if (!isUnpartitioned(bufferLayout(a.decl))) return;
    const use = processUses(funcs, top, a.decl.name);
    if (use.length === 1 && (use[0] === "write" || (use[0] === "read" && a.input))) out.add(k);
  });
  return out;
}

type Use = "none" | "read" | "write" | "other";

/** The module's functions by name (a PE array has thousands: each call looks its callee up). */
type Funcs = ReadonlyMap<string, Func>;

/** How each PE-array process that touches `name` in `f` uses it; "other" stands for any other touch. */
function processUses(funcs: Funcs, f: Func, name: string, depth = 0): Use[] {
  const uses: Use[] = [];
  for (const s of f.body) {
    // An allocation touches no array (a PE array's top allocates its thousands of FIFOs).
    if (s.kind === "alloc") continue;
    if (s.kind === "spatial") {
      for (const u of s.units) {
        const use = access(funcs, u.body, name, depth);
        if (use !== "none") uses.push(use);
      }
      continue;
    }
    const callee = s.kind === "call" ? passedTo(funcs, s, name) : undefined;
    if (callee && depth < 8) uses.push(...processUses(funcs, callee.func, callee.param, depth + 1));
    else if (access(funcs, [s], name, depth) !== "none") uses.push("other");
  }
  return uses;
}

/** The callee and parameter that a call passes `name` to (once, whole or a part of it). */
function passedTo(funcs: Funcs, s: CallStmt, name: string): { func: Func; param: string } | undefined {
  const at = s.args.flatMap((x, k) => (x.kind === "buffer" && x.name === name ? [k] : []));
  const func = funcs.get(s.callee);
  const param = func?.params[at[0]];
  return at.length === 1 && func && param?.kind === "buffer" ? { func, param: param.name } : undefined;
}

/** Whether a block (with what it calls) leaves `name` alone, only loads it, only stores it, or more. */
function access(funcs: Funcs, block: readonly Stmt[], name: string, depth: number): Use {
  let read = false;
  let write = false;
  let other = false;
  visitStmts(block, (s) => {
    if (s.kind === "store" && s.buffer === name) write = true;
    if (s.kind === "call" && s.args.some((x) => x.kind === "buffer" && x.name === name)) {
      const callee = passedTo(funcs, s, name);
      const use = callee && depth < 8 ? access(funcs, callee.func.body, callee.param, depth + 1) : "other";
      if (use === "other" || s.results.includes(name)) other = true;
      if (use === "read") read = true;
      if (use === "write") write = true;
    }
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x) => {
        if (x.kind === "load" && x.buffer === name) read = true;
      });
    }
  });
  return other || (read && write) ? "other" : read ? "read" : write ? "write" : "none";
}
