// The verifier runs a region's units as coroutines and cannot nest a region inside one (a relayed stage
// region whose calls hold PE arrays). Where the module has such a nesting, its regions go through the
// native targets' sequentializing pass first: a region whose static schedule is proven becomes that
// sequential program, one run of its bounded FIFO network (src/ir/passes/sequentialize-regions.ts), so
// the proof is about the same values; a region without one stays, and the verifier answers `unknown`.

import type { Module, Stmt } from "../ir/nodes.ts";
import { sequentializeRegions } from "../ir/passes/sequentialize-regions.ts";
import { findFunc, visitStmts } from "../ir/walk.ts";

/** Whether `body` holds a spatial statement, directly or in a function it calls. */
function holdsRegion(m: Module, body: readonly Stmt[], seen: Set<string>): boolean {
  let found = false;
  visitStmts(body, (s) => {
    if (found) return;
    if (s.kind === "spatial") found = true;
    else if (s.kind === "call" && !seen.has(s.callee)) {
      seen.add(s.callee);
      const callee = findFunc(m, s.callee);
      if (callee && holdsRegion(m, callee.body, seen)) found = true;
    }
  });
  return found;
}

function nestsRegions(m: Module): boolean {
  let nested = false;
  for (const f of m.functions)
    visitStmts(f.body, (s) => {
      if (s.kind === "spatial" && s.units.some((u) => holdsRegion(m, u.body, new Set()))) nested = true;
    });
  return nested;
}

/** The module the verifier runs: with nested regions, its provable regions sequentialized. */
export function unnestRegions(m: Module): Module {
  return nestsRegions(m) ? sequentializeRegions(m, { cyclic: [] }) : m;
}
