// The seed's producer/consumer as an allo-ts dataflow region: one kernel streams A through a depth-4
// FIFO, the other adds 1 into B. Runs it on the CPU simulator and prints the Vitis HLS region.
// Run: node --import tsx examples/dataflow/producer-consumer.ts
import { df, type float32, grid, type Stream } from "allo-ts";

export const M = 16;
export const N = 16;
export type M = typeof M;
export type N = typeof N;

export function top(A: float32<[M, N]>, B: float32<[M, N]>): void {
  const pipe: Stream<float32> = df.stream({ depth: 4 });

  df.kernel({ mapping: [1], args: [A] }, function producer(local_A: float32<[M, N]>) {
    for (const [i, j] of grid(M, N)) {
      const out: float32 = local_A[i][j]; // load data
      pipe.put(out); // send data
    }
  });

  df.kernel({ mapping: [1], args: [B] }, function consumer(local_B: float32<[M, N]>) {
    for (const [i, j] of grid(M, N)) {
      const data = pipe.get(); // receive data (a float32)
      local_B[i][j] = data + 1;
    }
  });
}

const A = Float32Array.from({ length: M * N }, (_, k) => k / 4);
const B = new Float32Array(M * N);
df.build(top)(A, B);
const ok = B.every((b, k) => b === Math.fround(A[k] + 1));
console.log(`CPU simulator: B = A + 1 ${ok ? "exactly" : "NOT"} (B[5] = ${B[5]})`);
const hls = df.build(top, { target: "vhls" }).code;
console.log(hls.slice(hls.indexOf("void top(")));
