/* PolyBench trisolv reference (float32); the unused upper triangle of L is zero. */
#include "pb.h"
enum { N = PB_N };
static float L[N][N], x[N], b[N];

static void init(void) {
  for (int i = 0; i < N; i++) {
    x[i] = -999;
    b[i] = i;
    for (int j = 0; j <= i; j++) L[i][j] = (float)(i + N - j + 1) * 2 / N;
    for (int j = i + 1; j < N; j++) L[i][j] = 0;
  }
}

static void kernel(void) {
  for (int i = 0; i < N; i++) {
    x[i] = b[i];
    for (int j = 0; j < i; j++) x[i] -= L[i][j] * x[j];
    x[i] = x[i] / L[i][i];
  }
}

static void dump(void) { PUT(L); PUT(x); PUT(b); }
PB_MAIN
