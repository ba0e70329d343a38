// Reading the CPU backend's generated JavaScript in tests: the body of one loop.
import assert from "node:assert/strict";

/** The lines of the first loop of `source` whose head matches `head`, up to its closing brace. */
export function loopBody(source: string, head: RegExp): string[] {
  const lines = source.split("\n");
  const start = lines.findIndex((l) => head.test(l));
  assert.ok(start >= 0, `no loop ${head} in\n${source}`);
  const pad = lines[start].match(/^ */)![0];
  const end = lines.findIndex((l, k) => k > start && l === `${pad}}`);
  return lines.slice(start + 1, end);
}
