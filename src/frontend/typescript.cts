// The TypeScript compiler API, loaded through require(). Importing the 9 MB CommonJS package from an
// ES module makes Node scan its whole text for named exports first, which doubles allo-ts's start-up;
// this CommonJS file hands the required namespace to the ES modules that import it, compiled from a
// code cache when there is one (preload-typescript.cts).
import Module = require("node:module");
import preload = require("./preload-typescript.cts");

// Under tsx, require() here is the ES module loader's stand-in, which loads typescript.js again through
// the loader's hooks (3-4 times slower, and past the code cache); the real one finds it preloaded.
// biome-ignore lint/suspicious/noGlobalAssign: this module's own require (a parameter of its wrapper)
require = Module.createRequire(__filename);
preload(require);
import ts = require("typescript");
export = ts;
