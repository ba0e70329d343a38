// `npm run bench`: compile speed, CPU backend vs g++ -O2 on the same loop nests, HLS csim time, estimator and verifier
// throughput, each measured side by side in this one run (absolute times drift on shared machines).
import { benchCompile } from "./compile.ts";
import { benchCpu } from "./cpu.ts";
import { benchEstimate } from "./estimate.ts";
import { benchHls } from "./hls.ts";
import { benchVerify } from "./verify.ts";

console.log("== compile: customize() + build() of the seed's GEMM");
console.table(benchCompile());
console.log("== CPU backend vs g++ -O2 (same loop nest)");
console.table(benchCpu());
console.log("== HLS C simulation (g++ here, with the project's own ap_int/hls_stream headers)");
console.table(await benchHls());
console.log("== estimator: s.estimate()");
console.table(benchEstimate());
console.log("== verifier");
console.table(benchVerify());
