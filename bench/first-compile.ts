// One PolyBench kernel's first compile in a fresh process (issue 15: under 300 ms): customize +
// schedule + emit HLS C++, timed from after the imports; prints the milliseconds. The kernel is
// imported at run time, so customize(fn) locates its file through the inspector, the slow path
// (a kernel a script imports by name is read without it).
//   node --import tsx bench/first-compile.ts gemm medium
import { performance } from "node:perf_hooks";
import { emitHls } from "../src/backends/hls/index.ts";
import { customize, type Schedule } from "../src/index.ts";

const [name, size] = process.argv.slice(2);
const pb = await import(`../examples/polybench/${name}.ts`);
const t = performance.now();
const s = customize(pb[`kernel_${name}`], { instantiate: pb.SIZES[size] });
(pb.schedule as (s: Schedule) => void)(s);
emitHls(s.ir);
console.log((performance.now() - t).toFixed(1));
