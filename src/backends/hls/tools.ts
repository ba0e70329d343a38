// Finding the vendor tools (vitis_hls, v++) on PATH, and the error a mode raises when one is missing:
// it names the tool and says the project is already written, so it can be built elsewhere.

import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { AlloError } from "../../diagnostics/error.ts";

/** The full path of an executable on PATH, or undefined. */
export function findTool(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export function requireTool(name: string, mode: string, project: string, how: string): string {
  const path = findTool(name);
  if (path) return path;
  throw new AlloError(
    "AL5005",
    `mode "${mode}" needs ${name}, which is not on PATH. The project is written in ${project}: on a machine with the Xilinx tools, run \`${how}\` there.`,
  );
}
