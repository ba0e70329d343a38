// Where allo-ts keeps what it compiled once, across processes (native objects, V8 code of the
// TypeScript compiler): $XDG_CACHE_HOME/allo-ts, else ~/.cache/allo-ts. CommonJS, so that the
// TypeScript loader (a CommonJS file run before any ES module needs it) can use it too.
import os = require("node:os");
import path = require("node:path");

const defaultCacheDir = (): string =>
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "allo-ts");
export = defaultCacheDir;
