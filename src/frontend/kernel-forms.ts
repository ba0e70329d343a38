// Kernel forms users write that allo-ts does not compile, found when no function declaration has the
// requested name: an arrow function or function expression bound to a const, and a method of a class or
// object literal. Each gets its own code at the user's definition, with the declaration to write instead.

import type { AlloError } from "../diagnostics/error.ts";
import { errorAt, type SourceFile } from "./source.ts";
import ts from "./typescript.cts";

type FunctionLike = ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

/** The declaration to write instead, with the user's own parameters and result type. */
function declaration(sf: SourceFile, name: string, fn: FunctionLike): string {
  const params = fn.parameters.map((p) => p.getText(sf.ast)).join(", ");
  return `export function ${name}(${params}): ${fn.type?.getText(sf.ast) ?? "void"} { ... }`;
}

/** The error for a kernel `name` defined in one of the unsupported forms, if it is. */
export function unsupportedKernelForm(sf: SourceFile, name: string): AlloError | undefined {
  for (const st of sf.ast.statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (ts.isIdentifier(d.name) && d.name.text === name && init && isFunctionValue(init)) {
          const fn = init as ts.ArrowFunction | ts.FunctionExpression;
          const form = ts.isArrowFunction(init) ? "an arrow function" : "a function expression";
          return errorAt(
            sf,
            d.name,
            "AL1031",
            `kernel '${name}' is ${form}; kernels are function declarations (they are found and compiled by name): write ${declaration(sf, name, fn)}`,
          );
        }
        if (init && ts.isObjectLiteralExpression(init)) {
          const m = init.properties.find((p) => functionOf(p, name));
          if (m) return methodError(sf, m, name, "object", d.name.getText(sf.ast));
        }
      }
    }
    if (ts.isClassDeclaration(st)) {
      const m = st.members.find((p) => functionOf(p, name));
      if (m) return methodError(sf, m, name, "class", st.name?.text ?? "(anonymous)");
    }
  }
  return undefined;
}

const isFunctionValue = (e: ts.Expression): boolean => ts.isArrowFunction(e) || ts.isFunctionExpression(e);

/** The function of a method, or of a property holding one, called `name`. */
function functionOf(
  m: ts.ClassElement | ts.ObjectLiteralElementLike,
  name: string,
): FunctionLike | undefined {
  if (!m.name || !ts.isIdentifier(m.name) || m.name.text !== name) return undefined;
  if (ts.isMethodDeclaration(m)) return m;
  const init = ts.isPropertyAssignment(m) || ts.isPropertyDeclaration(m) ? m.initializer : undefined;
  return init && isFunctionValue(init) ? (init as FunctionLike) : undefined;
}

function methodError(
  sf: SourceFile,
  m: ts.ClassElement | ts.ObjectLiteralElementLike,
  name: string,
  kind: "class" | "object",
  owner: string,
): AlloError {
  return errorAt(
    sf,
    m.name!,
    "AL1032",
    `kernel '${name}' is a method of ${kind} '${owner}'; kernels are top-level function declarations (no 'this'): move it out of the ${kind} as ${declaration(sf, name, functionOf(m, name)!)}`,
  );
}
