/* PolyBench syr2k reference (float32). */
#include "pb.h"
enum { M = PB_M, N = PB_N };
static float alpha, beta, C[N][N], A[N][M], B[N][M];

static void init(void) {
  alpha = 1.5f;
  beta = 1.2f;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++) {
      A[i][j] = (float)((i * j + 1) % N) / N;
      B[i][j] = (float)((i * j + 2) % M) / M;
    }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) C[i][j] = (float)((i * j + 3) % N) / M;
}

static void kernel(void) {
  for (int i = 0; i < N; i++) {
    for (int j = 0; j <= i; j++) C[i][j] *= beta;
    for (int k = 0; k < M; k++)
      for (int j = 0; j <= i; j++) C[i][j] += A[j][k] * alpha * B[i][k] + B[j][k] * alpha * A[i][k];
  }
}

static void dump(void) { PUT(alpha); PUT(beta); PUT(C); PUT(A); PUT(B); }
PB_MAIN
