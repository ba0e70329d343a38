// The `allo` command: targets, schedules exported by the kernel file, --print-after-each, project
// writing, and coded errors for bad flags.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";

const KERNEL = join(import.meta.dirname, "add-kernel.ts");

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}

test("--target vhls prints HLS C++ with the schedule the file exports", async () => {
  const r = await run(KERNEL, "--target", "vhls");
  assert.equal(r.code, 0);
  assert.match(r.out, /void add\(/);
  assert.match(r.out, /l_j: for \(int j = 0; j < 8; j\+\+\) \{[^\n]*\n\s*#pragma HLS pipeline II=1/);
});

test("the default target prints MLIR; --print-after-each shows every step", () => {
  const bin = join(import.meta.dirname, "..", "..", "bin", "allo.js");
  const r = spawnSync(process.execPath, [bin, KERNEL, "--print-after-each"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\/\/ ----- step 1: pipeline\("j"\) -----/);
  assert.match(r.stdout, /pipeline_ii = 1 : i32/);
});

test("--target cpu prints the generated JavaScript", async () => {
  const r = await run(KERNEL, "--target", "cpu");
  assert.equal(r.code, 0);
  assert.match(r.out, /function /);
});

test("--target vitis_hls writes a project directory", async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-cli-"));
  try {
    const prj = join(dir, "add.prj");
    const r = await run(KERNEL, "--target", "vitis_hls", "--project", prj);
    assert.equal(r.code, 0);
    assert.ok(existsSync(join(prj, "kernel.cpp")));
    assert.match(readFileSync(join(prj, "kernel.cpp"), "utf8"), /add/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("bad flags are coded errors with a non-zero exit", async () => {
  const r = await run(KERNEL, "--target", "verilog");
  assert.equal(r.code, 1);
  assert.match(r.err, /error AL5004: unknown target 'verilog'/);
  const k = await run(KERNEL, "--kernel", "nope");
  assert.equal(k.code, 1);
  assert.match(k.err, /error AL1002: no kernel named 'nope'/);
  const none = await run();
  assert.equal(none.code, 0);
  assert.match(none.err, /usage: npx allo/);
});
