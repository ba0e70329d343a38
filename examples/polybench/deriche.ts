// PolyBench deriche: Deriche's recursive edge-detection filter, a causal and an anti-causal pass along each
// row and then along each column. Downward loops (`j = H-1 .. 0`) are written jj = 0..H-1 with j = H-1-jj.
import { type float32, range, type Schedule, type Tensor } from "allo-ts";
import { H, W } from "./params.ts";

export function kernel_deriche<W extends number, H extends number>(
  alpha: float32,
  imgIn: Tensor<float32, [W, H]>,
  imgOut: Tensor<float32, [W, H]>,
  y1: Tensor<float32, [W, H]>,
  y2: Tensor<float32, [W, H]>,
): void {
  const k: float32 =
    ((1.0 - Math.exp(-alpha)) * (1.0 - Math.exp(-alpha))) /
    (1.0 + 2.0 * alpha * Math.exp(-alpha) - Math.exp(2.0 * alpha));
  const a1: float32 = k;
  const a5: float32 = k;
  const a2: float32 = k * Math.exp(-alpha) * (alpha - 1.0);
  const a6: float32 = a2;
  const a3: float32 = k * Math.exp(-alpha) * (alpha + 1.0);
  const a7: float32 = a3;
  const a4: float32 = -k * Math.exp(-2.0 * alpha);
  const a8: float32 = a4;
  const b1: float32 = 2.0 ** -alpha;
  const b2: float32 = -Math.exp(-2.0 * alpha);
  const c1: float32 = 1;
  const c2: float32 = 1;
  for (const i of range<W>()) {
    let ym1: float32 = 0.0;
    let ym2: float32 = 0.0;
    let xm1: float32 = 0.0;
    for (const j of range<H>()) {
      y1[i][j] = a1 * imgIn[i][j] + a2 * xm1 + b1 * ym1 + b2 * ym2;
      xm1 = imgIn[i][j];
      ym2 = ym1;
      ym1 = y1[i][j];
    }
  }
  for (const i1 of range<W>()) {
    let yp1: float32 = 0.0;
    let yp2: float32 = 0.0;
    let xp1: float32 = 0.0;
    let xp2: float32 = 0.0;
    for (const jj of range<H>()) {
      y2[i1][H - 1 - jj] = a3 * xp1 + a4 * xp2 + b1 * yp1 + b2 * yp2;
      xp2 = xp1;
      xp1 = imgIn[i1][H - 1 - jj];
      yp2 = yp1;
      yp1 = y2[i1][H - 1 - jj];
    }
  }
  for (const i2 of range<W>()) {
    for (const j2 of range<H>()) imgOut[i2][j2] = c1 * (y1[i2][j2] + y2[i2][j2]);
  }
  for (const j3 of range<H>()) {
    let tm1: float32 = 0.0;
    let ym1: float32 = 0.0;
    let ym2: float32 = 0.0;
    for (const i3 of range<W>()) {
      y1[i3][j3] = a5 * imgOut[i3][j3] + a6 * tm1 + b1 * ym1 + b2 * ym2;
      tm1 = imgOut[i3][j3];
      ym2 = ym1;
      ym1 = y1[i3][j3];
    }
  }
  for (const j4 of range<H>()) {
    let tp1: float32 = 0.0;
    let tp2: float32 = 0.0;
    let yp1: float32 = 0.0;
    let yp2: float32 = 0.0;
    for (const ii of range<W>()) {
      y2[W - 1 - ii][j4] = a7 * tp1 + a8 * tp2 + b1 * yp1 + b2 * yp2;
      tp2 = tp1;
      tp1 = imgOut[W - 1 - ii][j4];
      yp2 = yp1;
      yp1 = y2[W - 1 - ii][j4];
    }
  }
  for (const i5 of range<W>()) {
    for (const j5 of range<H>()) imgOut[i5][j5] = c2 * (y1[i5][j5] + y2[i5][j5]);
  }
}

export const SIZES = {
  mini: { W: 64, H: 64 },
  small: { W: 192, H: 128 },
  medium: { W: 720, H: 480 },
};

export function schedule(s: Schedule): void {
  s.pipeline("j");
  s.pipeline("jj");
  s.pipeline("j2");
  s.pipeline("i3");
  s.pipeline("ii");
  s.pipeline("j5");
}
