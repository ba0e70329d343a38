// Lowers kernel loops: `for (const [i, j] of grid(M, N, { name }))`, `range(lb, ub, step)`,
// `reduction(...)`, the type-argument forms `grid<[M, N]>()` / `range<M>()`, and C-style
// `for (let i = 0; i < N; i++)`. Loops get Allo's names: loop_name = the variable, band op_name =
// the user's `name` or `S_<vars>_<n>`.

import { idx } from "../ir/build.ts";
import type { Expr, ForStmt, LoopAttrs, Stmt } from "../ir/nodes.ts";
import { isBool } from "../types/dtype.ts";
import { foldConst, isScalar, plainInt } from "./constants.ts";
import type { FnContext } from "./context.ts";
import { fitsIndex, indexRangeError, lowerIndex } from "./lower-expr.ts";
import { readDim, readShape } from "./types.ts";
import ts from "./typescript.cts";

interface LoopHead {
  readonly vars: readonly ts.Identifier[];
  readonly bounds: readonly { lb: Expr; ub: Expr; step: number }[];
  readonly name?: string;
  readonly pipeline?: number;
  readonly unroll?: number;
  readonly reduction: boolean;
}

/** Loop bounds must be affine in enclosing loop variables and constants (statically interpretable). */
function staticBound(ctx: FnContext, node: ts.Expression): Expr {
  const e = lowerIndex(ctx, node);
  const ok = (x: Expr): boolean =>
    x.kind === "const" ||
    x.kind === "iv" ||
    (x.kind === "binary" && ok(x.lhs) && ok(x.rhs)) ||
    (x.kind === "cast" && ok(x.value));
  if (!ok(e)) {
    throw ctx.error(
      node,
      "AL1007",
      `the loop bound '${node.getText(ctx.sf.ast)}' is not a compile-time constant or an affine expression of enclosing loop variables`,
    );
  }
  return e;
}

export type BlockLowerer = (stmts: readonly ts.Statement[]) => Stmt[];

export function lowerForOf(ctx: FnContext, node: ts.ForOfStatement, lowerBody: BlockLowerer): Stmt {
  const head = readForOfHead(ctx, node);
  return buildLoops(ctx, node, head, () => lowerBody(blockOf(node.statement)));
}

export function lowerCFor(ctx: FnContext, node: ts.ForStatement, lowerBody: BlockLowerer): Stmt {
  const bad = (why: string) =>
    ctx.error(
      node,
      "AL1019",
      `${why}; write C-style loops as for (let i = lb; i < ub; i++) or i += step with a positive constant step`,
    );
  const init = node.initializer;
  if (!init || !ts.isVariableDeclarationList(init) || init.declarations.length !== 1)
    throw bad("one loop variable is needed");
  const d = init.declarations[0];
  if (!ts.isIdentifier(d.name) || !d.initializer) throw bad("the loop variable needs an initial value");
  const v = d.name;
  const lb = staticBound(ctx, d.initializer);
  const c = node.condition;
  if (!c || !ts.isBinaryExpression(c) || !ts.isIdentifier(c.left) || c.left.text !== v.text)
    throw bad(`the condition must compare '${v.text}'`);
  const inclusive = c.operatorToken.kind === ts.SyntaxKind.LessThanEqualsToken;
  if (!inclusive && c.operatorToken.kind !== ts.SyntaxKind.LessThanToken)
    throw bad("the condition must be < or <=");
  let ub = staticBound(ctx, c.right);
  if (inclusive) ub = addOne(ub);
  const step = readStep(ctx, node, v.text);
  if (step === undefined) throw bad("the update must be i++, ++i, i += c or i = i + c");
  return buildLoops(ctx, node, { vars: [v], bounds: [{ lb, ub, step }], reduction: false }, () =>
    lowerBody(blockOf(node.statement)),
  );
}

function addOne(e: Expr): Expr {
  if (e.kind === "const") return idx((e.value as bigint) + 1n);
  return { kind: "binary", op: "+", lhs: e, rhs: idx(1), type: e.type };
}

function readStep(ctx: FnContext, node: ts.ForStatement, v: string): number | undefined {
  const u = node.incrementor;
  if (!u) return undefined;
  const K = ts.SyntaxKind;
  if ((ts.isPostfixUnaryExpression(u) || ts.isPrefixUnaryExpression(u)) && u.operator === K.PlusPlusToken)
    return 1;
  if (!ts.isBinaryExpression(u) || !ts.isIdentifier(u.left) || u.left.text !== v) return undefined;
  let amount: ts.Expression | undefined;
  if (u.operatorToken.kind === K.PlusEqualsToken) amount = u.right;
  else if (
    u.operatorToken.kind === K.EqualsToken &&
    ts.isBinaryExpression(u.right) &&
    u.right.operatorToken.kind === K.PlusToken &&
    ts.isIdentifier(u.right.left) &&
    u.right.left.text === v
  ) {
    amount = u.right.right;
  }
  if (!amount) return undefined;
  const s = foldConst(amount, ctx.sf, (n) => {
    const b = ctx.lookup(n);
    return b?.kind === "const" ? b.value : undefined;
  });
  if (isScalar(s) && typeof s.value === "bigint" && !fitsIndex(s.value))
    throw indexRangeError(ctx, amount, s.value);
  const n = plainInt(s);
  if (n === undefined || n <= 0) {
    throw ctx.error(amount, "AL1019", "a loop step must be a positive integer constant");
  }
  return n;
}

function blockOf(s: ts.Statement): readonly ts.Statement[] {
  return ts.isBlock(s) ? s.statements : [s];
}

function readForOfHead(ctx: FnContext, node: ts.ForOfStatement): LoopHead {
  const init = node.initializer;
  const fail = (why: string) => ctx.error(node.expression, "AL1019", why);
  if (!ts.isVariableDeclarationList(init) || init.declarations.length !== 1)
    throw fail("declare the loop variables with const");
  const target = init.declarations[0].name;
  const vars: ts.Identifier[] = [];
  if (ts.isIdentifier(target)) vars.push(target);
  else if (ts.isArrayBindingPattern(target)) {
    for (const el of target.elements) {
      if (!ts.isBindingElement(el) || !ts.isIdentifier(el.name))
        throw fail("loop variables must be plain names");
      vars.push(el.name);
    }
  } else throw fail("loop variables must be plain names");
  const call = node.expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) {
    throw fail("iterate over grid(...), range(...) or reduction(...)");
  }
  const kind = call.expression.text;
  if (kind !== "grid" && kind !== "range" && kind !== "reduction") {
    throw fail(`'${kind}' is not a loop iterator; use grid(...), range(...) or reduction(...)`);
  }
  let args = [...call.arguments];
  const last = args[args.length - 1];
  const opts = last && ts.isObjectLiteralExpression(last) ? readOptions(ctx, last) : {};
  if (last && ts.isObjectLiteralExpression(last)) args = args.slice(0, -1);
  let bounds: { lb: Expr; ub: Expr; step: number }[];
  if (call.typeArguments?.length) {
    const lookup = (n: string) => {
      const b = ctx.lookup(n);
      return b?.kind === "const" ? b.value : undefined;
    };
    const ta = call.typeArguments[0];
    const extents = kind === "range" ? [readDim(ta, ctx.sf, lookup)] : readShape(ta, ctx.sf, lookup);
    bounds = extents.map((n) => ({ lb: idx(0), ub: idx(n), step: 1 }));
  } else if (kind === "range") {
    if (args.length < 1 || args.length > 3) throw fail("range takes (ub), (lb, ub) or (lb, ub, step)");
    const lb = args.length === 1 ? idx(0) : staticBound(ctx, args[0]);
    const ub = staticBound(ctx, args.length === 1 ? args[0] : args[1]);
    let step = 1;
    if (args.length === 3) {
      const s = lowerIndex(ctx, args[2]);
      if (s.kind !== "const" || (s.value as bigint) <= 0n) {
        throw ctx.error(args[2], "AL1019", "a loop step must be a positive integer constant");
      }
      step = Number(s.value);
    }
    bounds = [{ lb, ub, step }];
  } else {
    bounds = args.map((a) => ({ lb: idx(0), ub: staticBound(ctx, a), step: 1 }));
  }
  if (bounds.length !== vars.length) {
    throw fail(`${kind} gives ${bounds.length} loop variable(s) but ${vars.length} are declared`);
  }
  return { vars, bounds, ...opts, reduction: kind === "reduction" };
}

function readOptions(
  ctx: FnContext,
  o: ts.ObjectLiteralExpression,
): { name?: string; pipeline?: number; unroll?: number } {
  const out: { name?: string; pipeline?: number; unroll?: number } = {};
  for (const p of o.properties) {
    if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name))
      throw ctx.error(p, "AL1019", "loop options are { name, pipeline, unroll }");
    const key = p.name.text;
    const v = p.initializer;
    if (key === "name") {
      if (!ts.isStringLiteral(v)) throw ctx.error(v, "AL1019", "a band name must be a string literal");
      out.name = v.text;
    } else if (key === "pipeline" || key === "unroll") {
      const val = foldConst(v, ctx.sf, (n) => {
        const b = ctx.lookup(n);
        return b?.kind === "const" ? b.value : undefined;
      });
      const flag = isScalar(val) && isBool(val.type) ? val.value === 1n : undefined;
      if (flag === false) continue;
      const n = flag === true ? (key === "pipeline" ? 1 : 0) : plainInt(val);
      if (n === undefined || n < 0) {
        throw ctx.error(v, "AL1019", `${key} takes true or a non-negative integer`);
      }
      out[key] = n;
    } else throw ctx.error(p, "AL1019", `unknown loop option '${key}'; use name, pipeline or unroll`);
  }
  return out;
}

function buildLoops(ctx: FnContext, node: ts.Node, head: LoopHead, body: () => Stmt[]): Stmt {
  const names = head.vars.map((v) => v.text);
  const opName = head.name ?? `S_${names.join("_")}_${ctx.bandCounter}`;
  ctx.push();
  const ivs = head.vars.map((v) => {
    const iv = ctx.unique(v.text);
    ctx.bind(v.text, { kind: "iv", iv, loopName: v.text }, v);
    return iv;
  });
  const inner = body();
  ctx.pop();
  ctx.bandCounter += 1;
  let loop: Stmt[] = inner;
  for (let k = head.vars.length - 1; k >= 0; k--) {
    const attrs: LoopAttrs = {
      ...(k === 0 ? { opName } : {}),
      ...(head.reduction ? { reduction: true } : {}),
      ...(k === head.vars.length - 1 && head.pipeline !== undefined ? { pipelineII: head.pipeline } : {}),
      ...(k === head.vars.length - 1 && head.unroll !== undefined ? { unroll: head.unroll } : {}),
    };
    const b = head.bounds[k];
    const f: ForStmt = {
      kind: "for",
      iv: ivs[k],
      name: names[k],
      lb: b.lb,
      ub: b.ub,
      step: b.step,
      attrs,
      body: loop,
      span: ctx.span(k === 0 ? node : head.vars[k]),
    };
    loop = [f];
  }
  return loop[0];
}
