// PolyBench fdtd-2d: TMAX steps of the 2-D finite-difference time-domain update of ex, ey, hz, with the
// source term _fict_[t] on the first row of ey, in PolyBench's loop order.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";
import { NX, NY } from "./params.ts";

export function kernel_fdtd_2d<TMAX extends number, NX extends number, NY extends number>(
  ex: Tensor<float32, [NX, NY]>,
  ey: Tensor<float32, [NX, NY]>,
  hz: Tensor<float32, [NX, NY]>,
  _fict_: Tensor<float32, [TMAX]>,
): void {
  for (const t of range<TMAX>()) {
    for (const j of range<NY>()) ey[0][j] = _fict_[t];
    for (const i1 of range(1, NX)) {
      for (const j1 of range<NY>()) ey[i1][j1] = ey[i1][j1] - 0.5 * (hz[i1][j1] - hz[i1 - 1][j1]);
    }
    for (const i2 of range<NX>()) {
      for (const j2 of range(1, NY)) ex[i2][j2] = ex[i2][j2] - 0.5 * (hz[i2][j2] - hz[i2][j2 - 1]);
    }
    for (const i3 of range(NX - 1)) {
      for (const j3 of range(NY - 1)) {
        hz[i3][j3] = hz[i3][j3] - 0.7 * (ex[i3][j3 + 1] - ex[i3][j3] + ey[i3 + 1][j3] - ey[i3][j3]);
      }
    }
  }
}

export const SIZES = {
  mini: { TMAX: 20, NX: 20, NY: 30 },
  small: { TMAX: 40, NX: 60, NY: 80 },
  medium: { TMAX: 100, NX: 200, NY: 240 },
};

export function schedule(s: Schedule): void {
  s.pipeline("j");
  s.pipeline("j1");
  s.pipeline("j2");
  s.pipeline("j3");
}
