// Budgets of C simulation (api.md section 3): a csim of an endless kernel is killed at timeoutMs or on
// an abort (AL5012) with no process left behind, and a parent SIGKILLed mid-run takes its testbench with
// it (prctl PR_SET_PDEATHSIG in the testbench). Processes are found through /proc by executable path.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { AlloError } from "../../../src/diagnostics/error.ts";
import { customize } from "../../../src/index.ts";
import { ENDLESS } from "./endless.ts";

const linux = process.platform === "linux";

/** The testbench of a project: the process whose program is dir/csim.out (not g++ writing it). */
const testbenches = (dir: string): number[] =>
  running(dir).filter((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, "utf8").split("\0")[0] === join(dir, "csim.out");
    } catch {
      return false;
    }
  });

/** Pids of processes whose command line mentions `dir`. */
function running(dir: string): number[] {
  const out: number[] = [];
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readFileSync(`/proc/${e}/cmdline`, "utf8").includes(dir)) out.push(Number(e));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function gone(dir: string): Promise<number[]> {
  for (let k = 0; k < 40 && running(dir).length; k++) await sleep(50);
  return running(dir);
}

async function stopped(p: Promise<unknown>, text: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AlloError, String(e));
    assert.equal(e.code, "AL5012", e.message);
    assert.match(e.text, text);
    return true;
  });
}

test("a csim of an endless while ends with AL5012 at timeoutMs, leaving no process", {
  skip: !linux,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-csim-timeout-"));
  try {
    const s = customize(ENDLESS, { name: "spin" });
    const prj = s.build({ target: "vitis_hls", mode: "csim", project: dir, timeoutMs: 8000 });
    const t0 = Date.now();
    await stopped(prj(new Int32Array(1)), /ran past timeoutMs = 8000 ms/);
    assert.ok(Date.now() - t0 < 12_000);
    assert.deepEqual(await gone(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("aborting a csim through its signal kills it (AL5012); an aborted signal never starts one", {
  skip: !linux,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-csim-abort-"));
  try {
    const c = new AbortController();
    const prj = customize(ENDLESS, { name: "spin" }).build({
      target: "vitis_hls",
      mode: "csim",
      project: dir,
      signal: c.signal,
    });
    const call = prj(new Int32Array(1));
    // Abort once the testbench runs (after g++), so the kill hits the simulation itself.
    for (let k = 0; k < 400 && testbenches(dir).length === 0; k++) await sleep(50);
    assert.ok(testbenches(dir).length > 0, "the testbench never started");
    c.abort();
    await stopped(call, /aborted/);
    assert.deepEqual(await gone(dir), []);
    await stopped(prj(new Int32Array(1)), /signal was aborted/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a parent SIGKILLed during csim leaves no testbench running", { skip: !linux }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-csim-orphan-"));
  try {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "csim-child.ts"), dir],
      {
        stdio: "ignore",
      },
    );
    for (let k = 0; k < 600 && testbenches(dir).length === 0; k++) await sleep(50);
    assert.ok(testbenches(dir).length > 0, "the testbench never started");
    child.kill("SIGKILL");
    for (let k = 0; k < 40 && testbenches(dir).length; k++) await sleep(50);
    const left = testbenches(dir);
    for (const p of left) process.kill(p, "SIGKILL"); // do not leave it spinning when the test fails
    assert.deepEqual(left, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
