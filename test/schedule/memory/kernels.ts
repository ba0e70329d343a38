// Kernels for the memory-primitive tests (bufferAt, reuseAt, computeAt): reductions into returned
// and output buffers, batched accumulation, stencils and convolutions, producer/consumer bands.
import { type float32, grid, type int8, type int16, type int32, range, reduction, zeros } from "allo-ts";

/** The seed's float32 GEMM (one grid band i, j, k). */
export function gemm(A: float32<[8, 6]>, B: float32<[6, 10]>): float32<[8, 10]> {
  const C: float32<[8, 10]> = zeros();
  for (const [i, j, k] of grid(8, 10, 6)) {
    C[i][j] += A[i][k] * B[k][j];
  }
  return C;
}

/** int8 x int8 accumulated into an int16 output parameter: the initial C matters (wraps at K = 24). */
export function mm(A: int8<[5, 24]>, B: int8<[24, 4]>, C: int16<[5, 4]>): void {
  for (const [i, j] of grid(5, 4, { name: "PE" })) {
    for (const k of range(24)) {
      C[i][j] += A[i][k] * B[k][j];
    }
  }
}

/** Batched int32 products: a buffer at b holds a whole [4, 3] tile (a 2-D init/write-back nest). */
export function bmm(A: int32<[3, 4, 5]>, B: int32<[3, 5, 3]>): int32<[3, 4, 3]> {
  const C: int32<[3, 4, 3]> = zeros();
  for (const [b, i, j] of grid(3, 4, 3)) {
    for (const k of reduction(5)) {
      C[b][i][j] += A[b][i][k] * B[b][k][j];
    }
  }
  return C;
}

/** Element-wise: every element written once (no reduction). */
export function inc(A: float32<[6, 6]>): float32<[6, 6]> {
  const B: float32<[6, 6]> = zeros();
  for (const [i, j] of grid(6, 6)) {
    B[i][j] = A[i][j] + 1.0;
  }
  return B;
}

export function blurX(A: int32<[10, 10]>): int32<[10, 8]> {
  const B: int32<[10, 8]> = zeros();
  for (const [y, x] of grid(10, 8)) {
    B[y][x] = A[y][x] + A[y][x + 1] + A[y][x + 2];
  }
  return B;
}

export function blurY(A: int32<[10, 10]>): int32<[8, 10]> {
  const B: int32<[8, 10]> = zeros();
  for (const [y, x] of grid(8, 10)) {
    B[y][x] = A[y][x] + A[y + 1][x] + A[y + 2][x];
  }
  return B;
}

export function blurXY(A: int32<[10, 10]>): int32<[8, 8]> {
  const B: int32<[8, 8]> = zeros();
  for (const [y, x] of grid(8, 8)) {
    B[y][x] = A[y][x] + A[y + 1][x + 1] + A[y + 2][x + 2];
  }
  return B;
}

/** A 3-D blur along x with a channel loop inside. */
export function blur3d(A: int16<[6, 7, 2]>): int16<[6, 5, 2]> {
  const B: int16<[6, 5, 2]> = zeros();
  for (const [y, x, c] of grid(6, 5, 2)) {
    B[y][x][c] = A[y][x][c] + A[y][x + 1][c] + A[y][x + 2][c];
  }
  return B;
}

/** 3x3 float convolution with a scalar accumulator (Allo's reuse_and_partition). */
export function conv(A: float32<[10, 10]>, F: float32<[3, 3]>): float32<[8, 8]> {
  const B: float32<[8, 8]> = zeros();
  for (const [y, x] of grid(8, 8)) {
    let v: float32 = 0.0;
    for (const [r, c] of reduction(3, 3)) {
      v += A[y + r][x + c] * F[r][c];
    }
    B[y][x] = v;
  }
  return B;
}

/** A producer band and a consumer band over the same ranges (Allo's test_multiband). */
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

/** Three float bands over [4, 5, 3] (Allo's compute_at_complex). */
export function threeBands(A: float32<[4, 5, 3]>): float32<[4, 5, 3]> {
  const B: float32<[4, 5, 3]> = zeros();
  for (const [i, j, m] of grid(4, 5, 3)) {
    B[i][j][m] = A[i][j][m] * 2.0;
  }
  const C: float32<[4, 5, 3]> = zeros();
  for (const [ii, jj, mm] of grid(4, 5, 3)) {
    C[ii][jj][mm] = B[ii][jj][mm] + 1.0;
  }
  const D: float32<[4, 5, 3]> = zeros();
  for (const [iii, jjj, mmm] of grid(4, 5, 3)) {
    D[iii][jjj][mmm] = C[iii][jjj][mmm] - A[iii][jjj][mmm];
  }
  return D;
}

/** The consumer reads the next row: fusing would read B before it is written. */
export function shifted(A: int32<[9, 6]>): int32<[8, 6]> {
  const B: int32<[9, 6]> = zeros();
  for (const [i, j] of grid(8, 6)) {
    B[i][j] = A[i][j] + 1;
  }
  const C: int32<[8, 6]> = zeros();
  for (const [ii, jj] of grid(8, 6)) {
    C[ii][jj] = B[ii + 1][jj] * 2;
  }
  return C;
}

/** Bands over different ranges. */
export function ragged(A: int32<[8, 6]>): int32<[8, 6]> {
  const B: int32<[8, 6]> = zeros();
  for (const [i, j] of grid(8, 6)) {
    B[i][j] = A[i][j] + 1;
  }
  const C: int32<[8, 6]> = zeros();
  for (const [ii, jj] of grid(8, 5)) {
    C[ii][jj] = B[ii][jj] * 2;
  }
  return C;
}

/** Rows minus their sums (an imperfect producer with a scalar per row), then scaled by a consumer. */
export function centered(A: int16<[5, 4]>): int32<[5, 4]> {
  const B: int32<[5, 4]> = zeros();
  for (const i of range(5, { name: "P" })) {
    let s: int32 = 0;
    for (const j of range(4)) {
      s += A[i][j];
    }
    for (const j of range(4)) {
      B[i][j] = A[i][j] * 4 - s;
    }
  }
  const C: int32<[5, 4]> = zeros();
  for (const [ii, jj] of grid(5, 4, { name: "Q" })) {
    C[ii][jj] = B[ii][jj] * 3;
  }
  return C;
}

/** Allo's test_conv2D_lb_wb_schedule: a 3x3 box sum over int32 (the plain kernel of the tiled schedule). */
export function conv2D(A: int32<[10, 10]>): int32<[8, 8]> {
  const B: int32<[8, 8]> = zeros();
  for (const [y, x] of grid(8, 8)) {
    let v: int32 = 0;
    for (const [r, c] of reduction(3, 3)) {
      v += A[y + r][x + c];
    }
    B[y][x] = v;
  }
  return B;
}

/** Allo's test_conv2D_lb_wb_stride_2: the 3x3 box sum taken every second row and column. */
export function conv2DStride2(A: int32<[10, 10]>): int32<[4, 4]> {
  const B: int32<[4, 4]> = zeros();
  for (const [y, x] of grid(4, 4)) {
    let v: int32 = 0;
    for (const [r, c] of reduction(3, 3)) {
      v += A[y * 2 + r][x * 2 + c];
    }
    B[y][x] = v;
  }
  return B;
}

/** Allo's test_multiband: two 32x32 bands named B and C over the same loop names. */
export function multiband(A: int32<[32, 32]>): int32<[32, 32]> {
  const B: int32<[32, 32]> = zeros();
  for (const [i, j] of grid(32, 32, { name: "B" })) {
    B[i][j] = A[i][j] + 1;
  }
  const C: int32<[32, 32]> = zeros();
  for (const [i, j] of grid(32, 32, { name: "C" })) {
    C[i][j] = B[i][j] * 2;
  }
  return C;
}

/** A one-loop producer of row factors before a two-loop consumer. */
export function rowFactors(A: int32<[8, 6]>): int32<[8, 6]> {
  const R: int32<[8]> = zeros();
  for (const r of range(8)) {
    R[r] = A[r][0] + 1;
  }
  const C: int32<[8, 6]> = zeros();
  for (const [ii, jj] of grid(8, 6, { name: "Q" })) {
    C[ii][jj] = A[ii][jj] * R[ii];
  }
  return C;
}
