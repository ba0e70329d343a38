/* PolyBench seidel-2d reference (float32). */
#include "pb.h"
enum { TSTEPS = PB_TSTEPS, N = PB_N };
static float A[N][N];

static void init(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) A[i][j] = ((float)i * (j + 2) + 2) / N;
}

static void kernel(void) {
  for (int t = 0; t <= TSTEPS - 1; t++)
    for (int i = 1; i <= N - 2; i++)
      for (int j = 1; j <= N - 2; j++)
        A[i][j] = (A[i - 1][j - 1] + A[i - 1][j] + A[i - 1][j + 1] + A[i][j - 1] + A[i][j] + A[i][j + 1] +
                   A[i + 1][j - 1] + A[i + 1][j] + A[i + 1][j + 1]) /
                  9.0f;
}

static void dump(void) { PUT(A); }
PB_MAIN
