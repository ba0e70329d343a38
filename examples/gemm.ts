// The allo-ts main demo: the seed's GEMM. Write the algorithm once, customize it with three schedule
// lines, run it on the CPU against a plain reference, prove the schedule equivalent, and emit MLIR and
// Vitis HLS C++. Run it with `npm run demo`.
import { customize, type float32, grid, zeros } from "allo-ts";

export const M = 32,
  N = 32,
  K = 32;
export type M = typeof M;
export type N = typeof N;
export type K = typeof K;

export function gemm(A: float32<[M, K]>, B: float32<[K, N]>): float32<[M, N]> {
  const C: float32<[M, N]> = zeros();
  for (const [i, j, k] of grid(M, N, K)) {
    C[i][j] += A[i][k] * B[k][j];
  }
  return C;
}

function reference(A: Float32Array, B: Float32Array): Float32Array {
  const C = new Float32Array(M * N);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++)
      for (let k = 0; k < K; k++)
        C[i * N + j] = Math.fround(C[i * N + j] + Math.fround(A[i * K + k] * B[k * N + j]));
  return C;
}

const s = customize(gemm);
s.reorder("k", "j");
s.bufferAt("C", "i");
s.pipeline("j");
console.log(`== schedule\n${s.trace()}`);

const A = Float32Array.from({ length: M * K }, (_, x) => ((x * 7) % 13) / 13 - 0.5);
const B = Float32Array.from({ length: K * N }, (_, x) => ((x * 5) % 11) / 11 - 0.5);
const C = s.build()(A, B) as Float32Array;
const want = reference(A, B);
const mismatches = want.filter((v, x) => !Object.is(v, C[x])).length;
console.log(
  `== CPU run: ${mismatches === 0 ? "bit-identical to the reference" : `${mismatches} mismatches`}`,
);

const proof = s.verify();
console.log(`== verify: ${proof.status}${proof.reason ? ` (${proof.reason})` : ""}`);

console.log(`== MLIR\n${String(s.module)}`);
console.log(`== Vitis HLS C++\n${s.build({ target: "vhls" }).code}`);
if (mismatches !== 0 || !proof.equivalent) process.exit(1);
