// Headless Chromium (the Debian package `chromium`) for the report's browser tests: renders a page with
// its script run and returns the DOM as it is then (`--dump-dom`); `chromiumSkip` is the reason to skip
// when the browser is not installed.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CHROMIUM = "/usr/bin/chromium";

export const chromiumSkip: string | false = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is absent (install the Debian package chromium)`;

/** The DOM of `file` after Chromium loaded it and ran its script. */
export function renderedDom(file: string): string {
  const profileDir = mkdtempSync(join(tmpdir(), "allo-chromium-"));
  try {
    const r = spawnSync(
      CHROMIUM,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--user-data-dir=${profileDir}`,
        "--dump-dom",
        `file://${file}`,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}
