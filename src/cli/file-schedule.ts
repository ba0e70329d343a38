// The kernel file's own `schedule(s)`, run without running the file: only that function's text is
// stripped of its types and evaluated, with the file's compile-time constants (folded as kernels see
// them) and its allo-ts imports in scope. A schedule that needs anything else from the file (a helper
// function, a `let`, another import) is AL9003 at that name, pointing to --schedule, which runs a file.

import { AlloError } from "../diagnostics/error.ts";
import { type ConstValue, isDType, isScalar, scopeForSource } from "../frontend/constants.ts";
import { errorAt, type SourceFile } from "../frontend/source.ts";
import ts from "../frontend/typescript.cts";
import * as library from "../index.ts";
import { isBool } from "../types/dtype.ts";

export type ScheduleFn = (s: library.Schedule) => unknown;

/** The file's exported `schedule` function, ready to call, or undefined when it exports none. */
export function fileSchedule(sf: SourceFile): ScheduleFn | undefined {
  const decl = sf.ast.statements.find(
    (st): st is ts.FunctionDeclaration =>
      ts.isFunctionDeclaration(st) &&
      st.name?.text === "schedule" &&
      (ts.getCombinedModifierFlags(st) & ts.ModifierFlags.Export) !== 0,
  );
  if (!decl?.body) return undefined;
  const js = ts.transpileModule(`${decl.getText(sf.ast).replace(/^export\s+/, "")}\n`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const names = freeNames(js);
  const values = names.map((n) => boundValue(sf, decl, n));
  const bound = names.filter((_, i) => values[i] !== UNBOUND);
  const make = new Function(...bound, `"use strict";\n${js}\nreturn schedule;`);
  return make(...values.filter((v) => v !== UNBOUND)) as ScheduleFn;
}

const UNBOUND = Symbol("unbound");

/** Identifiers the function reads but does not declare (globals such as Math among them). */
function freeNames(js: string): string[] {
  const sf = ts.createSourceFile("schedule.js", js, ts.ScriptTarget.ES2022, true);
  const declared = new Set<string>();
  const used = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      const isDeclName =
        (ts.isVariableDeclaration(p) ||
          ts.isParameter(p) ||
          ts.isFunctionDeclaration(p) ||
          ts.isFunctionExpression(p) ||
          ts.isClassDeclaration(p) ||
          ts.isBindingElement(p)) &&
        p.name === n;
      const isPropertyName =
        (ts.isPropertyAccessExpression(p) && p.name === n) ||
        ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p)) && p.name === n) ||
        (ts.isBindingElement(p) && p.propertyName === n);
      if (isDeclName) declared.add(n.text);
      else if (!isPropertyName) used.add(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return [...used].filter((n) => !declared.has(n));
}

/** What a free name of the schedule stands for in its file, or UNBOUND for a global. */
function boundValue(sf: SourceFile, decl: ts.FunctionDeclaration, name: string): unknown {
  const scope = scopeForSource(sf);
  const fromLibrary = libraryImports(sf).get(name);
  if (fromLibrary !== undefined) {
    if (fromLibrary in library) return (library as Record<string, unknown>)[fromLibrary];
    throw notInFile(sf, decl, name, `'${fromLibrary}' is not a value that allo-ts exports`);
  }
  if (scope.hasConstDecl(name)) {
    let v: ConstValue | undefined;
    try {
      v = scope.constant(name);
    } catch (e) {
      if (!(e instanceof AlloError)) throw e;
    }
    const js = v === undefined ? UNBOUND : toJs(v);
    if (js !== UNBOUND) return js;
    throw notInFile(sf, decl, name, `'${name}' is not a compile-time constant`);
  }
  if (moduleNames(sf).has(name)) throw notInFile(sf, decl, name, `'${name}' is defined by running the file`);
  return UNBOUND;
}

function notInFile(sf: SourceFile, decl: ts.FunctionDeclaration, name: string, why: string): AlloError {
  let at: ts.Node = decl;
  const find = (n: ts.Node): void => {
    if (at === decl && ts.isIdentifier(n) && n.text === name) at = n;
    else ts.forEachChild(n, find);
  };
  ts.forEachChild(decl.body!, find);
  return errorAt(
    sf,
    at,
    "AL9003",
    `schedule(s) uses '${name}' and the CLI does not run the kernel file (${why}); use constants only, ` +
      "or move schedule(s) into its own file and pass --schedule that-file.ts (that file is run)",
  );
}

/** A folded constant as the plain JavaScript value the schedule would have seen. */
function toJs(v: ConstValue): unknown {
  if (isDType(v)) return UNBOUND;
  if (isScalar(v)) {
    if (v.type.kind === "fixed") return UNBOUND;
    if (isBool(v.type)) return v.value !== 0n;
    if (typeof v.value !== "bigint") return v.value;
    const safe = v.value >= BigInt(Number.MIN_SAFE_INTEGER) && v.value <= BigInt(Number.MAX_SAFE_INTEGER);
    return safe ? Number(v.value) : UNBOUND;
  }
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(v)) {
    const x = toJs(f);
    if (x === UNBOUND) return UNBOUND;
    out[k] = x;
  }
  return out;
}

/** Local names imported from "allo-ts", to the names allo-ts exports them under. */
function libraryImports(sf: SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const st of sf.ast.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const named = st.importClause?.namedBindings;
    if (st.moduleSpecifier.text !== "allo-ts" || st.importClause?.isTypeOnly || !named) continue;
    if (!ts.isNamedImports(named)) continue;
    for (const el of named.elements) {
      if (!el.isTypeOnly) names.set(el.name.text, (el.propertyName ?? el.name).text);
    }
  }
  return names;
}

/** Every name the file declares at module level. */
function moduleNames(sf: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const st of sf.ast.statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
    } else if (
      (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) &&
      st.name
    ) {
      names.add(st.name.text);
    } else if (ts.isImportDeclaration(st) && st.importClause) {
      const c = st.importClause;
      if (c.name) names.add(c.name.text);
      const b = c.namedBindings;
      if (b && ts.isNamespaceImport(b)) names.add(b.name.text);
      if (b && ts.isNamedImports(b)) for (const el of b.elements) names.add(el.name.text);
    }
  }
  return names;
}
