// Kernels for the verifier tests: Allo's verifier scenarios as TypeScript kernels, pairs that are
// equal only modulo exact integer wrap, seeded bugs, and kernels whose control flow or indices depend
// on input data (which the verifier must answer "unknown").
import {
  type float32,
  full,
  grid,
  type int8,
  type int16,
  type int32,
  range,
  reduction,
  zeros,
} from "allo-ts";

// ---------------------------------------------------------------- float GEMM and its variants

export function gemm(A: float32<[8, 8]>, B: float32<[8, 8]>): float32<[8, 8]> {
  const C: float32<[8, 8]> = zeros();
  for (const [i, j, k] of grid(8, 8, 8)) {
    C[i][j] += A[i][k] * B[k][j];
  }
  return C;
}

/** The same GEMM as three nested ranges (Allo's "fusion" scenario: grid vs nested loops). */
export function gemmNested(A: float32<[8, 8]>, B: float32<[8, 8]>): float32<[8, 8]> {
  const C: float32<[8, 8]> = zeros();
  for (const i of range(8)) {
    for (const j of range(8)) {
      for (const k of range(8)) {
        C[i][j] += A[i][k] * B[k][j];
      }
    }
  }
  return C;
}

/** Row-wise product order i, k, j written by hand (what reorder("k", "j") makes). */
export function gemmIKJ(A: float32<[8, 8]>, B: float32<[8, 8]>): float32<[8, 8]> {
  const C: float32<[8, 8]> = zeros();
  for (const i of range(8)) {
    for (const k of range(8)) {
      for (const j of range(8)) {
        C[i][j] += A[i][k] * B[k][j];
      }
    }
  }
  return C;
}

/** Seeded bug: the reduction stops one step early. */
export function gemmOffByOne(A: float32<[8, 8]>, B: float32<[8, 8]>): float32<[8, 8]> {
  const C: float32<[8, 8]> = zeros();
  for (const [i, j] of grid(8, 8)) {
    for (const k of range(7)) {
      C[i][j] += A[i][k] * B[k][j];
    }
  }
  return C;
}

/** Seeded bug: B indexed [j][k] instead of [k][j]. */
export function gemmSwapped(A: float32<[8, 8]>, B: float32<[8, 8]>): float32<[8, 8]> {
  const C: float32<[8, 8]> = zeros();
  for (const [i, j, k] of grid(8, 8, 8)) {
    C[i][j] += A[i][k] * B[j][k];
  }
  return C;
}

/** Seeded bug (Allo's tutorial): the product overwrites C instead of accumulating. */
export function gemmOverwrite(A: float32<[8, 8]>, B: float32<[8, 8]>): float32<[8, 8]> {
  const C: float32<[8, 8]> = zeros();
  for (const [i, j, k] of grid(8, 8, 8)) {
    C[i][j] = A[i][k] * B[k][j];
  }
  return C;
}

/** Seeded bug: the accumulator starts at 1. */
export function gemmInitOne(A: float32<[8, 8]>, B: float32<[8, 8]>): float32<[8, 8]> {
  const C: float32<[8, 8]> = full(1.0);
  for (const [i, j, k] of grid(8, 8, 8)) {
    C[i][j] += A[i][k] * B[k][j];
  }
  return C;
}

/** Not provably equal: float sums reassociated (a different rounding order). */
export function gemmPairwise(A: float32<[8, 8]>, B: float32<[8, 8]>): float32<[8, 8]> {
  const C: float32<[8, 8]> = zeros();
  for (const [i, j] of grid(8, 8)) {
    for (const k of range(0, 8, 2)) {
      C[i][j] += A[i][k] * B[k][j] + A[i][k + 1] * B[k + 1][j];
    }
  }
  return C;
}

// ---------------------------------------------------------------- integer matmul, exact wrap

/** int8 x int8 accumulated into an int16 output parameter (sums wrap at K = 16). */
export function mm(A: int8<[4, 16]>, B: int8<[16, 4]>, C: int16<[4, 4]>): void {
  for (const [i, j] of grid(4, 4, { name: "PE" })) {
    for (const k of range(16)) {
      C[i][j] += A[i][k] * B[k][j];
    }
  }
}

/** The same sum in an int32 register, truncated once at the end: equal modulo 2^16. */
export function mmWide(A: int8<[4, 16]>, B: int8<[16, 4]>, C: int16<[4, 4]>): void {
  for (const [i, j] of grid(4, 4)) {
    let acc: int32 = C[i][j];
    for (const k of reduction(16)) {
      acc += A[i][k] * B[k][j];
    }
    C[i][j] = acc;
  }
}

/** Seeded bug: the register starts at 0, dropping C's initial value. */
export function mmWideZero(A: int8<[4, 16]>, B: int8<[16, 4]>, C: int16<[4, 4]>): void {
  for (const [i, j] of grid(4, 4)) {
    let acc: int32 = 0;
    for (const k of reduction(16)) {
      acc += A[i][k] * B[k][j];
    }
    C[i][j] = acc;
  }
}

/** An int16 sum stored into int32: a + b computed in 17 bits keeps its carry. */
export function addWide(A: int16<[8]>, B: int16<[8]>): int32<[8]> {
  const C: int32<[8]> = zeros();
  for (const i of range(8)) C[i] = A[i] + B[i];
  return C;
}

/** The same sum wrapped to 16 bits first: a different value when it overflows. */
export function addWrapped(A: int16<[8]>, B: int16<[8]>): int32<[8]> {
  const C: int32<[8]> = zeros();
  for (const i of range(8)) {
    const s: int16 = A[i] + B[i];
    C[i] = s;
  }
  return C;
}

/** Integer sums reassociated: equal (modulo 2^32), but not by the verifier's normalizations. */
export function sum3(A: int32<[8]>, B: int32<[8]>, C: int32<[8]>): int32<[8]> {
  const D: int32<[8]> = zeros();
  for (const i of range(8)) D[i] = A[i] + B[i] + C[i];
  return D;
}
export function sum3Right(A: int32<[8]>, B: int32<[8]>, C: int32<[8]>): int32<[8]> {
  const D: int32<[8]> = zeros();
  for (const i of range(8)) D[i] = A[i] + (B[i] + C[i]);
  return D;
}

// ---------------------------------------------------------------- Allo's small scenarios

export function rowMajor(A: float32<[8, 8]>): float32<[8, 8]> {
  const B: float32<[8, 8]> = zeros();
  for (const [i, j] of grid(8, 8)) B[i][j] = A[i][j];
  return B;
}

export function columnMajor(A: float32<[8, 8]>): float32<[8, 8]> {
  const B: float32<[8, 8]> = zeros();
  for (const [j, i] of grid(8, 8)) B[i][j] = A[i][j];
  return B;
}

export function mulTwo(A: int32<[10]>): int32<[10]> {
  const B: int32<[10]> = zeros();
  for (const i of range(10)) B[i] = A[i] * 2;
  return B;
}

export function shiftLeft(A: int32<[10]>): int32<[10]> {
  const B: int32<[10]> = zeros();
  for (const i of range(10)) B[i] = A[i] << 1;
  return B;
}

export function rangeFor(A: int32<[20]>): void {
  for (const i of range(10)) A[i] = i;
  for (const i of range(10, 20)) A[i] = i;
  for (const i of range(0, 20, 2)) A[i] = i * 2;
}

/** The same writes as rangeFor, in a different loop structure. */
export function rangeForMerged(A: int32<[20]>): void {
  for (const i of range(20)) {
    if (i % 2 === 0) A[i] = i * 2;
    else A[i] = i;
  }
}

export function bias(C: float32<[8, 8]>, b: float32<[8]>): float32<[8, 8]> {
  const D: float32<[8, 8]> = zeros();
  for (const [i, j] of grid(8, 8)) D[i][j] = C[i][j] + b[j];
  return D;
}

/** Allo's non-equivalent "incorrect" function: subtracts the bias. */
export function biasWrong(C: float32<[8, 8]>, b: float32<[8]>): float32<[8, 8]> {
  const D: float32<[8, 8]> = zeros();
  for (const [i, j] of grid(8, 8)) D[i][j] = C[i][j] - b[j];
  return D;
}

// ---------------------------------------------------------------- data-dependent behaviour

/** A select on data: still statically interpretable, the select becomes a symbolic node. */
export function relu(A: int32<[8]>): int32<[8]> {
  const B: int32<[8]> = zeros();
  for (const i of range(8)) B[i] = A[i] > 0 ? A[i] : 0;
  return B;
}

export function reluMax(A: int32<[8]>): int32<[8]> {
  const B: int32<[8]> = zeros();
  for (const i of range(8)) B[i] = Math.max(A[i], 0);
  return B;
}

/** An if on data: control flow that symbolic execution does not follow. */
export function reluIf(A: int32<[8]>): int32<[8]> {
  const B: int32<[8]> = zeros();
  for (const i of range(8)) {
    if (A[i] > 0) B[i] = A[i];
  }
  return B;
}

/** An index read from data. */
export function gather(A: int32<[8]>, I: int32<[8]>): int32<[8]> {
  const B: int32<[8]> = zeros();
  for (const i of range(8)) B[i] = A[I[i] & 7];
  return B;
}

/** A loop over part of a buffer: split by 4 needs a guard on its last tile (6 = 4 + 2). */
export function partial(A: int32<[8]>, B: int32<[8]>): void {
  for (const i of range(6)) B[i] = A[i] + 1;
}

// ---------------------------------------------------------------- for the memory and function primitives

/** A producer band and a consumer band over the same ranges (for computeAt). */
export function twoBands(A: int32<[8, 6]>): int32<[8, 6]> {
  const B: int32<[8, 6]> = zeros();
  for (const [i, j] of grid(8, 6, { name: "P" })) {
    B[i][j] = A[i][j] + 1;
  }
  const C: int32<[8, 6]> = zeros();
  for (const [ii, jj] of grid(8, 6, { name: "Q" })) {
    C[ii][jj] = B[ii][jj] * 2;
  }
  return C;
}

/** A 3-point blur along x (for reuseAt). */
export function blurX(A: int32<[6, 10]>): int32<[6, 8]> {
  const B: int32<[6, 8]> = zeros();
  for (const [y, x] of grid(6, 8)) {
    B[y][x] = A[y][x] + A[y][x + 1] + A[y][x + 2];
  }
  return B;
}

/** A kernel calling another (for inline and dataflow, and calls in the executor). */
export { caller, scale } from "../schedule/kernels.ts";

export function gemmCall(A: float32<[8, 8]>, B: float32<[8, 8]>): float32<[8, 8]> {
  return gemm(A, B);
}

/** Allo's compose scenario: a GEMM then a bias, each its own function, called with returned buffers. */
export function top(A: float32<[8, 8]>, B: float32<[8, 8]>, b: float32<[8]>): float32<[8, 8]> {
  const C = gemm(A, B);
  const D = bias(C, b);
  return D;
}

export function topWrong(A: float32<[8, 8]>, B: float32<[8, 8]>, b: float32<[8]>): float32<[8, 8]> {
  const C = gemm(A, B);
  const D = biasWrong(C, b);
  return D;
}

/** The same computation written in one function. */
export function topFlat(A: float32<[8, 8]>, B: float32<[8, 8]>, b: float32<[8]>): float32<[8, 8]> {
  const C: float32<[8, 8]> = zeros();
  for (const [i, j, k] of grid(8, 8, 8)) {
    C[i][j] += A[i][k] * B[k][j];
  }
  const D: float32<[8, 8]> = zeros();
  for (const [i, j] of grid(8, 8)) D[i][j] = C[i][j] + b[j];
  return D;
}
