// The typed surface of df (api.md section 7): with its `@ts-expect-error` directives removed,
// fixtures/negative.ts has a tsc error on each line that followed one (args shape, dtype and count,
// missing args or mapping, put on an array of streams, one index too many, a string put, a scalar
// into a block stream), and the region fixtures type-check under the project's strict options.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import ts from "typescript";

const ROOT = resolve(import.meta.dirname, "../..");
const NEGATIVE = join(import.meta.dirname, "fixtures/negative.ts");
const CLEAN = ["producer-consumer.ts", "systolic.ts", "crossed.ts", "errors.ts", "matmul.ts"].map((f) =>
  join(import.meta.dirname, "fixtures", f),
);

function diagnostics(files: readonly string[], override?: { path: string; text: string }) {
  const cfg = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    },
  ) as ts.ParsedCommandLine;
  const host = ts.createCompilerHost(cfg.options);
  const read = host.readFile;
  host.readFile = (p) => (override && resolve(p) === override.path ? override.text : read(p));
  const program = ts.createProgram(files, cfg.options, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file && files.includes(resolve(d.file.fileName)));
}

test("tsc reports each mistake marked @ts-expect-error in the negative fixture, and none else", () => {
  const text = readFileSync(NEGATIVE, "utf8");
  const lines = text.split("\n");
  const marked = lines.flatMap((l, k) => (l.trim().startsWith("// @ts-expect-error") ? [k + 1] : []));
  assert.equal(marked.length, 9);
  const stripped = lines.map((l) => (l.trim().startsWith("// @ts-expect-error") ? "" : l)).join("\n");
  const errs = diagnostics([NEGATIVE], { path: NEGATIVE, text: stripped });
  const at = new Set(
    errs.map((d) => (d.file as ts.SourceFile).getLineAndCharacterOfPosition(d.start ?? 0).line),
  );
  assert.deepEqual(
    [...at].sort((a, b) => a - b),
    marked,
    errs.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"),
  );
  assert.deepEqual(diagnostics([NEGATIVE]), [], "the directives hold");
});

test("the region fixtures type-check", () => {
  assert.deepEqual(
    diagnostics(CLEAN).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    [],
  );
});
