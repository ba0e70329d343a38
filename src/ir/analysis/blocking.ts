// Which functions of a module may block on a stream: those that put or get outside a spatial region
// (a region's units block inside the region's own run), directly or through the functions they call.
// Backends that run regions (the CPU backend's generators, the native target's coroutines) make exactly
// these functions resumable; every other function runs straight through.

import type { Module, Stmt } from "../nodes.ts";
import { childBlocks, stmtExprs, walkExpr } from "../walk.ts";

/** Calls f on every statement of a block, not descending into the units of spatial regions. */
export function visitOwn(b: readonly Stmt[], f: (s: Stmt) => void): void {
  for (const s of b) {
    f(s);
    if (s.kind !== "spatial") for (const c of childBlocks(s)) visitOwn(c, f);
  }
}

/** The names of the functions of `m` that may block. */
export function blockingFunctions(m: Module): Set<string> {
  const blocking = new Set<string>();
  const calls = new Map<string, Set<string>>();
  for (const f of m.functions) {
    const callees = new Set<string>();
    visitOwn(f.body, (s) => {
      if (s.kind === "streamPut") blocking.add(f.name);
      if (s.kind === "call") callees.add(s.callee);
      for (const e of stmtExprs(s)) walkExpr(e, (x) => x.kind === "streamGet" && blocking.add(f.name));
    });
    calls.set(f.name, callees);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [f, callees] of calls) {
      if (!blocking.has(f) && [...callees].some((c) => blocking.has(c))) {
        blocking.add(f);
        changed = true;
      }
    }
  }
  return blocking;
}
