// Where the user called a schedule method: the first stack frame outside allo-ts's own src/ directory,
// as a span (path relative to the working directory when inside it, so messages are stable). Under
// tsx the stack is source-mapped, so the line and column are those of the user's .ts file.

import { readFileSync } from "node:fs";
import { dirname, isAbsolute, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { AlloError } from "../diagnostics/error.ts";
import type { Span } from "../ir/nodes.ts";

const SRC_DIR = dirname(dirname(fileURLToPath(import.meta.url))) + sep;

/** Frames look like `at fn (file:///x/y.ts:3:5)` or `at /x/y.ts:3:5`. */
const FRAME = /\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?\s*$/;

/** The user's call site; undefined when the stack has no frame outside src/. */
export function callSite(): Span | undefined {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 64;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  for (const line of stack.split("\n").slice(1)) {
    const m = FRAME.exec(line.trim());
    if (!m) continue;
    const file = m[1].startsWith("file://") ? fileURLToPath(m[1]) : m[1];
    if (!isAbsolute(file) || file.startsWith(SRC_DIR) || file.startsWith("node:")) continue;
    const ln = Number(m[2]);
    const col = Number(m[3]);
    const shown = relative(process.cwd(), file);
    return { file: shown.startsWith("..") ? file : shown, line: ln, col, endLine: ln, endCol: col + 1 };
  }
  return undefined;
}

/** Length of `name(...)` starting at the column, to underline the whole call when it fits on the line. */
function callLength(source: string, line: number, col: number): number {
  const rest = (source.split("\n")[line - 1] ?? "").slice(col - 1);
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "(") depth++;
    else if (rest[i] === ")" && --depth === 0) return i + 1;
  }
  return Math.max(1, /^[\w$]*/.exec(rest)?.[0].length ?? 1);
}

function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The error again, now pointing at the user's call (unchanged when it already has a span). */
export function atCallSite(e: AlloError, site: Span | undefined): AlloError {
  if (e.span || !site) return e;
  const source = readSource(isAbsolute(site.file) ? site.file : `${process.cwd()}${sep}${site.file}`);
  const span =
    source === undefined ? site : { ...site, endCol: site.col + callLength(source, site.line, site.col) };
  return new AlloError(e.code, e.text, {
    span,
    ...(source !== undefined ? { source } : {}),
    ...(e.notes ? { notes: e.notes } : {}),
    ...(e.details ? { details: e.details } : {}),
  });
}
