// Compile-time constants: module-level `const` declarations of a kernel's file (and of files it imports
// relatively), folded on demand with the kernel typing rules (fold.ts); template values; dtype names.
// Anything that does not fold is AL1007 at its span. Also finds kernel functions by name, following
// relative imports, `export * from` re-exports and imports from allo-ts/library (./library-source.ts).

import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { internalError } from "../diagnostics/error.ts";
import { NAMED_DTYPES } from "../dsl/dtypes.ts";
import { constOf } from "../ir/build.ts";
import type { ConstExpr, Expr } from "../ir/nodes.ts";
import { truthy } from "../semantics/scalar.ts";
import {
  dtypeProblem,
  type ElemType,
  F32,
  fixedType,
  intType,
  isBool,
  sameType,
  uintType,
} from "../types/dtype.ts";
import { TypingError } from "../types/typing-rules.ts";
import {
  BINARY_OPS,
  boolConst,
  convertTo,
  FoldError,
  intLiteral,
  makeBinary,
  makeLogical,
  makeSelect,
  makeUnary,
  mathCall,
  numericLiteral,
} from "./fold.ts";
import { LIBRARY_MODULE, librarySourceDir } from "./library-source.ts";
import { errorAt, loadSource, type SourceFile } from "./source.ts";
import ts from "./typescript.cts";

/** A compile-time value: a typed scalar (as kernel code would type it), a dtype, or an object of them. */
export type ConstValue = ConstExpr | ElemType | { readonly [k: string]: ConstValue };

const DTYPE_KINDS = new Set(["int", "index", "float", "fixed"]);
export const isDType = (v: unknown): v is ElemType =>
  typeof v === "object" && v !== null && DTYPE_KINDS.has((v as { kind?: unknown }).kind as string);

/** A kernel function declaration and the file that holds it. */
export interface KernelDecl {
  readonly decl: ts.FunctionDeclaration;
  readonly file: FileScope;
}

/**
 * `const name = overload(f, g, ...)` (allo-ts's overload, src/dsl/overload.ts): one kernel name whose
 * forms are the kernels f, g, ... (found from the declaring file), in order.
 */
export interface OverloadDecl {
  readonly name: string;
  readonly forms: readonly KernelDecl[];
  readonly node: ts.Node;
  readonly file: FileScope;
}

/** Per-file view: constant declarations, kernel functions, relative imports. */
export class FileScope {
  private readonly constDecls = new Map<string, ts.Expression>();
  private readonly folded = new Map<string, ConstValue>();
  private readonly functions = new Map<string, ts.FunctionDeclaration>();
  private readonly imports = new Map<string, { from: string; name: string; node: ts.Node }>();
  private readonly inProgress = new Set<string>();
  /** `export * from "./x.ts"`: files whose kernels this file re-exports. */
  private readonly reexports: { from: string; node: ts.Node }[] = [];
  /** Local names of imports from "allo-ts", to their exported names (`int16 as toInt16`). */
  private readonly libraryImports = new Map<string, string>();
  private readonly overloads = new Map<string, OverloadDecl | null>();

  constructor(readonly sf: SourceFile) {
    for (const st of sf.ast.statements) {
      if (ts.isVariableStatement(st) && st.declarationList.flags & ts.NodeFlags.Const) {
        for (const d of st.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.initializer) this.constDecls.set(d.name.text, d.initializer);
        }
      } else if (ts.isFunctionDeclaration(st) && st.name) {
        this.functions.set(st.name.text, st);
      } else if (
        ts.isExportDeclaration(st) &&
        !st.exportClause &&
        st.moduleSpecifier &&
        ts.isStringLiteral(st.moduleSpecifier) &&
        st.moduleSpecifier.text.startsWith(".")
      ) {
        this.reexports.push({ from: st.moduleSpecifier.text, node: st });
      } else if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
        const from = st.moduleSpecifier.text;
        const named = st.importClause?.namedBindings;
        if (from === "allo-ts" && named && ts.isNamedImports(named)) {
          for (const el of named.elements)
            this.libraryImports.set(el.name.text, (el.propertyName ?? el.name).text);
        }
        if ((!from.startsWith(".") && from !== LIBRARY_MODULE) || !named || !ts.isNamedImports(named))
          continue;
        for (const el of named.elements) {
          this.imports.set(el.name.text, { from, name: (el.propertyName ?? el.name).text, node: el });
        }
      }
    }
  }

  /** The files this one imports a function declared as `name` from by a relative path (that exist). */
  filesImporting(name: string): string[] {
    if (!this.sf.absPath) return [];
    return [...this.imports.values()]
      .filter((imp) => imp.name === name && imp.from.startsWith("."))
      .flatMap((imp) => {
        try {
          return [resolveImport(this.sf, imp.from, imp.node)];
        } catch {
          return [];
        }
      });
  }

  private importedScope(name: string): { scope: FileScope; name: string } | undefined {
    const imp = this.imports.get(name);
    if (!imp) return undefined;
    if (imp.from === LIBRARY_MODULE)
      return { scope: scopeForFile(join(librarySourceDir(), "index.ts")), name: imp.name };
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
    if (init && this.overloaded(name)) return undefined; // a kernel name, not a value
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
    if (imp) return imp.scope.kernel(imp.name);
    for (const r of this.reexports) {
      const k = scopeForFile(resolveImport(this.sf, r.from, r.node)).kernel(name);
      if (k) return k;
    }
    return undefined;
  }

  /** An overloaded kernel visible in this file by `name` (declared here or imported), if it is one. */
  overloaded(name: string): OverloadDecl | undefined {
    const known = this.overloads.get(name);
    if (known !== undefined) return known ?? undefined;
    let found: OverloadDecl | undefined;
    const init = this.constDecls.get(name);
    if (init) found = this.overloadOf(name, init);
    else if (!this.functions.has(name)) {
      const imp = this.importedScope(name);
      if (imp) found = imp.scope.overloaded(imp.name);
      else {
        for (const r of this.reexports) {
          found = scopeForFile(resolveImport(this.sf, r.from, r.node)).overloaded(name);
          if (found) break;
        }
      }
    }
    this.overloads.set(name, found ?? null);
    return found;
  }

  /** `overload(f, g, ...)` with allo-ts's overload and kernels of this file as its forms (else AL1037). */
  private overloadOf(name: string, init: ts.Expression): OverloadDecl | undefined {
    if (!ts.isCallExpression(init) || !ts.isIdentifier(init.expression)) return undefined;
    const callee = init.expression.text;
    if (this.libraryName(callee) !== "overload" || !this.libraryImports.has(callee)) return undefined;
    const forms = init.arguments.map((a) => {
      const k = ts.isIdentifier(a) ? this.kernel(a.text) : undefined;
      if (!k) {
        throw errorAt(
          this.sf,
          a,
          "AL1037",
          `the forms of overloaded kernel '${name}' are kernel function names; '${a.getText(this.sf.ast)}' is not a kernel function declared in or imported into this file`,
        );
      }
      return k;
    });
    if (forms.length < 2) {
      throw errorAt(
        this.sf,
        init,
        "AL1037",
        `overloaded kernel '${name}' needs two or more forms: export const ${name} = overload(${name}A, ${name}B)`,
      );
    }
    return { name, forms, node: init, file: this };
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

/** Folds a constant expression; `lookup` resolves identifiers. Scalars fold as kernel code would. */
export function foldConst(
  e: ts.Expression,
  sf: SourceFile,
  lookup: (name: string) => ConstValue | undefined,
): ConstValue {
  const fail = (why: string) =>
    errorAt(sf, e, "AL1007", `${why}; shapes, bounds and sizes must be compile-time constants`);
  const fold = (x: ts.Expression) => foldConst(x, sf, lookup);
  const scalar = (x: ts.Expression): ConstExpr => {
    const v = fold(x);
    if (!isScalar(v)) throw errorAt(sf, x, "AL1007", `'${x.getText(sf.ast)}' is not a number or boolean`);
    return v;
  };
  /** Builds with the kernel rules; the result of constant operands is always a constant. */
  const typed = (build: () => Expr): ConstExpr => {
    try {
      const r = build();
      if (r.kind !== "const") throw internalError("a constant expression did not fold");
      return r;
    } catch (err) {
      if (err instanceof TypingError) throw errorAt(sf, e, "AL2008", err.message);
      if (err instanceof FoldError) throw errorAt(sf, e, err.code, err.message);
      throw err;
    }
  };
  if (
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isSatisfiesExpression(e) ||
    ts.isTypeAssertionExpression(e) ||
    ts.isNonNullExpression(e)
  ) {
    return fold(e.expression);
  }
  if (ts.isNumericLiteral(e)) return numericLiteral(e.getText(sf.ast));
  if (e.kind === ts.SyntaxKind.TrueKeyword) return boolConst(true);
  if (e.kind === ts.SyntaxKind.FalseKeyword) return boolConst(false);
  if (ts.isIdentifier(e)) {
    const v = lookup(e.text) ?? NAMED_DTYPES[e.text]?.dtype;
    if (v === undefined) throw fail(`'${e.text}' is not a known constant`);
    return v;
  }
  if (ts.isPrefixUnaryExpression(e)) {
    const op = UNARY[e.operator];
    if (e.operator === ts.SyntaxKind.PlusToken) return scalar(e.operand);
    if (!op) throw fail("this unary operation does not fold");
    const v = scalar(e.operand);
    return typed(() => makeUnary(op, v));
  }
  if (ts.isBinaryExpression(e)) {
    const k = e.operatorToken.kind;
    const K = ts.SyntaxKind;
    if (k === K.AmpersandAmpersandToken || k === K.BarBarToken) {
      const a = scalar(e.left);
      const b = scalar(e.right);
      return typed(() => makeLogical(k === K.AmpersandAmpersandToken, a, b));
    }
    const a = fold(e.left);
    const b = fold(e.right);
    const eq = k === K.EqualsEqualsEqualsToken || k === K.EqualsEqualsToken;
    if ((eq || k === K.ExclamationEqualsEqualsToken || k === K.ExclamationEqualsToken) && isDType(a))
      return boolConst(isDType(b) && sameType(a, b) === eq);
    if (!isScalar(a) || !isScalar(b)) throw fail("this operation does not fold to a number");
    if (k === K.AsteriskAsteriskToken) return typed(() => mathCall("pow", [a, b]));
    const op = BINARY_OPS[k];
    if (!op) throw fail(`operator '${e.operatorToken.getText(sf.ast)}' does not fold`);
    return typed(() => makeBinary(op, a, b));
  }
  if (ts.isConditionalExpression(e)) {
    const c = scalar(e.condition);
    const a = fold(e.whenTrue);
    const b = fold(e.whenFalse);
    if (isScalar(a) && isScalar(b)) return typed(() => makeSelect(c, a, b));
    return truthy(c.value) ? a : b;
  }
  if (ts.isObjectLiteralExpression(e)) {
    const o: Record<string, ConstValue> = {};
    for (const p of e.properties) {
      if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
        throw fail("only plain `key: value` properties fold");
      }
      o[p.name.text] = fold(p.initializer);
    }
    return o;
  }
  if (ts.isPropertyAccessExpression(e) && !e.questionDotToken) {
    if (ts.isIdentifier(e.expression) && e.expression.text === "Math" && !lookup("Math")) {
      const v = (Math as unknown as Record<string, unknown>)[e.name.text];
      if (typeof v === "number") return constOf(F32, Math.fround(v));
    }
    const o = fold(e.expression);
    if (isObject(o) && e.name.text in o) return o[e.name.text];
    throw fail(`'${e.getText(sf.ast)}' is not a constant property`);
  }
  if (ts.isCallExpression(e) && !e.questionDotToken) {
    const callee = e.expression;
    if (ts.isIdentifier(callee) && callee.text in DTYPE_CTORS) {
      const args = e.arguments.map((a) => {
        const n = plainInt(fold(a));
        if (n === undefined) throw errorAt(sf, a, "AL1007", `'${a.getText(sf.ast)}' is not an integer width`);
        return n;
      });
      return checkedDType(DTYPE_CTORS[callee.text](args), sf, e);
    }
    if (ts.isIdentifier(callee) && NAMED_DTYPES[callee.text] && e.arguments.length === 1) {
      const v = scalar(e.arguments[0]);
      return typed(() => convertTo(v, NAMED_DTYPES[callee.text].dtype));
    }
    if (
      ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === "Math"
    ) {
      const args = e.arguments.map(scalar);
      return typed(() => mathCall(callee.name.text, args));
    }
  }
  throw fail(`'${e.getText(sf.ast)}' is not a compile-time constant`);
}

const UNARY: Partial<Record<ts.SyntaxKind, "-" | "~" | "!">> = {
  [ts.SyntaxKind.MinusToken]: "-",
  [ts.SyntaxKind.TildeToken]: "~",
  [ts.SyntaxKind.ExclamationToken]: "!",
};

const DTYPE_CTORS: Record<string, (a: number[]) => ElemType> = {
  Int: (a) => intType(a[0]),
  UInt: (a) => uintType(a[0]),
  Fixed: (a) => fixedType(a[0], a[1], true),
  UFixed: (a) => fixedType(a[0], a[1], false),
};

export const isScalar = (v: ConstValue | undefined): v is ConstExpr =>
  typeof v === "object" && (v as { kind?: unknown }).kind === "const";

const isObject = (v: ConstValue): v is { readonly [k: string]: ConstValue } => !isDType(v) && !isScalar(v);

/** An integer constant as a plain number when it is a safe JavaScript integer (sizes, steps, widths). */
export function plainInt(v: ConstValue | undefined): number | undefined {
  if (!isScalar(v) || typeof v.value !== "bigint" || v.type.kind === "fixed" || isBool(v.type))
    return undefined;
  return v.value >= BigInt(Number.MIN_SAFE_INTEGER) && v.value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v.value)
    : undefined;
}

/**
 * A named constant used as a value is a literal of its value, as a plain number in Allo is: integers
 * take the literal type of their value (int32, else int64, else Int<W>); floats and bools keep theirs.
 */
export function asLiteral(v: ConstExpr): ConstExpr {
  return (v.type.kind === "int" && !isBool(v.type)) || v.type.kind === "index"
    ? intLiteral(v.value as bigint)
    : v;
}

/** A dtype whose width and fraction are possible, else AL2011 at `node`. */
export function checkedDType(t: ElemType, sf: SourceFile, node: ts.Node): ElemType {
  const why = dtypeProblem(t);
  if (why) throw errorAt(sf, node, "AL2011", why);
  return t;
}
