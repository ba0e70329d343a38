// Reading emitted HLS C++ back for the dataflow tests: a function's text, a dataflow region's stream
// declarations and process calls, and which process writes each array the region passes on.
import assert from "node:assert/strict";

/** The body of C++ function `name` (from its signature to the closing brace at column 0). */
export function functionText(code: string, name: string): string {
  const at = code.search(new RegExp(`^void ${name}\\(`, "m"));
  assert.ok(at >= 0, `no function ${name}`);
  return code.slice(at, code.indexOf("\n}\n", at) + 3);
}

/** Statements of a dataflow region function, split into stream declarations, pragmas and calls. */
export function regionParts(region: string): { streams: string[]; calls: { fn: string; args: string[] }[] } {
  const body = region.slice(region.indexOf("{") + 1, region.lastIndexOf("}")).split("\n");
  const streams: string[] = [];
  const calls: { fn: string; args: string[] }[] = [];
  const lines = body.map((l) => l.replace(/\t\/\/ L\d+$/, "")).filter((l) => l.trim() !== "");
  assert.equal(lines[0], "#pragma HLS dataflow", "the region starts with #pragma HLS dataflow");
  for (let k = 1; k < lines.length; k++) {
    const l = lines[k];
    const decl = l.match(/^ {2}hls::stream< \w+ > (\w+);$/);
    if (decl) {
      assert.match(lines[k + 1] ?? "", new RegExp(`^#pragma HLS stream variable=${decl[1]} depth=\\d+$`));
      streams.push(decl[1]);
      k++;
      continue;
    }
    const call = l.match(/^ {2}(\w+)\((.*)\);$/);
    assert.ok(call, `only stream declarations and process calls in a dataflow region, not: ${l}`);
    calls.push({ fn: call[1], args: call[2].split(", ") });
  }
  return { streams, calls };
}

/** The process functions that store into each array the region's calls pass, one entry per call. */
export function arrayWriters(code: string, region: string): Map<string, string[]> {
  const { streams, calls } = regionParts(functionText(code, region));
  const writers = new Map<string, string[]>();
  for (const { fn, args } of calls) {
    const f = functionText(code, fn);
    const params = f.slice(f.indexOf("(") + 1, f.indexOf(")")).split(",");
    args.forEach((a, k) => {
      const array = a.match(/^&?(\w+)/)?.[1];
      const param = params[k]?.match(/(\w+)\[/)?.[1];
      if (!array || !param || streams.includes(array)) return;
      if (!new RegExp(`\\b${param}(\\[[^\\]]+\\])+ = `).test(f)) return;
      writers.set(array, [...(writers.get(array) ?? []), fn]);
    });
  }
  return writers;
}
