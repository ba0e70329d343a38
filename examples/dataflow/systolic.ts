// The seed's systolic GEMM as a dataflow region: one kernel mapped onto a (M + 2) x (N + 2) grid;
// df.getPid() picks each instance's role at compile time (loaders on the left and top, drains on the
// right and bottom, corners dropped, multiply-accumulate PEs inside). Runs it, proves it equal to the
// plain matmul and lists the HLS processes. Run: node --import tsx examples/dataflow/systolic.ts
import { customize, df, type float32, grid, range, type Stream, verify } from "allo-ts";

export const M = 4;
export const N = 4;
export const K = 6;
export type M = typeof M;
export type N = typeof N;
export type K = typeof K;
export const P0 = M + 2;
export const P1 = N + 2;
export type P0 = typeof P0;
export type P1 = typeof P1;

export function top(A: float32<[M, K]>, B: float32<[K, N]>, C: float32<[M, N]>): void {
  const fifo_A: Stream<float32, [P0, P1]> = df.stream({ depth: 4 });
  const fifo_B: Stream<float32, [P0, P1]> = df.stream({ depth: 4 });

  df.kernel(
    { mapping: [P0, P1], args: [A, B, C] },
    function gemm(local_A: float32<[M, K]>, local_B: float32<[K, N]>, local_C: float32<[M, N]>) {
      const [i, j] = df.getPid();
      if ((i === 0 || i === M + 1) && (j === 0 || j === N + 1)) {
        // corner: no work, the instance is dropped
      } else if (j === 0) {
        for (const k of range(K)) fifo_A[i][j + 1].put(local_A[i - 1][k]); // left column loads A
      } else if (i === 0) {
        for (const k of range(K)) fifo_B[i + 1][j].put(local_B[k][j - 1]); // top row loads B
      } else if (i === M + 1 && j > 0) {
        for (const _k of range(K)) {
          const _b: float32 = fifo_B[i][j].get(); // bottom row drains B
        }
      } else if (j === N + 1 && i > 0) {
        for (const _k of range(K)) {
          const _a: float32 = fifo_A[i][j].get(); // right column drains A
        }
      } else {
        let c: float32 = 0; // interior PE: multiply-accumulate and forward
        for (const _k of range(K)) {
          const a: float32 = fifo_A[i][j].get();
          const b: float32 = fifo_B[i][j].get();
          c += a * b;
          fifo_A[i][j + 1].put(a);
          fifo_B[i + 1][j].put(b);
        }
        local_C[i - 1][j - 1] = c;
      }
    },
  );
}

export function matmul(A: float32<[M, K]>, B: float32<[K, N]>, C: float32<[M, N]>): void {
  for (const [i, j] of grid(M, N)) {
    let c: float32 = 0;
    for (const k of range(K)) c += A[i][k] * B[k][j];
    C[i][j] = c;
  }
}

const A = Float32Array.from({ length: M * K }, (_, k) => k - 7);
const B = Float32Array.from({ length: K * N }, (_, k) => (k % 5) - 2);
const C = new Float32Array(M * N);
const R = new Float32Array(M * N);
df.build(top)(A, B, C);
customize(matmul).build()(A, B, R);
console.log(`CPU simulator equals the plain matmul: ${C.every((c, k) => c === R[k])}`);
console.log(`verify(region, matmul): ${verify(df.customize(top), customize(matmul)).status}`);
const hls = df.build(top, { target: "vhls" }).code;
const procs = [...hls.matchAll(/^void (gemm_\d+_\d+)\(/gm)].map((m) => m[1]);
console.log(`${procs.length} HLS processes (corners dropped): ${procs.join(" ")}`);
