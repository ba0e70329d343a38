// Finds the original .ts source of a kernel function passed to customize(fn). Usually the file that
// calls customize(fn) declares fn: when the caller's file (from the stack) declares a function of that
// name with the same parameters, that is the file. Otherwise V8 knows each function's script: an
// in-thread inspector session (synchronous) maps the function to its script URL, and the kernel is
// then found by name in the original file, so no source map is needed (works under tsx and under the
// test runner); enabling the debugger costs about 100 ms, which the caller's file saves. Fails with
// AL1001 saying how to pass the source text instead.

import { Session } from "node:inspector";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { AlloError } from "../diagnostics/error.ts";
import type { SourceFile } from "./source.ts";
import ts from "./typescript.cts";

/** allo-ts's own code (src/ or dist/): frames there are not the caller. */
const OWN = dirname(dirname(fileURLToPath(import.meta.url)));

/** A script URL or file name as V8 reports it, as a path (undefined when it names no file). */
function scriptPath(url: string): string | undefined {
  if (url.startsWith("file://")) return fileURLToPath(url);
  if (url.startsWith("/")) return url;
  // tsx evaluates a CommonJS .ts file imported from an ES module as a data: URL naming the file.
  const tsxFile = url.startsWith("data:") ? /[?&]filePath=([^&]+)$/.exec(url)?.[1] : undefined;
  return tsxFile ? decodeURIComponent(tsxFile) : undefined;
}

/** The file of the nearest caller outside allo-ts, from the stack. */
export function callerFile(): string | undefined {
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  const holder: { stack?: NodeJS.CallSite[] } = {};
  try {
    Error.stackTraceLimit = 30;
    Error.prepareStackTrace = (_, calls) => calls;
    Error.captureStackTrace(holder);
    for (const call of holder.stack ?? []) {
      const path = scriptPath(call.getFileName() ?? "");
      if (path && !path.startsWith(`${OWN}/`) && !path.startsWith("node:")) return path;
    }
    return undefined;
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}

/** The parameter names of a function from its text, or undefined past plain identifiers. */
function paramNames(fn: Function): string[] | undefined {
  const list = /^function\s*[\w$]*\s*\(([^)]*)\)/.exec(fn.toString())?.[1];
  if (list === undefined) return undefined;
  const names = list
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return names.every((n) => /^[A-Za-z_$][\w$]*$/.test(n)) ? names : undefined;
}

/** A parameter name as the running code has it: esbuild (tsx) renames A to A2 where A is taken. */
const sameName = (running: string, declared: string): boolean =>
  running === declared || (running.startsWith(declared) && /^\d+$/.test(running.slice(declared.length)));

/** Whether `sf` declares, at its top level, a function named as `fn` with the same parameter names. */
export function declaresFunction(sf: SourceFile, fn: Function): boolean {
  const params = paramNames(fn);
  if (!params || !fn.name) return false;
  return sf.ast.statements.some(
    (st) =>
      ts.isFunctionDeclaration(st) &&
      st.name?.text === fn.name &&
      st.parameters.length === params.length &&
      st.parameters.every((p, k) => ts.isIdentifier(p.name) && sameName(params[k], p.name.text)),
  );
}

/** How often the inspector was asked (tests check that the caller's file spares it). */
export const locateStats = { inspector: 0 };

let session: Session | undefined;
const scriptUrls = new Map<string, string>();

function post<T>(method: string, params?: object): T {
  if (!session) {
    session = new Session();
    session.connect();
    session.on("Debugger.scriptParsed", (m) => {
      scriptUrls.set(m.params.scriptId, m.params.url);
    });
  }
  let result: unknown;
  let error: unknown;
  session.post(method, params ?? {}, (e, r) => {
    error = e;
    result = r;
  });
  if (error) throw error;
  return result as T;
}

interface RemoteProps {
  internalProperties?: { name: string; value?: { value?: { scriptId: string } } }[];
}

/** Absolute path of the file that defines `fn`. */
export function locateFunctionFile(fn: Function): string {
  const fail = (why: string) =>
    new AlloError(
      "AL1001",
      `cannot locate the source of kernel '${fn.name || "<anonymous>"}' (${why}); pass its text instead: ` +
        `customize(sourceText, { name: "${fn.name || "kernel"}", file: "kernel.ts" })`,
    );
  locateStats.inspector++;
  try {
    const key = `__allo_locate_${process.pid}`;
    (globalThis as Record<string, unknown>)[key] = fn;
    const { result } = post<{ result: { objectId?: string } }>("Runtime.evaluate", {
      expression: `globalThis.${key}`,
    });
    delete (globalThis as Record<string, unknown>)[key];
    if (!result.objectId) throw fail("the inspector returned no object");
    const props = post<RemoteProps>("Runtime.getProperties", {
      objectId: result.objectId,
      ownProperties: true,
    });
    post("Runtime.releaseObject", { objectId: result.objectId });
    const loc = props.internalProperties?.find((p) => p.name === "[[FunctionLocation]]")?.value?.value;
    if (!loc) throw fail("it is not a plain function defined in a file");
    if (!scriptUrls.has(loc.scriptId)) {
      post("Debugger.enable");
      post("Debugger.disable");
    }
    const url = scriptUrls.get(loc.scriptId);
    if (!url) throw fail("its script has no URL");
    const path = scriptPath(url);
    if (path) return path;
    throw fail(`it comes from '${url}', not a file`);
  } catch (e) {
    if (e instanceof AlloError) throw e;
    throw fail(`the inspector is unavailable: ${(e as Error).message}`);
  }
}
