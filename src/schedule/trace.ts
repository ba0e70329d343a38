// The schedule trace: each applied step as data (primitive, arguments whose references are qualified
// by function, call site), and as it prints: replayable TypeScript (`s.split("i", 4);`) and the
// MLIR-style step headers of printAfterEach.

import type { Span } from "../ir/nodes.ts";

/** An argument as the printed trace shows it: names are strings; option objects and lists hold the same kinds. */
export type TraceValue =
  | string
  | number
  | boolean
  | readonly TraceValue[]
  | { readonly [key: string]: TraceValue | undefined };

/** A loop, band, buffer or PE array of one function; `name` resolves inside `func` (`"S_i_j_0:j"`, `"%j_1"`). */
export interface FuncRef {
  readonly func: string;
  readonly name: string;
}

/** An argument as step data: references qualified by function, values as checked (JSON-compatible). */
export type StepArg =
  | number
  | boolean
  | string
  | { readonly loop: FuncRef }
  | { readonly band: FuncRef }
  | { readonly buffer: FuncRef }
  | { readonly pe: FuncRef }
  | { readonly func: string }
  | readonly StepArg[]
  | { readonly [key: string]: StepArg };

export interface Step {
  /** 1-based position in the schedule. */
  readonly index: number;
  /** The primitive (the Schedule method): "split", "reorder", ... */
  readonly prim: string;
  /** `{ prim: "split", args: [{ loop: { func: "gemm", name: "i" } }, 4] }`; replayable with `s.replay`. */
  readonly args: readonly StepArg[];
  /** Where the user called it (for a composed step, the call in the sub-schedule). */
  readonly site?: Span;
  /** The compose call that replayed the step into this schedule. */
  readonly via?: Span;
  /** The schedule the step was written in (a composed step keeps its own): partitions' requirement key. */
  readonly origin?: number;
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

/** `// ----- step 2: reorder("k", "j") -----` for the step at `index` shown as `call`. */
export function stepHeader(index: number, call: string): string {
  return `// ----- step ${index}: ${call} -----`;
}
