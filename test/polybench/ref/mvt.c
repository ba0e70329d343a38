/* PolyBench mvt reference (float32). */
#include "pb.h"
enum { N = PB_N };
static float x1[N], x2[N], y_1[N], y_2[N], A[N][N];

static void init(void) {
  for (int i = 0; i < N; i++) {
    x1[i] = (float)(i % N) / N;
    x2[i] = (float)((i + 1) % N) / N;
    y_1[i] = (float)((i + 3) % N) / N;
    y_2[i] = (float)((i + 4) % N) / N;
    for (int j = 0; j < N; j++) A[i][j] = (float)(i * j % N) / N;
  }
}

static void kernel(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) x1[i] = x1[i] + A[i][j] * y_1[j];
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) x2[i] = x2[i] + A[j][i] * y_2[j];
}

static void dump(void) { PUT(x1); PUT(x2); PUT(y_1); PUT(y_2); PUT(A); }
PB_MAIN
