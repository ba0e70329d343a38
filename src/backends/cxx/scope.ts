// What one emitted C++ function knows about IR names: how each buffer is accessed (array, plain scalar,
// one stream or an array of streams), the C++ names of loop variables and scalar parameters, ranges of
// loop variables and ranged parameters, temporaries, used helpers.

import { internalError } from "../../diagnostics/error.ts";
import type { Range } from "../../ir/analysis/range.ts";
import type { BitPosExpr, BufferDecl, Span } from "../../ir/nodes.ts";
import { uniqueLabel } from "./labels.ts";
import type { NameTable } from "./names.ts";
import type { Helper } from "./prelude.ts";

export type BufferView =
  /** `A[i][j]`; a 0-d array is `A[0]`. */
  | { readonly kind: "array"; readonly name: string; readonly decl: BufferDecl }
  /** A 0-d local held in a plain variable. */
  | { readonly kind: "scalar"; readonly name: string; readonly decl: BufferDecl }
  /** `s.read()` or, for an array of FIFOs, `s[i].read()`. */
  | { readonly kind: "stream"; readonly name: string; readonly decl: BufferDecl };

export function viewFor(b: BufferDecl, name: string): BufferView {
  if (b.stream) return { kind: "stream", name, decl: b };
  if (b.shape.length === 0 && b.role === "local") return { kind: "scalar", name, decl: b };
  return { kind: "array", name, decl: b };
}

export class Scope {
  readonly views = new Map<string, BufferView>();
  /** IR buffers this C++ function receives as parameters (everything else it declares itself). */
  readonly ports = new Set<string>();
  readonly ivs = new Map<string, string>();
  readonly params = new Map<string, string>();
  readonly ranges = new Map<string, Range>();
  /** Wraps an index the ranges do not prove in bounds (the target's checkIndex), if the target checks. */
  checkIndex?: (index: string, buffer: BufferDecl, dim: number) => string;
  /** Wraps a bit position the ranges do not prove inside its value (the target's checkBitPos), if any. */
  checkBitPos?: (pos: string, e: BitPosExpr) => string;
  /** A get from FIFO `fifo` written at `at`, when the target does not read hls::streams (coroutines). */
  streamRead?: (fifo: string, at: Span | undefined) => string;
  private temps = 0;

  constructor(
    readonly names: NameTable,
    readonly helpers: Set<Helper>,
    /** Labels are function-wide in C++. */
    readonly labels: Set<string> = new Set(),
  ) {}

  /** A fresh temporary; IR names never take the form v<N> (NameTable renames them). */
  temp(): string {
    return `v${this.temps++}`;
  }

  view(buffer: string): BufferView {
    const v = this.views.get(buffer);
    if (!v) throw internalError(`HLS emitter: buffer '${buffer}' has no C++ view`);
    return v;
  }

  label(base: string): string {
    return uniqueLabel(this.labels, base);
  }
}
