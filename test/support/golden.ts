// Golden-file assertions. `UPDATE_GOLDEN=1 npm test` rewrites them; otherwise a mismatch fails with a
// diff-friendly assertion. Each check is logged so that a full run (scripts/run-tests.mjs) can fail on
// golden files no test uses any more.

import assert from "node:assert/strict";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const GOLDEN_ROOT = join(import.meta.dirname, "..", "golden");
const update = process.env.UPDATE_GOLDEN === "1";

/** Compares `actual` with test/golden/<name>; `name` is a relative path such as "mlir/gemm.mlir". */
export function assertGolden(name: string, actual: string): void {
  const path = join(GOLDEN_ROOT, name);
  if (process.env.ALLO_GOLDEN_LOG) appendFileSync(process.env.ALLO_GOLDEN_LOG, `${name}\n`);
  if (update || !existsSync(path)) {
    if (!update && process.env.CI)
      assert.fail(`missing golden file test/golden/${name} (run UPDATE_GOLDEN=1 npm test)`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.equal(
    actual,
    readFileSync(path, "utf8"),
    `golden test/golden/${name} differs (UPDATE_GOLDEN=1 to accept)`,
  );
}
