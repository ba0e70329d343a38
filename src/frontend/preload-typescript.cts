// Loads the 9 MB typescript.js into require's cache compiled from V8's code cache. Compiling it is most
// of the cost of loading it: the cache (with the functions the first run compiled), saved in the cache
// directory when that process exits, lets later processes skip the compile. V8 rejects a cache made by
// another V8 version or with other flags, and the file name carries typescript.js's size and mtime.
import fs = require("node:fs");
import Module = require("node:module");
import path = require("node:path");
import vm = require("node:vm");
import defaultCacheDir = require("../util/cache-dir.cts");

const PREFIX = "typescript-";

/** Writes the code cache atomically (processes run side by side) and drops caches of other versions. */
function save(dir: string, name: string, script: vm.Script): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `${name}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, path.join(dir, name));
    for (const f of fs.readdirSync(dir))
      if (f.startsWith(PREFIX) && f.endsWith(".v8cache") && f !== name)
        fs.rmSync(path.join(dir, f), { force: true });
  } catch {
    // A cache that cannot be written only costs the next process the compile.
  }
}

/** Compiles typescript.js (from the code cache when there is one) into the cache of `cjs`, once. */
function preload(cjs: NodeJS.Require): void {
  const file = cjs.resolve("typescript");
  if (cjs.cache[file]) return;
  preload.state = "compiled";
  const stat = fs.statSync(file);
  const dir = defaultCacheDir();
  const name = `${PREFIX}${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}-${process.arch}.v8cache`;
  let cached: Buffer | undefined;
  try {
    cached = fs.readFileSync(path.join(dir, name));
  } catch {
    cached = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, "utf8")), {
    filename: file,
    cachedData: cached,
  });
  const mod = new Module(file, module);
  mod.filename = file;
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  cjs.cache[file] = mod;
  if (cached) preload.state = script.cachedDataRejected ? "rejected" : "cached";
  if (!cached || script.cachedDataRejected) process.once("exit", () => save(dir, name, script));
}
/** How this process got typescript.js (tests check that the second process uses the cache). */
preload.state = "not loaded" as "not loaded" | "compiled" | "cached" | "rejected";

export = preload;
