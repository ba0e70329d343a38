// The MLIR 22 toolchain for tests: finds mlir-opt-22, mlir-translate-22 and clang-22, runs them, and
// decides what a test does without them: skip with a clear message locally, fail under CI (which
// installs mlir-22-tools and clang-22).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Tools {
  readonly opt: string;
  readonly translate: string;
  readonly clang: string;
}

function has(cmd: string): boolean {
  try {
    execFileSync(cmd, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

let found: Tools | null | undefined;

/** The tools, or undefined when any is missing. */
export function findTools(): Tools | undefined {
  if (found === undefined) {
    const t = { opt: "mlir-opt-22", translate: "mlir-translate-22", clang: "clang-22" };
    found = has(t.opt) && has(t.translate) && has(t.clang) ? t : null;
  }
  return found ?? undefined;
}

const MISSING =
  "mlir-opt-22, mlir-translate-22 or clang-22 is not installed (apt-get install mlir-22-tools clang-22)";

/**
 * The `skip` option for a test that needs the tools: a message when they are missing locally,
 * false otherwise (under CI the test runs and `requireTools` fails it).
 */
export const skipWithoutTools = (): string | false => (findTools() || process.env.CI ? false : MISSING);

export function requireTools(): Tools {
  const t = findTools();
  if (!t) assert.fail(`${MISSING}; CI must install them`);
  return t;
}

/** Runs a tool; on failure the assertion carries its stderr. */
export function run(cmd: string, args: readonly string[], what: string): string {
  try {
    return execFileSync(cmd, args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 1 << 26,
    });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    assert.fail(`${what}: ${cmd} failed\n${(err.stderr ?? err.message).slice(0, 4000)}`);
  }
}

/** Runs f in a fresh temporary directory, removed when f succeeds and kept (and named) when it fails. */
export function inWorkDir<T>(prefix: string, f: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), `allo-mlir-${prefix}-`));
  try {
    const r = f(dir);
    rmSync(dir, { recursive: true, force: true });
    return r;
  } catch (e) {
    if (e instanceof Error) e.message += `\n(files kept in ${dir})`;
    throw e;
  }
}
