// The `allo` command: every build target, the kernel file's schedule applied without running the file,
// --schedule files, --print-after-each to stderr or a file, --help/--version, and coded errors.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { TARGETS } from "../../src/api/build.ts";
import { main } from "../../src/cli/main.ts";

const KERNEL = join(import.meta.dirname, "add-kernel.ts");
const BIN = join(import.meta.dirname, "..", "..", "bin", "allo.js");
const MARKER = "top-level code ran";
const dir = mkdtempSync(join(tmpdir(), "allo-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));
// The native targets' compiled-code cache goes to this test's directory, not the user's.
process.env.XDG_CACHE_HOME = dir;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}

const PIPELINED_J = /l_j: for \(int j = 0; j < 8; j\+\+\) \{[^\n]*\n\s*#pragma HLS pipeline II=1/;

test("every target build() has is a CLI target and prints (or writes) its output", async () => {
  const expect: Record<(typeof TARGETS)[number], RegExp> = {
    cpu: /function /,
    native: /extern "C" __attribute__\(\(visibility\("default"\)\)\) int allo_entry_0\(/,
    llvm: /int allo_entry_0\(/,
    mlir: /func\.func @add\(/,
    vhls: PIPELINED_J,
    vivado_hls: PIPELINED_J,
    vitis_hls: /wrote the Vitis HLS project to /,
  };
  for (const target of TARGETS) {
    const r = await run(KERNEL, "--target", target, "--project", join(dir, "add.prj"));
    assert.equal(r.code, 0, `${target}: ${r.err}`);
    assert.match(r.out, expect[target], target);
  }
  assert.match(readFileSync(join(dir, "add.prj", "kernel.cpp"), "utf8"), PIPELINED_J);
});

test("the kernel file is read, not run; its schedule(s) sees the file's constants", () => {
  const r = spawnSync(process.execPath, [BIN, KERNEL, "--print-after-each"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, new RegExp(MARKER));
  // The steps go to stderr, so stdout holds the final MLIR alone.
  assert.match(r.stderr, /\/\/ ----- step 1: pipeline\("j", \{ ii: 1 \}\) -----\nmodule \{/);
  assert.doesNotMatch(r.stdout, /----- step/);
  assert.match(r.stdout, /^module \{[\s\S]*pipeline_ii = 1 : i32/);
});

test("--print-after-each=file writes the steps to that file", async () => {
  const log = join(dir, "steps.mlir");
  const r = await run(KERNEL, `--print-after-each=${log}`, "--target=vhls");
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, "");
  assert.match(r.out, PIPELINED_J);
  assert.match(
    readFileSync(log, "utf8"),
    /^\/\/ ----- step 1: pipeline\("j", \{ ii: 1 \}\) -----\nmodule \{/,
  );
});

test("a schedule(s) that needs the file to run is AL9003 at the name, pointing to --schedule", async () => {
  const file = join(dir, "helper.ts");
  writeFileSync(
    file,
    [
      'import { type int32, grid, type Schedule } from "allo-ts";',
      "export function k(A: int32<[4]>): void {",
      "  for (const [i] of grid(4)) A[i] = A[i] + 1;",
      "}",
      "function tile(s: Schedule) {",
      '  s.split("i", 2);',
      "}",
      "export function schedule(s: Schedule): void {",
      "  tile(s);",
      "}",
    ].join("\n"),
  );
  const r = await run(file);
  assert.equal(r.code, 1);
  assert.match(r.err, /helper\.ts:9:3 - error AL9003: schedule\(s\) uses 'tile'/);
  assert.match(r.err, /--schedule that-file\.ts/);
});

test("--schedule file.ts runs that file and applies its schedule(s) instead of the kernel file's", async () => {
  const file = join(dir, "sched.ts");
  writeFileSync(
    file,
    [
      'import type { Schedule } from "allo-ts";',
      "const factor = [2].map((f) => f * 2)[0];",
      "export function schedule(s: Schedule): void {",
      '  s.split("j", factor);',
      "}",
    ].join("\n"),
  );
  const r = await run(KERNEL, "--schedule", file, "--target", "vhls");
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /j_inner: for \(int j_inner = 0; j_inner < 4; j_inner\+\+\)/);
  assert.doesNotMatch(r.out, /pipeline/);
  const none = await run(KERNEL, "--schedule", KERNEL.replace("add-kernel", "missing"));
  assert.equal(none.code, 1);
  assert.match(none.err, /error AL9001: cannot read the schedule file '.*missing\.ts'/);
});

test("--help and --version answer on stdout with exit 0", () => {
  for (const flag of ["--help", "--version"]) {
    const r = spawnSync(process.execPath, [BIN, flag], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, "");
    assert.match(r.stdout, flag === "--help" ? /^usage: npx allo <file\.ts>/ : /^allo-ts \d+\.\d+\.\d+\n$/);
  }
});

test("bad flags are coded errors on stderr with a non-zero exit", async () => {
  const bad: [string[], RegExp][] = [
    [["--target", "verilog"], /error AL5004: unknown target 'verilog'; use one of cpu, native, llvm, mlir/],
    [["--kernel", "nope"], /error AL1002: no kernel named 'nope'/],
    [["--mode", "fast"], /error AL9001: unknown mode 'fast'/],
    [["--target"], /error AL9001: --target needs a value/],
    [["--print-after-each="], /error AL9001: --print-after-each= needs a file name/],
    [["--frobnicate"], /error AL9001: unknown flag '--frobnicate'/],
  ];
  for (const [flags, message] of bad) {
    const r = await run(KERNEL, ...flags);
    assert.equal(r.code, 1, flags.join(" "));
    assert.equal(r.out, "");
    assert.match(r.err, message);
  }
  const none = await run();
  assert.equal(none.code, 1);
  assert.match(none.err, /error AL9001: which kernel file\? give its path\nusage: npx allo/);
});

test("--estimate prints the estimate (wrapIo copy loops as their own rows); a bad profile is AL7001", async () => {
  const r = await run(KERNEL, "--estimate");
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^== allo-ts estimate of 'add' \(profile u280/);
  for (const row of [
    "l_S_buf0_buf0_l_0_l_buf0_l_1",
    "l_S_i_j_0_i_l_j",
    "l_S_result2_result2_l_0_l_result2_l_1",
  ])
    assert.match(r.out, new RegExp(`\\| ${row} +\\|`), row);
  assert.doesNotMatch(r.out, /module \{/, "without --target only the estimate is printed");
  const both = await run(KERNEL, "--target=vhls", "--estimate=u280-2.5ns");
  assert.equal(both.code, 0, both.err);
  assert.match(both.out, PIPELINED_J);
  assert.match(both.out, /profile u280-2\.5ns/);
  const bad = await run(KERNEL, "--estimate=pynq-z9");
  assert.equal(bad.code, 1);
  assert.match(bad.err, /error AL7001: unknown target profile 'pynq-z9'/);
});
