// What every pure schedule primitive returns, and how it reports misuse. A primitive is a function
// `(module, resolved refs, arguments) -> PrimitiveResult`; it never parses user names and never knows
// the user's call site. It throws `primitiveError(...)`, an AlloError without a span; the Schedule adds
// the call site of the user's step and re-throws.

import type { Code } from "../../diagnostics/codes.ts";
import { AlloError, type Note } from "../../diagnostics/error.ts";
import type { Module } from "../../ir/nodes.ts";
import type { Ref } from "../refs.ts";

export interface PrimitiveResult {
  /** The new module; the very same object when the primitive changed nothing. */
  readonly module: Module;
  /**
   * What the step made, for the user to name in later steps: split gives [outer, inner] loops, fuse
   * the fused loop, bufferAt/reuseAt the new buffer, unfold the spatial region.
   */
  readonly handles?: readonly Ref[];
}

/**
 * A coded misuse error of `primitive` ("split", "bufferAt", ...). `text` names the loop or buffer
 * and says what would be valid; the message reads `split: ...`.
 */
export function primitiveError(
  code: Code,
  primitive: string,
  text: string,
  extra: { readonly notes?: readonly Note[]; readonly details?: Readonly<Record<string, unknown>> } = {},
): AlloError {
  return new AlloError(code, `${primitive}: ${text}`, {
    ...(extra.notes ? { notes: extra.notes } : {}),
    details: { primitive, ...extra.details },
  });
}
