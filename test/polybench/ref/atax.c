/* PolyBench atax reference (float32). */
#include "pb.h"
enum { M = PB_M, N = PB_N };
static float A[M][N], x[N], y[N], tmp[M];

static void init(void) {
  float fn = (float)N;
  for (int i = 0; i < N; i++) x[i] = 1 + (i / fn);
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) A[i][j] = (float)((i + j) % N) / (5 * M);
  for (int i = 0; i < N; i++) y[i] = 0.0f;
  for (int i = 0; i < M; i++) tmp[i] = 0.0f;
}

static void kernel(void) {
  for (int i = 0; i < N; i++) y[i] = 0;
  for (int i = 0; i < M; i++) {
    tmp[i] = 0.0f;
    for (int j = 0; j < N; j++) tmp[i] = tmp[i] + A[i][j] * x[j];
    for (int j = 0; j < N; j++) y[j] = y[j] + A[i][j] * tmp[i];
  }
}

static void dump(void) { PUT(A); PUT(x); PUT(y); PUT(tmp); }
PB_MAIN
