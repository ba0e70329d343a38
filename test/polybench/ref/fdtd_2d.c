/* PolyBench fdtd-2d reference (float32). */
#include "pb.h"
enum { TMAX = PB_TMAX, NX = PB_NX, NY = PB_NY };
static float ex[NX][NY], ey[NX][NY], hz[NX][NY], _fict_[TMAX];

static void init(void) {
  for (int i = 0; i < TMAX; i++) _fict_[i] = (float)i;
  for (int i = 0; i < NX; i++)
    for (int j = 0; j < NY; j++) {
      ex[i][j] = ((float)i * (j + 1)) / NX;
      ey[i][j] = ((float)i * (j + 2)) / NY;
      hz[i][j] = ((float)i * (j + 3)) / NX;
    }
}

static void kernel(void) {
  for (int t = 0; t < TMAX; t++) {
    for (int j = 0; j < NY; j++) ey[0][j] = _fict_[t];
    for (int i = 1; i < NX; i++)
      for (int j = 0; j < NY; j++) ey[i][j] = ey[i][j] - 0.5f * (hz[i][j] - hz[i - 1][j]);
    for (int i = 0; i < NX; i++)
      for (int j = 1; j < NY; j++) ex[i][j] = ex[i][j] - 0.5f * (hz[i][j] - hz[i][j - 1]);
    for (int i = 0; i < NX - 1; i++)
      for (int j = 0; j < NY - 1; j++)
        hz[i][j] = hz[i][j] - 0.7f * (ex[i][j + 1] - ex[i][j] + ey[i + 1][j] - ey[i][j]);
  }
}

static void dump(void) { PUT(ex); PUT(ey); PUT(hz); PUT(_fict_); }
PB_MAIN
