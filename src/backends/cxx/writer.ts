// Line output for one C++ function: indentation, the `\t// L<line>` location comment on each statement
// line whose source line is known, pragmas at the indentation of the statement they follow, and
// capture of the lines an expression needs so the emitter can decide where they go (short circuits).

import type { Span } from "../../ir/nodes.ts";

export class Writer {
  private out: string[] = [];
  private depth: number;
  /** The span of the statement being written; every line gets its location comment. */
  span: Span | undefined;

  constructor(
    depth: number,
    /** Text before each directive (`#pragma HLS `). */
    private readonly directivePrefix: string,
  ) {
    this.depth = depth;
  }

  line(text: string): void {
    const loc = this.span ? `\t// L${this.span.line}` : "";
    this.out.push(`${"  ".repeat(this.depth)}${text}${loc}`);
  }

  /** A line at the current indentation without a location comment (pragmas). */
  pragma(text: string): void {
    this.out.push(`${"  ".repeat(Math.max(this.depth - 1, 0))}${this.directivePrefix}${text}`);
  }

  /**
   * Writes `head {` (a bare `{` for an empty head), the body one level deeper, and `end` (`}`, or `};`
   * after a lambda); a head `} else` continues the block just closed.
   */
  block(head: string, body: () => void, pragmas: readonly string[] = [], end = "}"): void {
    if (head.startsWith("}")) this.out.pop();
    this.line(head ? `${head} {` : "{");
    this.depth++;
    for (const p of pragmas) this.pragma(p);
    body();
    this.depth--;
    this.out.push(`${"  ".repeat(this.depth)}${end}`);
  }

  /** Runs `f` one level deeper with its lines held back; returns them with f's result. */
  capture<T>(f: () => T): { lines: string[]; value: T } {
    const saved = this.out;
    this.out = [];
    this.depth++;
    try {
      const value = f();
      return { lines: this.out, value };
    } finally {
      this.depth--;
      this.out = saved;
    }
  }

  /**
   * Appends lines captured one level deeper inside a `head { ... }` written here; a head starting with
   * `}` continues the block just closed (`} else {`).
   */
  blockWith(head: string, lines: readonly string[], tail: readonly string[] = []): void {
    if (head.startsWith("}")) this.out.pop();
    this.line(`${head} {`);
    this.out.push(...lines);
    this.depth++;
    for (const t of tail) this.line(t);
    this.depth--;
    this.out.push(`${"  ".repeat(this.depth)}}`);
  }

  /** Lines captured at the current depth, written back unchanged. */
  raw(lines: readonly string[]): void {
    this.out.push(...lines);
  }

  text(): string {
    return this.out.length ? `${this.out.join("\n")}\n` : "";
  }
}
