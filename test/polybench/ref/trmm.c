/* PolyBench trmm reference (float32). */
#include "pb.h"
enum { M = PB_M, N = PB_N };
static float alpha, A[M][M], B[M][N];

static void init(void) {
  alpha = 1.5f;
  for (int i = 0; i < M; i++) {
    for (int j = 0; j < i; j++) A[i][j] = (float)((i + j) % M) / M;
    A[i][i] = 1.0f;
    for (int j = i + 1; j < M; j++) A[i][j] = 0.0f;
    for (int j = 0; j < N; j++) B[i][j] = (float)((N + (i - j)) % N) / N;
  }
}

static void kernel(void) {
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      for (int k = i + 1; k < M; k++) B[i][j] += A[k][i] * B[k][j];
      B[i][j] = alpha * B[i][j];
    }
}

static void dump(void) { PUT(alpha); PUT(A); PUT(B); }
PB_MAIN
