// Replay's function renaming: steps recorded on function `from` re-apply inside function `into`.
// References to `from` become references into `into`; a callee of `from` becomes the callee of `into`
// at the same place in the call tree (the k-th call statement of each function, recursively), so a
// private copy's callees are followed; other functions keep their names. The call tree is read from
// `source` (where the steps were recorded) and `target` (where they replay), which may be one module.

import { AlloError } from "../diagnostics/error.ts";
import type { Module } from "../ir/nodes.ts";
import { visitStmts } from "../ir/walk.ts";

/** The callee of every call statement of `func`, in statement order. */
function calls(m: Module, func: string): string[] {
  const f = m.functions.find((x) => x.name === func);
  const out: string[] = [];
  if (!f) return out;
  visitStmts(f.body, (s) => {
    if (s.kind === "call") out.push(s.callee);
  });
  return out;
}

/** Every function reachable from `func` through calls, itself included. */
function reachable(m: Module, func: string): Set<string> {
  const seen = new Set<string>();
  const go = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const c of calls(m, f)) go(c);
  };
  go(func);
  return seen;
}

/**
 * The function the steps were recorded on when none is given: the first referenced function from which
 * every referenced function is reachable in `source`.
 */
export function recordedRoot(source: Module, referenced: readonly string[]): string {
  const root = referenced.find((f) => {
    const r = reachable(source, f);
    return referenced.every((g) => r.has(g));
  });
  if (root === undefined) {
    throw new AlloError(
      "AL3021",
      `replay: the steps refer to ${referenced.map((f) => `'${f}'`).join(", ")}, and no one of them calls ` +
        "all the others; pass { from } to say which function they were recorded on",
    );
  }
  return root;
}

/** f -> its counterpart under `into` for `from` and its callees; every other function maps to itself. */
export function funcRenaming(
  source: Module,
  from: string,
  target: Module,
  into: string,
): (f: string) => string {
  const map = new Map<string, string>();
  const pair = (a: string, b: string) => {
    if (map.has(a)) return;
    map.set(a, b);
    const ca = calls(source, a);
    const cb = calls(target, b);
    if (ca.length !== cb.length) return;
    for (const [k, c] of ca.entries()) pair(c, cb[k]);
  };
  pair(from, into);
  const under = reachable(source, from);
  return (f) => {
    const to = map.get(f);
    if (to !== undefined) return to;
    if (!under.has(f)) return f;
    throw new AlloError(
      "AL3021",
      `replay: '${f}' is called from '${from}', but '${into}' has no call at the same place ` +
        `(its calls: ${calls(target, into).join(", ") || "none"})`,
    );
  };
}
