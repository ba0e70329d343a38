#!/usr/bin/env node
// `npx allo` entry: registers tsx so kernels and schedules written in TypeScript load, then runs the CLI.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
