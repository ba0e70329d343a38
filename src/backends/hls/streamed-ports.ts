// Which array arguments the wrapIo top passes straight from their m_axi port: never written,
// unpartitioned, and read by one process of a PE array only (a loader such as relay's A_load, which
// reads it in its own loop order), following whole-array calls down from the top. Copying such an
// argument on chip first would cost a whole-matrix BRAM buffer and a pass over it before the array
// starts; the loader streams it from off-chip memory instead.

import { bufferLayout, isUnpartitioned } from "../../ir/analysis/layout.ts";
import type { CallStmt, Func, Module, Stmt } from "../../ir/nodes.ts";
import { stmtExprs, visitStmts, walkExpr } from "../../ir/walk.ts";
import type { TbArg } from "./testbench.ts";

/** The indices of `args` (tbArgs of the top) that the wrapped top does not copy on chip. */
export function streamedPorts(m: Module, args: readonly TbArg[]): ReadonlySet<number> {
  const top = m.functions.find((f) => f.name === m.top) as Func;
  const out = new Set<number>();
  args.forEach((a, k) => {
    if (a.scalar || !a.input || k >= top.params.length) return;
    if (!isUnpartitioned(bufferLayout(a.decl))) return;
    if (readers(m, top, a.decl.name) === 1) out.add(k);
  });
  return out;
}

/** How many PE-array processes read `name` in `f`; Infinity when anything else touches it. */
function readers(m: Module, f: Func, name: string, depth = 0): number {
  let n = 0;
  for (const s of f.body) {
    if (s.kind === "spatial") {
      for (const u of s.units) {
        const use = access(m, u.body, name, depth);
        if (use === "other") return Number.POSITIVE_INFINITY;
        if (use === "read") n++;
      }
      continue;
    }
    const callee = s.kind === "call" ? passedTo(m, s, name) : undefined;
    if (callee && depth < 8) n += readers(m, callee.func, callee.param, depth + 1);
    else if (access(m, [s], name, depth) !== "none") return Number.POSITIVE_INFINITY;
  }
  return n;
}

/** The callee and parameter that a call passes `name` to (once, whole or a part of it). */
function passedTo(m: Module, s: CallStmt, name: string): { func: Func; param: string } | undefined {
  const at = s.args.flatMap((x, k) => (x.kind === "buffer" && x.name === name ? [k] : []));
  const func = m.functions.find((g) => g.name === s.callee);
  const param = func?.params[at[0]];
  return at.length === 1 && func && param?.kind === "buffer" ? { func, param: param.name } : undefined;
}

/** Whether a block (with what it calls) leaves `name` alone, only loads it, or writes it. */
function access(m: Module, block: readonly Stmt[], name: string, depth: number): "none" | "read" | "other" {
  let read = false;
  let other = false;
  visitStmts(block, (s) => {
    if (s.kind === "store" && s.buffer === name) other = true;
    if (s.kind === "call" && s.args.some((x) => x.kind === "buffer" && x.name === name)) {
      const callee = passedTo(m, s, name);
      const use = callee && depth < 8 ? access(m, callee.func.body, callee.param, depth + 1) : "other";
      if (use === "other" || s.results.includes(name)) other = true;
      if (use === "read") read = true;
    }
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x) => {
        if (x.kind === "load" && x.buffer === name) read = true;
      });
    }
  });
  return other ? "other" : read ? "read" : "none";
}
