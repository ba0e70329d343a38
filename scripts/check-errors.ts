// Internal errors are raised one way: `internalError` in src/diagnostics/error.ts, whose message says the
// failure is a compiler bug. This check (run by `npm run lint` and by the test suite) reports every
// other construction of an Error (Error, TypeError, RangeError, with `new` or without) in src/; an
// argument-free `new Error()` that only captures a stack trace is allowed.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

const ERRORS = new Set(["Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError"]);
/** The one place that builds the Error of an internal error. */
const HOME = "diagnostics/error.ts";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** `file:line:col: what` for every hand-built error under `root` (a src/ folder). */
export function handBuiltErrors(root: string): string[] {
  const out: string[] = [];
  for (const path of sources(root)) {
    const file = relative(root, path).split("\\").join("/");
    const sf = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression)) {
        const name = n.expression.text;
        const args = n.arguments ?? ts.factory.createNodeArray();
        if (ERRORS.has(name) && args.length > 0 && file !== HOME) {
          const { line, character } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
          out.push(
            `src/${file}:${line + 1}:${character + 1}: ${name}(...) built by hand; use internalError() for a ` +
              "compiler bug or an AlloError with a code from src/diagnostics/codes.ts for a user error",
          );
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

if (import.meta.filename === resolve(process.argv[1] ?? "")) {
  const found = handBuiltErrors(resolve("src"));
  for (const f of found) console.error(`error: ${f}`);
  console.log(`hand-built errors in src/: ${found.length}`);
  if (found.length > 0) process.exit(1);
}
