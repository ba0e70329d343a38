// Runs every test/**/*.test.ts under Node's test runner with tsx (Node 20's --test takes no globs).
// Extra arguments narrow the run to files whose path contains one of them. A full run also fails on
// golden files that no test compared against (test/support/golden.ts logs each one it checks).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

function collect(dir, suffix) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return collect(p, suffix);
    return e.name.endsWith(suffix) ? [p] : [];
  });
}

const filters = process.argv.slice(2);
const files = collect("test", ".test.ts")
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
const logDir = mkdtempSync(join(tmpdir(), "allo-golden-"));
const log = join(logDir, "used.txt");
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files], {
  stdio: "inherit",
  env: { ...process.env, ALLO_GOLDEN_LOG: log },
});
let status = r.status ?? 1;
if (filters.length === 0 && status === 0) {
  let used = new Set();
  try {
    used = new Set(readFileSync(log, "utf8").split("\n").filter(Boolean));
  } catch {}
  const unused = collect(join("test", "golden"), "")
    .map((f) => relative(join("test", "golden"), f))
    .filter((name) => !used.has(name));
  if (unused.length > 0) {
    console.error(
      `\nerror: ${unused.length} golden file(s) no test compared against:\n  ${unused.join("\n  ")}`,
    );
    status = 1;
  }
}
rmSync(logDir, { recursive: true, force: true });
process.exit(status);
