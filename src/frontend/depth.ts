// Expression nesting limit (AL1026). The parser, the lowering, the backends and the verifier all
// recurse over expressions, so a very deep one would overflow the JS stack; it is refused up front,
// measured without recursion: brackets in the raw text (before the recursive parser runs), then
// expression nodes in the parsed tree.

import { AlloError } from "../diagnostics/error.ts";
import type { Span } from "../ir/nodes.ts";
import ts from "./typescript.cts";

/** Deepest accepted expression nesting. A kernel at this depth still compiles, runs on every
 *  target and verifies with room to spare on Node's default stack (the first failure is ~900). */
export const MAX_EXPRESSION_DEPTH = 512;

const advice = (depth: number | string) =>
  `expression nested ${depth} deep; the limit is ${MAX_EXPRESSION_DEPTH}; split it into temporaries (const t = ...;) and combine those`;

function deepError(path: string, text: string, start: number, end: number, depth: number | string) {
  const at = (pos: number) => {
    const before = text.slice(0, pos);
    const line = before.split("\n").length;
    return { line, col: pos - before.lastIndexOf("\n") };
  };
  const a = at(start);
  const b = at(end);
  const span: Span = { file: path, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  return new AlloError("AL1026", advice(depth), { span, source: text });
}

/** Brackets `(` and `[` nested past the limit in the raw text, found with the (flat) scanner. */
export function bracketDepthError(path: string, text: string): AlloError | undefined {
  if (!/[([]/.test(text)) return undefined;
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, text);
  const opens: number[] = [];
  let worst = 0;
  let from = -1;
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    if (t === ts.SyntaxKind.OpenParenToken || t === ts.SyntaxKind.OpenBracketToken) {
      opens.push(scanner.getTokenStart());
      if (opens.length > MAX_EXPRESSION_DEPTH && from < 0) from = opens[0] ?? 0;
      worst = Math.max(worst, opens.length);
    } else if (t === ts.SyntaxKind.CloseParenToken || t === ts.SyntaxKind.CloseBracketToken) {
      opens.pop();
      if (opens.length === 0 && from >= 0) {
        return deepError(path, text, from, scanner.getTokenEnd(), worst);
      }
    }
  }
  return from >= 0 ? deepError(path, text, from, text.length, worst) : undefined;
}

/** The parser itself overflowed (deep nesting without brackets, e.g. `- - - ... x`). */
export function parserDepthError(path: string, text: string): AlloError {
  return new AlloError("AL1026", advice(`more than ${MAX_EXPRESSION_DEPTH}`), {
    span: { file: path, line: 1, col: 1, endLine: 1, endCol: 1 },
    source: text,
  });
}

/** The first outermost expression of the tree nested deeper than the limit, with its depth.
 *  Depth counts expression nodes that have sub-expressions (operators, calls, parentheses,
 *  indexing); names and literals add nothing, nor does an assignment (a statement in kernels). */
export function expressionDepthError(path: string, text: string, ast: ts.SourceFile): AlloError | undefined {
  const stack: { node: ts.Node; depth: number; root: ts.Node | undefined }[] = [
    { node: ast, depth: 0, root: undefined },
  ];
  let bad: ts.Node | undefined;
  let worst = 0;
  while (stack.length > 0) {
    const { node, depth, root } = stack.pop() as (typeof stack)[number];
    const kids: ts.Node[] = [];
    node.forEachChild((c) => {
      kids.push(c);
    });
    const counts = ts.isExpression(node) && kids.length > 0 && !isAssignment(node);
    const d = counts ? depth + 1 : depth;
    const r = root ?? (counts ? node : undefined);
    if (d > MAX_EXPRESSION_DEPTH && (bad === undefined || bad === r)) {
      bad = r;
      worst = Math.max(worst, d);
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as ts.Node, depth: d, root: r });
  }
  return bad ? deepError(path, text, bad.getStart(ast), bad.getEnd(), worst) : undefined;
}

const isAssignment = (n: ts.Node) =>
  ts.isBinaryExpression(n) &&
  n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
  n.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
