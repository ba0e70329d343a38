/* PolyBench deriche reference (float32, expf/powf from libm). */
#include "pb.h"
enum { W = PB_W, H = PB_H };
static float alpha, imgIn[W][H], imgOut[W][H], y1_[W][H], y2_[W][H];

static void init(void) {
  alpha = 0.25f;
  for (int i = 0; i < W; i++)
    for (int j = 0; j < H; j++) {
      imgIn[i][j] = (float)((313 * i + 991 * j) % 65536) / 65535.0f;
      imgOut[i][j] = y1_[i][j] = y2_[i][j] = 0.0f;
    }
}

static void kernel(void) {
  float xm1, tm1, ym1, ym2, xp1, xp2, tp1, tp2, yp1, yp2;
  float k = (1.0f - expf(-alpha)) * (1.0f - expf(-alpha)) /
            (1.0f + 2.0f * alpha * expf(-alpha) - expf(2.0f * alpha));
  float a1 = k, a5 = k;
  float a2 = k * expf(-alpha) * (alpha - 1.0f), a6 = a2;
  float a3 = k * expf(-alpha) * (alpha + 1.0f), a7 = a3;
  float a4 = -k * expf(-2.0f * alpha), a8 = a4;
  float b1 = powf(2.0f, -alpha);
  float b2 = -expf(-2.0f * alpha);
  float c1 = 1, c2 = 1;
  for (int i = 0; i < W; i++) {
    ym1 = ym2 = xm1 = 0.0f;
    for (int j = 0; j < H; j++) {
      y1_[i][j] = a1 * imgIn[i][j] + a2 * xm1 + b1 * ym1 + b2 * ym2;
      xm1 = imgIn[i][j];
      ym2 = ym1;
      ym1 = y1_[i][j];
    }
  }
  for (int i = 0; i < W; i++) {
    yp1 = yp2 = xp1 = xp2 = 0.0f;
    for (int j = H - 1; j >= 0; j--) {
      y2_[i][j] = a3 * xp1 + a4 * xp2 + b1 * yp1 + b2 * yp2;
      xp2 = xp1;
      xp1 = imgIn[i][j];
      yp2 = yp1;
      yp1 = y2_[i][j];
    }
  }
  for (int i = 0; i < W; i++)
    for (int j = 0; j < H; j++) imgOut[i][j] = c1 * (y1_[i][j] + y2_[i][j]);
  for (int j = 0; j < H; j++) {
    tm1 = ym1 = ym2 = 0.0f;
    for (int i = 0; i < W; i++) {
      y1_[i][j] = a5 * imgOut[i][j] + a6 * tm1 + b1 * ym1 + b2 * ym2;
      tm1 = imgOut[i][j];
      ym2 = ym1;
      ym1 = y1_[i][j];
    }
  }
  for (int j = 0; j < H; j++) {
    tp1 = tp2 = yp1 = yp2 = 0.0f;
    for (int i = W - 1; i >= 0; i--) {
      y2_[i][j] = a7 * tp1 + a8 * tp2 + b1 * yp1 + b2 * yp2;
      tp2 = tp1;
      tp1 = imgOut[i][j];
      yp2 = yp1;
      yp1 = y2_[i][j];
    }
  }
  for (int i = 0; i < W; i++)
    for (int j = 0; j < H; j++) imgOut[i][j] = c2 * (y1_[i][j] + y2_[i][j]);
}

static void dump(void) { PUT(alpha); PUT(imgIn); PUT(imgOut); PUT(y1_); PUT(y2_); }
PB_MAIN
