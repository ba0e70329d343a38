// Code frames: the offending source lines with a gutter and a `~~~` squiggle under the span.

import type { Span } from "../ir/nodes.ts";

export function codeFrame(source: string, span: Span): string {
  const lines = source.split("\n");
  const last = Math.min(span.endLine, span.line + 2, lines.length);
  const width = String(last).length;
  const out: string[] = [];
  for (let ln = span.line; ln <= last; ln++) {
    const text = (lines[ln - 1] ?? "").replace(/\t/g, " ");
    out.push(`${String(ln).padStart(width)} | ${text}`);
    const from = ln === span.line ? span.col : firstNonSpace(text);
    const to = ln === span.endLine ? span.endCol : text.length + 1;
    const n = Math.max(1, to - from);
    out.push(`${" ".repeat(width)} | ${" ".repeat(Math.max(0, from - 1))}${"~".repeat(n)}`);
  }
  return out.join("\n");
}

function firstNonSpace(s: string): number {
  const m = /\S/.exec(s);
  return m ? m.index + 1 : 1;
}
