// `npm run bench`: start-up of the CLI and the demo against loading typescript alone, compile speed, CPU
// backend vs g++ -O2 on the same loop nests, the native target vs hand-written C, spatial regions vs
// the same plain loop nests, HLS csim time, estimator and verifier throughput, the BERT FFN example at full
// size, the GPT-2 layer at GPT2-medium size, and the PolyBench table
// (which also writes docs/benchmarks.{md,json,svg}), each measured side by side in this one run
// (absolute times drift on shared machines).
import { benchBertFfn } from "./bert-ffn.ts";
import { benchCompile } from "./compile.ts";
import { benchCpu } from "./cpu.ts";
import { benchEstimate } from "./estimate.ts";
import { benchGpt2 } from "./gpt2.ts";
import { benchHls } from "./hls.ts";
import { benchNative } from "./native.ts";
import { benchPolybench, polybenchTable } from "./polybench.ts";
import { writeReport } from "./polybench-report.ts";
import { benchSpatial } from "./spatial.ts";
import { benchStartup } from "./startup.ts";
import { benchVerify } from "./verify.ts";

console.log("== start-up: fresh processes, median of 5, against node loading typescript alone");
console.table(benchStartup());
console.log("== compile: customize() + build() of the seed's GEMM");
console.table(benchCompile());
console.log("== CPU backend vs g++ -O2 (same loop nest)");
console.table(benchCpu());
console.log("== spatial regions on the CPU backend: plain loop nest, region (sequentialised), coroutines");
console.table(benchSpatial());
console.log("== native target vs JS backend vs the same loop nest in C++ (g++ -O2 and the native flags)");
console.table(benchNative());
console.log("== HLS C simulation (g++ here, with the project's own ap_int/hls_stream headers)");
console.table(await benchHls());
console.log("== estimator: s.estimate()");
console.table(await benchEstimate());
console.log("== verifier");
console.table(benchVerify());
console.log("== BERT FFN1 at full size (examples/bert-ffn.ts): native and CPU runs, estimate vs published");
console.table(benchBertFfn());
console.log(
  "== GPT-2 layer (W4A8) at GPT2-medium size (examples/gpt2.ts): native, CPU and csim runs, estimate",
);
console.table(await benchGpt2());
const size = process.env.POLYBENCH_SIZE === "small" ? "small" : "medium";
console.log(`== PolyBench, every kernel at ${size} (also written to docs/benchmarks.md)`);
const polybench = await benchPolybench(size);
console.table(polybenchTable(polybench));
writeReport(polybench);
