// Keeps source files small: warns above 400 lines (the typical size) and fails above 800 (the cap).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOTS = ["src", "test", "scripts", "bench", "examples", "bin"];
const TYPICAL = 400;
const CAP = 800;

function files(dir: string): string[] {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "golden" ? [] : files(p);
    return /\.(ts|js|mjs|h|hpp|cpp)$/.test(e.name) ? [p] : [];
  });
}

const sizes = ROOTS.flatMap(files).map((f) => ({ f, n: readFileSync(f, "utf8").split("\n").length }));
const over = sizes.filter((s) => s.n > CAP);
const large = sizes.filter((s) => s.n > TYPICAL && s.n <= CAP);
for (const s of large) console.log(`note: ${s.f} has ${s.n} lines (typical <= ${TYPICAL})`);
for (const s of over) console.error(`error: ${s.f} has ${s.n} lines (cap ${CAP}); split it by purpose`);
console.log(
  `${sizes.length} files checked, ${large.length} above ${TYPICAL} lines, ${over.length} above ${CAP}`,
);
process.exit(over.length ? 1 : 0);
