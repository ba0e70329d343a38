// AlloError: every user-facing failure. Printed like tsc: `file:line:col - error ALxxxx: message`,
// then a code frame with a squiggle under the offending source and any notes.
// Internal invariant failures use `internalError`, which says plainly that it is a compiler bug.

import type { Span } from "../ir/nodes.ts";
import type { Code } from "./codes.ts";
import { codeFrame } from "./frame.ts";

export interface Note {
  readonly span?: Span;
  readonly message: string;
}

export interface AlloErrorInit {
  readonly span?: Span;
  /** Source text of span.file, for the code frame. */
  readonly source?: string;
  readonly notes?: readonly Note[];
  readonly details?: Readonly<Record<string, unknown>>;
}

export const where = (s: Span): string => `${s.file}:${s.line}:${s.col}`;

export class AlloError extends Error {
  readonly code: Code;
  readonly span?: Span;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly notes?: readonly Note[];
  /** The message without location or frame. */
  readonly text: string;

  constructor(code: Code, text: string, init: AlloErrorInit = {}) {
    const head = `${init.span ? `${where(init.span)} - ` : ""}error ${code}: ${text}`;
    const frame = init.span && init.source !== undefined ? `\n${codeFrame(init.source, init.span)}` : "";
    const notes = (init.notes ?? [])
      .map((n) => `\n  ${n.span ? `${where(n.span)} - ` : ""}note: ${n.message}`)
      .join("");
    super(head + frame + notes);
    this.name = "AlloError";
    this.code = code;
    this.text = text;
    if (init.span) this.span = init.span;
    if (init.details) this.details = init.details;
    if (init.notes) this.notes = init.notes;
  }
}

export function internalError(what: string, ir?: string): Error {
  return new Error(
    `allo-ts internal error (a compiler bug, please report it): ${what}${ir ? `\n--- IR ---\n${ir}` : ""}`,
  );
}

/** The default of an exhaustive switch: a kind no case handled fails to compile, and at run time is a bug. */
export function assertNever(x: never, what = "value"): never {
  throw internalError(
    `unexpected ${what} ${JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? `${v}n` : v))}`,
  );
}
