// Compile-time constants: module-level `const` declarations of a kernel's file (and of files it imports
// relatively), folded on demand; template values; dtype names. Anything that does not fold is AL1007
// at its span. Also finds kernel functions by name, following relative imports.

import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import ts from "typescript";
import { NAMED_DTYPES } from "../dsl/dtypes.ts";
import { type DType, fixedType, intType, uintType } from "../types/dtype.ts";
import { errorAt, loadSource, type SourceFile } from "./source.ts";

export type ConstValue = number | boolean | DType | { readonly [k: string]: ConstValue };

export const isDType = (v: unknown): v is DType =>
  typeof v === "object" && v !== null && "kind" in v && typeof (v as { kind: unknown }).kind === "string";

/** A kernel function declaration and the file that holds it. */
export interface KernelDecl {
  readonly decl: ts.FunctionDeclaration;
  readonly file: FileScope;
}

/** Per-file view: constant declarations, kernel functions, relative imports. */
export class FileScope {
  private readonly constDecls = new Map<string, ts.Expression>();
  private readonly folded = new Map<string, ConstValue>();
  private readonly functions = new Map<string, ts.FunctionDeclaration>();
  private readonly imports = new Map<string, { from: string; name: string; node: ts.Node }>();
  private readonly inProgress = new Set<string>();
  /** Local names of imports from "allo-ts", to their exported names (`int16 as toInt16`). */
  private readonly libraryImports = new Map<string, string>();

  constructor(readonly sf: SourceFile) {
    for (const st of sf.ast.statements) {
      if (ts.isVariableStatement(st) && st.declarationList.flags & ts.NodeFlags.Const) {
        for (const d of st.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.initializer) this.constDecls.set(d.name.text, d.initializer);
        }
      } else if (ts.isFunctionDeclaration(st) && st.name) {
        this.functions.set(st.name.text, st);
      } else if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
        const from = st.moduleSpecifier.text;
        const named = st.importClause?.namedBindings;
        if (from === "allo-ts" && named && ts.isNamedImports(named)) {
          for (const el of named.elements)
            this.libraryImports.set(el.name.text, (el.propertyName ?? el.name).text);
        }
        if (!from.startsWith(".") || !named || !ts.isNamedImports(named)) continue;
        for (const el of named.elements) {
          this.imports.set(el.name.text, { from, name: (el.propertyName ?? el.name).text, node: el });
        }
      }
    }
  }

  private importedScope(name: string): { scope: FileScope; name: string } | undefined {
    const imp = this.imports.get(name);
    if (!imp) return undefined;
    if (!this.sf.absPath) {
      throw errorAt(
        this.sf,
        imp.node,
        "AL1022",
        `'${name}' is imported from '${imp.from}', but this source text has no file on disk; ` +
          "pass { file: '/abs/path/kernel.ts' } to customize() so relative imports resolve",
      );
    }
    return { scope: scopeForFile(resolveImport(this.sf, imp.from, imp.node)), name: imp.name };
  }

  /** The folded value of a module-level constant (own or imported), or undefined if there is none. */
  constant(name: string): ConstValue | undefined {
    const known = this.folded.get(name);
    if (known !== undefined) return known;
    const init = this.constDecls.get(name);
    if (init) {
      if (this.inProgress.has(name))
        throw errorAt(this.sf, init, "AL1007", `constant '${name}' depends on itself`);
      this.inProgress.add(name);
      try {
        const v = foldConst(init, this.sf, (n) => this.constant(n));
        this.folded.set(name, v);
        return v;
      } finally {
        this.inProgress.delete(name);
      }
    }
    const imp = this.importedScope(name);
    return imp?.scope.constant(imp.name);
  }

  /** Whether a module constant's initializer is written with a decimal point or exponent (a float). */
  isFloatConst(name: string): boolean {
    const init = this.constDecls.get(name);
    return (
      init !== undefined && /(^|[^\w.])\d+(\.\d*)?[eE]|\d\.\d|\d\.(?!\w)/.test(init.getText(this.sf.ast))
    );
  }

  /** The library name a local identifier stands for (itself unless imported under an alias). */
  libraryName(local: string): string {
    return this.libraryImports.get(local) ?? local;
  }

  hasConstDecl(name: string): boolean {
    return this.constDecls.has(name) || this.imports.has(name);
  }

  /** A kernel function visible in this file by `name` (declared here or imported relatively). */
  kernel(name: string): KernelDecl | undefined {
    const local = this.functions.get(name);
    if (local) return { decl: local, file: this };
    const imp = this.importedScope(name);
    return imp?.scope.kernel(imp.name);
  }

  exportedFunctionNames(): string[] {
    return [...this.functions.values()]
      .filter((f) => ts.getCombinedModifierFlags(f) & ts.ModifierFlags.Export)
      .map((f) => f.name!.text);
  }

  functionNames(): string[] {
    return [...this.functions.keys()];
  }
}

const scopes = new Map<SourceFile, FileScope>();
export function scopeForSource(sf: SourceFile): FileScope {
  let s = scopes.get(sf);
  if (!s) {
    s = new FileScope(sf);
    scopes.set(sf, s);
  }
  return s;
}
const scopeForFile = (abs: string): FileScope => scopeForSource(loadSource(abs));

function resolveImport(sf: SourceFile, spec: string, node: ts.Node): string {
  const base = resolve(dirname(sf.absPath!), spec);
  const candidates = [base, base.replace(/\.js$/, ".ts"), `${base}.ts`, `${base}/index.ts`];
  const found = candidates.find((c) => c.endsWith(".ts") && existsSync(c));
  if (!found)
    throw errorAt(sf, node, "AL1022", `cannot find the module '${spec}' (looked for ${candidates[2]})`);
  return found;
}

/** Folds a constant expression; `lookup` resolves identifiers. */
export function foldConst(
  e: ts.Expression,
  sf: SourceFile,
  lookup: (name: string) => ConstValue | undefined,
): ConstValue {
  const fail = (why: string) =>
    errorAt(sf, e, "AL1007", `${why}; shapes, bounds and sizes must be compile-time constants`);
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) {
    return foldConst(e.expression, sf, lookup);
  }
  if (ts.isTypeAssertionExpression(e) || ts.isNonNullExpression(e))
    return foldConst(e.expression, sf, lookup);
  if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ""));
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isIdentifier(e)) {
    const v = lookup(e.text) ?? NAMED_DTYPES[e.text]?.dtype;
    if (v === undefined) throw fail(`'${e.text}' is not a known constant`);
    return v;
  }
  if (ts.isPrefixUnaryExpression(e)) {
    const v = foldConst(e.operand, sf, lookup);
    if (e.operator === ts.SyntaxKind.MinusToken && typeof v === "number") return -v;
    if (e.operator === ts.SyntaxKind.PlusToken && typeof v === "number") return v;
    if (e.operator === ts.SyntaxKind.ExclamationToken) return !v;
    if (e.operator === ts.SyntaxKind.TildeToken && typeof v === "number") return ~v;
    throw fail("this unary operation does not fold");
  }
  if (ts.isBinaryExpression(e)) {
    const a = foldConst(e.left, sf, lookup);
    const b = foldConst(e.right, sf, lookup);
    const r = foldBinary(e.operatorToken.kind, a, b);
    if (r === undefined) throw fail("this operation does not fold to a number");
    return r;
  }
  if (ts.isConditionalExpression(e)) {
    return foldConst(e.condition, sf, lookup)
      ? foldConst(e.whenTrue, sf, lookup)
      : foldConst(e.whenFalse, sf, lookup);
  }
  if (ts.isObjectLiteralExpression(e)) {
    const o: Record<string, ConstValue> = {};
    for (const p of e.properties) {
      if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
        throw fail("only plain `key: value` properties fold");
      }
      o[p.name.text] = foldConst(p.initializer, sf, lookup);
    }
    return o;
  }
  if (ts.isPropertyAccessExpression(e)) {
    const o = foldConst(e.expression, sf, lookup);
    if (typeof o === "object" && !isDType(o) && e.name.text in o)
      return (o as Record<string, ConstValue>)[e.name.text];
    throw fail(`'${e.getText(sf.ast)}' is not a constant property`);
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) {
    const args = e.arguments.map((a) => foldConst(a, sf, lookup));
    const n = (i: number) => args[i] as number;
    switch (e.expression.text) {
      case "Int":
        return intType(n(0));
      case "UInt":
        return uintType(n(0));
      case "Fixed":
        return fixedType(n(0), n(1), true);
      case "UFixed":
        return fixedType(n(0), n(1), false);
    }
  }
  if (ts.isPropertyAccessExpression(e) || ts.isCallExpression(e)) {
    const text = e.getText(sf.ast);
    const m = /^Math\.(\w+)$/.exec(ts.isCallExpression(e) ? e.expression.getText(sf.ast) : text);
    if (m) {
      const fn = (Math as unknown as Record<string, unknown>)[m[1]];
      if (typeof fn === "number") return fn;
      if (typeof fn === "function" && ts.isCallExpression(e)) {
        return (fn as (...x: number[]) => number)(
          ...e.arguments.map((a) => foldConst(a, sf, lookup) as number),
        );
      }
    }
  }
  throw fail(`'${e.getText(sf.ast)}' is not a compile-time constant`);
}

function foldBinary(op: ts.SyntaxKind, a: ConstValue, b: ConstValue): ConstValue | undefined {
  const K = ts.SyntaxKind;
  if (op === K.EqualsEqualsEqualsToken || op === K.EqualsEqualsToken) return sameConst(a, b);
  if (op === K.ExclamationEqualsEqualsToken || op === K.ExclamationEqualsToken) return !sameConst(a, b);
  if (op === K.AmpersandAmpersandToken) return a && b;
  if (op === K.BarBarToken) return a || b;
  if (typeof a !== "number" || typeof b !== "number") return undefined;
  const table: Partial<Record<ts.SyntaxKind, (x: number, y: number) => ConstValue>> = {
    [K.PlusToken]: (x, y) => x + y,
    [K.MinusToken]: (x, y) => x - y,
    [K.AsteriskToken]: (x, y) => x * y,
    [K.SlashToken]: (x, y) => (Number.isInteger(x) && Number.isInteger(y) ? Math.trunc(x / y) : x / y),
    [K.PercentToken]: (x, y) => x % y,
    [K.AsteriskAsteriskToken]: (x, y) => x ** y,
    [K.LessThanLessThanToken]: (x, y) => x << y,
    [K.GreaterThanGreaterThanToken]: (x, y) => x >> y,
    [K.AmpersandToken]: (x, y) => x & y,
    [K.BarToken]: (x, y) => x | y,
    [K.CaretToken]: (x, y) => x ^ y,
    [K.LessThanToken]: (x, y) => x < y,
    [K.LessThanEqualsToken]: (x, y) => x <= y,
    [K.GreaterThanToken]: (x, y) => x > y,
    [K.GreaterThanEqualsToken]: (x, y) => x >= y,
  };
  return table[op]?.(a, b);
}

function sameConst(a: ConstValue, b: ConstValue): boolean {
  if (isDType(a) && isDType(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}
