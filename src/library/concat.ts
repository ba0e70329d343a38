// concat of allo-ts/library: two float32 matrices joined along template value Axis (0: rows, the
// default; 1: columns). The other extent must agree: each axis's copy is its own kernel whose parameter
// types tie them, so a mismatch is the frontend's shape error at that kernel's parameter.
import { type float32, grid, registerSchedule, zeros } from "allo-ts";

/** The value twins tsc needs for the template parameters used as numbers. */
declare const M: number, N: number, M2: number, N2: number, Axis: number;

/** `[A; B]` for Axis 0 ([M, N], [M2, N] -> [M + M2, N]), `[A, B]` for Axis 1 ([M, N], [M, N2] -> [M, N + N2]). */
export function concat<
  M extends number,
  N extends number,
  M2 extends number,
  N2 extends number,
  // biome-ignore lint/correctness/noUnusedVariables: used as a value through its declare const twin
  Axis extends number = 0,
>(A: float32<[M, N]>, B: float32<[M2, N2]>): float32<[number, number]> {
  const R = Axis === 0 ? M + M2 : M;
  const C = Axis === 0 ? N : N + N2;
  const Y: float32<[typeof R, typeof C]> = zeros();
  if (Axis === 0) concatRows(A, B, Y);
  else concatCols(A, B, Y);
  return Y;
}

/** Rows of A, then rows of B, into Y [M + M2, N]. */
export function concatRows<M extends number, N extends number, M2 extends number, R extends number>(
  A: float32<[M, N]>,
  B: float32<[M2, N]>,
  Y: float32<[R, N]>,
): void {
  for (const [i, j] of grid<[M, N]>()) Y[i][j] = A[i][j];
  for (const [i1, j1] of grid<[M2, N]>()) Y[M + i1][j1] = B[i1][j1];
}

/** Columns of A, then columns of B, into Y [M, N + N2]. */
export function concatCols<M extends number, N extends number, N2 extends number, C extends number>(
  A: float32<[M, N]>,
  B: float32<[M, N2]>,
  Y: float32<[M, C]>,
): void {
  for (const [i, j] of grid<[M, N]>()) Y[i][j] = A[i][j];
  for (const [i1, j1] of grid<[M, N2]>()) Y[i1][N + j1] = B[i1][j1];
}

for (const k of [concatRows, concatCols]) {
  registerSchedule(k, (s) => {
    s.pipeline("j");
    s.pipeline("j1");
  });
}
// concat's own schedule is that of the copy it calls (concatRows or concatCols, by Axis).
registerSchedule(concat, (s) => {
  for (const f of s.ir.functions)
    if (f.name !== s.ir.top) {
      s.pipeline(`${f.name}:j`);
      s.pipeline(`${f.name}:j1`);
    }
});
