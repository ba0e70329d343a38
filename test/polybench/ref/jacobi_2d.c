/* PolyBench jacobi-2d reference (float32). */
#include "pb.h"
enum { TSTEPS = PB_TSTEPS, N = PB_N };
static float A[N][N], B[N][N];

static void init(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      A[i][j] = ((float)i * (j + 2) + 2) / N;
      B[i][j] = ((float)i * (j + 3) + 3) / N;
    }
}

static void kernel(void) {
  for (int t = 0; t < TSTEPS; t++) {
    for (int i = 1; i < N - 1; i++)
      for (int j = 1; j < N - 1; j++)
        B[i][j] = 0.2f * (A[i][j] + A[i][j - 1] + A[i][1 + j] + A[1 + i][j] + A[i - 1][j]);
    for (int i = 1; i < N - 1; i++)
      for (int j = 1; j < N - 1; j++)
        A[i][j] = 0.2f * (B[i][j] + B[i][j - 1] + B[i][1 + j] + B[1 + i][j] + B[i - 1][j]);
  }
}

static void dump(void) { PUT(A); PUT(B); }
PB_MAIN
