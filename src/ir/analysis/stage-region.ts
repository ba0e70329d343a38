// The dataflow region that relay between the stages of a function makes (src/schedule/primitives/
// relay-stages.ts): its name, the names of stages, and the check every build runs on it. Its units run
// concurrently, so they may share only FIFOs and arrays that none of them writes; relaying one array at
// a time passes through states that break this (a fork-join relays four arrays, and the region is only
// complete after the last), so the check waits for the build.

import { AlloError } from "../../diagnostics/error.ts";
import type { Func, Module, Span, Stmt } from "../nodes.ts";
import { findFunc, stmtExprs, visitStmts, walkExpr } from "../walk.ts";

/** The name of a function's stage region (a spatial statement without a PE grid). */
export const STAGE_REGION = "stages";

/** A top-level statement's stage name: its band name, or the function it calls. */
export function stageName(s: Stmt): string | undefined {
  if (s.kind === "for") return s.attrs.opName;
  if (s.kind === "call") return s.callee;
  return undefined;
}

/** AL3010 when a unit of a stage region writes an array that another unit reads or writes. */
export function checkStageRegions(m: Module, relaySite: (func: string) => Span | undefined): void {
  for (const f of m.functions) {
    for (const s of f.body) {
      if (s.kind !== "spatial" || s.name !== STAGE_REGION || s.grid) continue;
      const uses = s.units.map((u) => accesses(m, f, u.body));
      for (const [w, use] of uses.entries()) {
        for (const buffer of use.writes) {
          const other = uses.findIndex((o, k) => k !== w && (o.reads.has(buffer) || o.writes.has(buffer)));
          if (other < 0) continue;
          const [from, to] = [s.units[w].name, s.units[other].name];
          throw new AlloError(
            "AL3010",
            `relay: the stages of '${f.name}' run as a dataflow region, but '${buffer}' still passes through memory between its stages '${from}' and '${to}' (they run concurrently and share only FIFOs and read-only arrays); relay it as well, s.relay("${buffer}", "${to}"), or keep those stages out of the region`,
            { span: relaySite(f.name), details: { buffer, stages: [from, to] } },
          );
        }
      }
    }
  }
}

/** The arrays (not streams) a unit's statements store to and load, a call's arguments counting as both. */
function accesses(m: Module, f: Func, body: readonly Stmt[]): { reads: Set<string>; writes: Set<string> } {
  const reads = new Set<string>();
  const writes = new Set<string>();
  const memory = (b: string) => f.buffers[b] !== undefined && !f.buffers[b].stream;
  visitStmts(body, (s) => {
    for (const e of stmtExprs(s))
      walkExpr(e, (x) => void (x.kind === "load" && memory(x.buffer) && reads.add(x.buffer)));
    if (s.kind === "store" && memory(s.buffer)) writes.add(s.buffer);
    if (s.kind === "call") {
      const callee = findFunc(m, s.callee);
      s.args.forEach((a, i) => {
        if (a.kind !== "buffer" || !memory(a.name)) return;
        reads.add(a.name);
        const p = callee?.params[i];
        let written = !callee;
        if (p?.kind === "buffer")
          visitStmts(
            callee!.body,
            (t) => void (t.kind === "store" && t.buffer === p.name && (written = true)),
          );
        if (written) writes.add(a.name);
      });
      for (const r of s.results) writes.add(r);
    }
  });
  return { reads, writes };
}
