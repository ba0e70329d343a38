// The schedule trace: each applied step as data (primitive, arguments with handles already turned into
// the names they resolved to, call site), printable as replayable TypeScript (`s.split("i", 4);`) and
// as the MLIR-style step headers of printAfterEach.

import type { Span } from "../ir/nodes.ts";

/** An argument as recorded: names are strings; option objects and lists hold the same kinds. */
export type TraceValue =
  | string
  | number
  | boolean
  | readonly TraceValue[]
  | { readonly [key: string]: TraceValue | undefined };

export interface TraceStep {
  /** 1-based position in the schedule. */
  readonly index: number;
  /** The Schedule method: "split", "reorder", ... */
  readonly primitive: string;
  readonly args: readonly TraceValue[];
  /** Where the user called it. */
  readonly site?: Span;
  /** False when the step left the module as it was (a repeated annotation). */
  readonly changed: boolean;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

export function formatValue(v: TraceValue): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(formatValue).join(", ")}]`;
  const entries = Object.entries(v as Record<string, TraceValue | undefined>).filter(
    (e): e is [string, TraceValue] => e[1] !== undefined,
  );
  if (entries.length === 0) return "{}";
  const fields = entries.map(([k, x]) => `${IDENT.test(k) ? k : JSON.stringify(k)}: ${formatValue(x)}`);
  return `{ ${fields.join(", ")} }`;
}

/** `reorder("k", "j")`: the call as the user could write it (a trailing empty options object dropped). */
export function formatCall(primitive: string, args: readonly TraceValue[]): string {
  const shown = args.map(formatValue);
  if (shown[shown.length - 1] === "{}") shown.pop();
  return `${primitive}(${shown.join(", ")})`;
}

/** The whole trace as TypeScript statements on `receiver`, one per line. */
export function formatTrace(steps: readonly TraceStep[], receiver = "s"): string {
  return steps.map((s) => `${receiver}.${formatCall(s.primitive, s.args)};\n`).join("");
}

/** `// ----- step 2: reorder("k", "j") -----` */
export function stepHeader(step: TraceStep): string {
  return `// ----- step ${step.index}: ${formatCall(step.primitive, step.args)} -----`;
}
