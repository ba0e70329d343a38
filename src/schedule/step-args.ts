// How a schedule method's arguments enter the trace: names stay as the user wrote them, handles
// become the shortest names they resolve to in the module the step starts from, so that the printed
// trace replays to the same module.

import type { Module } from "../ir/nodes.ts";
import { type BandSpec, bandOfLoops } from "./handles.ts";
import type { BufferRef, LoopRef, Ref } from "./refs.ts";
import { bufferName, loopName, resolveBand } from "./resolve.ts";
import type { TraceValue } from "./trace.ts";

/** A user argument as a schedule method receives it (names, handles, numbers, options). */
export type Arg = TraceValue | Ref | object | undefined;

/** An argument that names a band: traced as the band's name even when given as a loop handle. */
export class BandArg {
  constructor(readonly spec: BandSpec) {}
}

/** A user argument as the trace records it: handles become the names they resolve to in `m`. */
export function traceValue(m: Module, a: Arg): TraceValue {
  if (a === undefined || typeof a !== "object") return a as TraceValue;
  if (Array.isArray(a)) return a.map((x) => traceValue(m, x));
  if (a instanceof BandArg) {
    if (typeof a.spec === "string") return a.spec;
    const ref = resolveBand(m, a.spec, "schedule");
    return ref.func === m.top ? ref.opName : `${ref.func}:${ref.opName}`;
  }
  const band = bandOfLoops(a);
  if (band) return band.func === m.top ? band.opName : `${band.func}:${band.opName}`;
  const ref = a as Partial<Ref>;
  switch (ref.kind) {
    case "loop":
      return loopName(m, ref as LoopRef);
    case "band":
      return ref.func === m.top ? ref.opName! : `${ref.func}:${ref.opName}`;
    case "buffer":
      return bufferName(m, ref as BufferRef);
    case "spatial":
      return ref.func === m.top ? ref.name! : `${ref.func}:${ref.name}`;
    default:
      return Object.fromEntries(
        Object.entries(a).map(([k, v]) => [k, v === undefined ? undefined : traceValue(m, v as Arg)]),
      );
  }
}
