// Every IR the schedule goldens show (before and after each schedule) is valid MLIR: mlir-opt-22
// parses and verifies all of them in one invocation.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { inWorkDir, requireTools, run, skipWithoutTools } from "../backends/mlir/tools.ts";
import { GOLDEN_ROOT } from "../support/golden.ts";

const FOLDERS = ["split", "reorder", "fuse", "annotations", "partition", "reshape"];

test("mlir-opt-22 verifies every scheduled module of the goldens", { skip: skipWithoutTools() }, () => {
  const tools = requireTools();
  const texts = FOLDERS.flatMap((d) =>
    readdirSync(join(GOLDEN_ROOT, "schedule", d))
      .sort()
      .map((f) =>
        readFileSync(join(GOLDEN_ROOT, "schedule", d, f), "utf8").replace("// after\n", "// -----\n"),
      ),
  );
  inWorkDir("schedule", (dir) => {
    const file = join(dir, "all.mlir");
    writeFileSync(file, texts.join("// -----\n"));
    run(
      tools.opt,
      ["--split-input-file", file, "-o", join(dir, "out.mlir")],
      `verifying ${texts.length * 2} modules`,
    );
  });
});
