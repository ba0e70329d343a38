// The TypeScript compiler API, loaded through require(). Importing the 9 MB CommonJS package from an
// ES module makes Node scan its whole text for named exports first, which doubles allo-ts's start-up;
// this CommonJS file hands the already-required namespace to the ES modules that import it.
import ts = require("typescript");
export = ts;
