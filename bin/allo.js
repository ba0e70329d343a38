#!/usr/bin/env node
// `npx allo` entry. An installed package runs its compiled JavaScript (dist/, no TypeScript loader at
// start-up); a clone of the repository, which has the source and no build, runs src/ through tsx.
import { existsSync } from "node:fs";
import module from "node:module";

// Node >= 22.1 keeps the compiled code of the ~200 modules across runs (typescript.js has its own cache).
module.enableCompileCache?.();

const source = new URL("../src/cli/main.ts", import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import("../dist/cli/main.js"));
}
process.exitCode = await main(process.argv.slice(2));
