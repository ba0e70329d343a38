// PolyBench adi: alternating-direction implicit solver, TSTEPS column sweeps then row sweeps (tridiagonal
// solves). PolyBench's downward loops `for (j = N-2; j >= 1; j--)` are written as jj = 1..N-2 with j = N-1-jj.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";
import { N, TSTEPS } from "./params.ts";

export function kernel_adi<TSTEPS extends number, N extends number>(
  u: Tensor<float32, [N, N]>,
  v: Tensor<float32, [N, N]>,
  p: Tensor<float32, [N, N]>,
  q: Tensor<float32, [N, N]>,
): void {
  const DX: float32 = 1.0 / N;
  const DY: float32 = 1.0 / N;
  const DT: float32 = 1.0 / TSTEPS;
  const B1: float32 = 2.0;
  const B2: float32 = 1.0;
  const mul1: float32 = (B1 * DT) / (DX * DX);
  const mul2: float32 = (B2 * DT) / (DY * DY);
  const a: float32 = -mul1 / 2.0;
  const b: float32 = 1.0 + mul1;
  const c: float32 = a;
  const d: float32 = -mul2 / 2.0;
  const e: float32 = 1.0 + mul2;
  const f: float32 = d;
  for (const _t of range<TSTEPS>()) {
    for (const i of range(1, N - 1)) {
      v[0][i] = 1.0;
      p[i][0] = 0.0;
      q[i][0] = v[0][i];
      for (const j of range(1, N - 1)) {
        p[i][j] = -c / (a * p[i][j - 1] + b);
        q[i][j] =
          (-d * u[j][i - 1] + (1.0 + 2.0 * d) * u[j][i] - f * u[j][i + 1] - a * q[i][j - 1]) /
          (a * p[i][j - 1] + b);
      }
      v[N - 1][i] = 1.0;
      for (const jj of range(1, N - 1)) v[N - 1 - jj][i] = p[i][N - 1 - jj] * v[N - jj][i] + q[i][N - 1 - jj];
    }
    for (const i1 of range(1, N - 1)) {
      u[i1][0] = 1.0;
      p[i1][0] = 0.0;
      q[i1][0] = u[i1][0];
      for (const j1 of range(1, N - 1)) {
        p[i1][j1] = -f / (d * p[i1][j1 - 1] + e);
        q[i1][j1] =
          (-a * v[i1 - 1][j1] + (1.0 + 2.0 * a) * v[i1][j1] - c * v[i1 + 1][j1] - d * q[i1][j1 - 1]) /
          (d * p[i1][j1 - 1] + e);
      }
      u[i1][N - 1] = 1.0;
      for (const jj1 of range(1, N - 1)) {
        u[i1][N - 1 - jj1] = p[i1][N - 1 - jj1] * u[i1][N - jj1] + q[i1][N - 1 - jj1];
      }
    }
  }
}

export const SIZES = {
  mini: { TSTEPS: 20, N: 20 },
  small: { TSTEPS: 40, N: 60 },
  medium: { TSTEPS: 100, N: 200 },
};

export function schedule(s: Schedule): void {
  s.pipeline("j");
  s.pipeline("jj");
  s.pipeline("j1");
  s.pipeline("jj1");
}
