/* PolyBench heat-3d reference (float32). PolyBench's data is linear in i, j, k, so the stencil leaves it
 * unchanged; with PB_VARIANT the inputs get a non-linear term added (see pb.h). */
#include "pb.h"
enum { TSTEPS = PB_TSTEPS, N = PB_N };
static float A[N][N][N], B[N][N][N];

static void init(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      for (int k = 0; k < N; k++) {
        A[i][j][k] = B[i][j][k] = (float)(i + j + (N - k)) * 10 / (N);
        if (pb_variant) A[i][j][k] += (float)((i * j + 3 * k) % 7) / 8;
      }
}

static void kernel(void) {
  for (int t = 1; t <= TSTEPS; t++) {
    for (int i = 1; i < N - 1; i++)
      for (int j = 1; j < N - 1; j++)
        for (int k = 1; k < N - 1; k++)
          B[i][j][k] = 0.125f * (A[i + 1][j][k] - 2.0f * A[i][j][k] + A[i - 1][j][k]) +
                       0.125f * (A[i][j + 1][k] - 2.0f * A[i][j][k] + A[i][j - 1][k]) +
                       0.125f * (A[i][j][k + 1] - 2.0f * A[i][j][k] + A[i][j][k - 1]) + A[i][j][k];
    for (int i = 1; i < N - 1; i++)
      for (int j = 1; j < N - 1; j++)
        for (int k = 1; k < N - 1; k++)
          A[i][j][k] = 0.125f * (B[i + 1][j][k] - 2.0f * B[i][j][k] + B[i - 1][j][k]) +
                       0.125f * (B[i][j + 1][k] - 2.0f * B[i][j][k] + B[i][j - 1][k]) +
                       0.125f * (B[i][j][k + 1] - 2.0f * B[i][j][k] + B[i][j][k - 1]) + B[i][j][k];
  }
}

static void dump(void) { PUT(A); PUT(B); }
PB_MAIN
