// Kernel source files: read, parsed once with the `typescript` parser (no type checker: parsing is
// ~15 ms, a Program is over a second) and cached by path. Spans and coded errors point into them.
// Expressions and statements nested past their limits are refused here, before anything recurses.

import { readFileSync } from "node:fs";
import type { Code } from "../diagnostics/codes.ts";
import { AlloError, type Note } from "../diagnostics/error.ts";
import type { Span } from "../ir/nodes.ts";
import { expressionDepthError, parserDepthError, rawDepthError, statementDepthError } from "./depth.ts";
import ts from "./typescript.cts";

export interface SourceFile {
  /** Path as shown in diagnostics (relative to the working directory when inside it). */
  readonly path: string;
  /** Absolute path used to resolve relative imports, when the file is on disk. */
  readonly absPath?: string;
  readonly text: string;
  readonly ast: ts.SourceFile;
}

const cache = new Map<string, SourceFile>();

export function parseSource(path: string, text: string, absPath?: string): SourceFile {
  const key = `${absPath ?? path}\0${text.length}`;
  const hit = cache.get(key);
  if (hit && hit.text === text) return hit;
  const deep = rawDepthError(path, text);
  if (deep) throw deep;
  const ast = parse(path, text);
  const deeper = expressionDepthError(path, text, ast) ?? statementDepthError(path, text, ast);
  if (deeper) throw deeper;
  const sf: SourceFile = absPath ? { path, absPath, text, ast } : { path, text, ast };
  cache.set(key, sf);
  return sf;
}

/** The text last parsed under the path spans name (the design report shows the kernel's source). */
export function parsedSourceText(path: string): string | undefined {
  let text: string | undefined;
  for (const sf of cache.values()) if (sf.path === path) text = sf.text;
  return text;
}

function parse(path: string, text: string): ts.SourceFile {
  try {
    return ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  } catch (e) {
    if (e instanceof RangeError) throw parserDepthError(path, text);
    throw e;
  }
}

export function loadSource(absPath: string): SourceFile {
  return parseSource(displayPath(absPath), readFileSync(absPath, "utf8"), absPath);
}

export function displayPath(absPath: string): string {
  const cwd = `${process.cwd()}/`;
  return absPath.startsWith(cwd) ? absPath.slice(cwd.length) : absPath;
}

export function spanOf(sf: SourceFile, node: ts.Node): Span {
  const start = sf.ast.getLineAndCharacterOfPosition(node.getStart(sf.ast));
  const end = sf.ast.getLineAndCharacterOfPosition(node.getEnd());
  return {
    file: sf.path,
    line: start.line + 1,
    col: start.character + 1,
    endLine: end.line + 1,
    endCol: end.character + 1,
  };
}

/** A coded user error at a node of a source file, with code frame. */
export function errorAt(
  sf: SourceFile,
  node: ts.Node,
  code: Code,
  message: string,
  notes?: readonly Note[],
): AlloError {
  return new AlloError(code, message, {
    span: spanOf(sf, node),
    source: sf.text,
    ...(notes ? { notes } : {}),
  });
}

/** The syntax errors the parser recorded, as one AlloError (or undefined). */
export function syntaxError(sf: SourceFile): AlloError | undefined {
  const diags =
    (sf.ast as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const d = diags[0];
  if (!d) return undefined;
  const pos = sf.ast.getLineAndCharacterOfPosition(d.start);
  const span: Span = {
    file: sf.path,
    line: pos.line + 1,
    col: pos.character + 1,
    endLine: pos.line + 1,
    endCol: pos.character + 1 + Math.max(1, d.length),
  };
  return new AlloError(
    "AL1003",
    `${ts.flattenDiagnosticMessageText(d.messageText, " ").replace(/\.$/, "")}; fix the kernel source`,
    {
      span,
      source: sf.text,
    },
  );
}
