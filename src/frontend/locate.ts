// Finds the original .ts source of a kernel function passed to customize(fn). V8 knows each function's
// script; an in-thread inspector session (synchronous) maps the function to its script URL, and the
// kernel is then found by name in the original file, so no source map is needed (works under tsx and
// under the test runner). Fails with AL1001 saying how to pass the source text instead.

import { Session } from "node:inspector";
import { fileURLToPath } from "node:url";
import { AlloError } from "../diagnostics/error.ts";

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
    if (url.startsWith("file://")) return fileURLToPath(url);
    if (url.startsWith("/")) return url;
    // tsx evaluates a CommonJS .ts file imported from an ES module as a data: URL naming the file.
    const tsxFile = url.startsWith("data:") ? /[?&]filePath=([^&]+)$/.exec(url)?.[1] : undefined;
    if (tsxFile) return decodeURIComponent(tsxFile);
    throw fail(`it comes from '${url}', not a file`);
  } catch (e) {
    if (e instanceof AlloError) throw e;
    throw fail(`the inspector is unavailable: ${(e as Error).message}`);
  }
}
