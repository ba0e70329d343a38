// Nesting limits: expressions (AL1026) and statements (AL1029). The parser, the lowering, the backends
// and the verifier all recurse over expressions and statement bodies, so a very deep nest would overflow
// the JS stack; it is refused up front, measured without recursion: brackets and braces in the raw text
// (before the recursive parser runs), then expression and statement nodes in the parsed tree.

import { AlloError } from "../diagnostics/error.ts";
import type { Span } from "../ir/nodes.ts";
import ts from "./typescript.cts";

/** Deepest accepted expression nesting. A kernel at this depth still compiles, runs on every
 *  target and verifies with room to spare on Node's default stack (the first failure is ~900). */
export const MAX_EXPRESSION_DEPTH = 512;

/** Deepest accepted statement nesting inside a function: loops, if and else-if arms and bare blocks each
 *  add a level. Every target (and an expression at its own limit inside) still has stack to spare. */
export const MAX_STATEMENT_DEPTH = 256;

const advice = (depth: number | string) =>
  `expression nested ${depth} deep; the limit is ${MAX_EXPRESSION_DEPTH}; split it into temporaries (const t = ...;) and combine those`;

const statementAdvice = (depth: number) =>
  `statements nested ${depth} deep (blocks, loops, if and else-if arms each count); the limit is ${MAX_STATEMENT_DEPTH}; move the inner part into a kernel of its own and call it, or write a long else-if chain as a sequence of ifs`;

function deepError(
  path: string,
  text: string,
  start: number,
  end: number,
  message: string,
  code: "AL1026" | "AL1029" = "AL1026",
) {
  const at = (pos: number) => {
    const before = text.slice(0, pos);
    const line = before.split("\n").length;
    return { line, col: pos - before.lastIndexOf("\n") };
  };
  const a = at(start);
  const b = at(end);
  const span: Span = { file: path, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  return new AlloError(code, message, { span, source: text });
}

/** Brackets `(` `[` or braces `{` nested past their limit in the raw text, found with the (flat) scanner. */
export function rawDepthError(path: string, text: string): AlloError | undefined {
  if (!/[([{]/.test(text)) return undefined;
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, text);
  const opens: number[] = [];
  const braces: number[] = [];
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
        return deepError(path, text, from, scanner.getTokenEnd(), advice(worst));
      }
    } else if (t === ts.SyntaxKind.OpenBraceToken) {
      braces.push(scanner.getTokenStart());
      // One more brace than levels: a function's body adds none.
      if (braces.length > MAX_STATEMENT_DEPTH + 1) {
        const at = braces[MAX_STATEMENT_DEPTH + 1] ?? 0;
        return deepError(path, text, at, at + 1, statementAdvice(braces.length - 1), "AL1029");
      }
    } else if (t === ts.SyntaxKind.CloseBraceToken) braces.pop();
  }
  return from >= 0 ? deepError(path, text, from, text.length, advice(worst)) : undefined;
}

/** The parser itself overflowed (deep nesting without brackets, e.g. `- - - ... x` or `if (c) if (c) ...`). */
export function parserDepthError(path: string, text: string): AlloError {
  return new AlloError(
    "AL1026",
    `the source nests too deeply to parse; expressions may nest ${MAX_EXPRESSION_DEPTH} deep and statements ${MAX_STATEMENT_DEPTH}: split expressions into temporaries (const t = ...;) and move inner statements into kernels of their own`,
    { span: { file: path, line: 1, col: 1, endLine: 1, endCol: 1 }, source: text },
  );
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
  return bad ? deepError(path, text, bad.getStart(ast), bad.getEnd(), advice(worst)) : undefined;
}

/** The first statement nested past MAX_STATEMENT_DEPTH, with the deepest nesting below it. */
export function statementDepthError(path: string, text: string, ast: ts.SourceFile): AlloError | undefined {
  const stack: { node: ts.Node; depth: number }[] = [{ node: ast, depth: 0 }];
  let bad: ts.Node | undefined;
  let worst = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as (typeof stack)[number];
    const d = addsLevel(node) ? depth + 1 : depth;
    if (d > MAX_STATEMENT_DEPTH) {
      bad ??= node;
      worst = Math.max(worst, d);
    }
    const kids: ts.Node[] = [];
    node.forEachChild((c) => {
      kids.push(c);
    });
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as ts.Node, depth: d });
  }
  if (!bad) return undefined;
  return deepError(path, text, bad.getStart(ast), bad.getEnd(), statementAdvice(worst), "AL1029");
}

/** A block adds a level only when it stands alone (not as the body of a function, an if or a loop). */
function addsLevel(n: ts.Node): boolean {
  if (ts.isIfStatement(n) || ts.isIterationStatement(n, false)) return true;
  const p = n.parent;
  return ts.isBlock(n) && !ts.isFunctionLike(p) && !ts.isIfStatement(p) && !ts.isIterationStatement(p, false);
}

const isAssignment = (n: ts.Node) =>
  ts.isBinaryExpression(n) &&
  n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
  n.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
