/* PolyBench symm reference (float32). */
#include "pb.h"
enum { M = PB_M, N = PB_N };
static float alpha, beta, C[M][N], A[M][M], B[M][N];

static void init(void) {
  alpha = 1.5f;
  beta = 1.2f;
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      C[i][j] = (float)((i + j) % 100) / M;
      B[i][j] = (float)((N + i - j) % 100) / M;
    }
  for (int i = 0; i < M; i++) {
    for (int j = 0; j <= i; j++) A[i][j] = (float)((i + j) % 100) / M;
    for (int j = i + 1; j < M; j++) A[i][j] = -999; /* never read */
  }
}

static void kernel(void) {
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      float temp2 = 0;
      for (int k = 0; k < i; k++) {
        C[k][j] += alpha * B[i][j] * A[i][k];
        temp2 += B[k][j] * A[i][k];
      }
      C[i][j] = beta * C[i][j] + alpha * B[i][j] * A[i][i] + alpha * temp2;
    }
}

static void dump(void) { PUT(alpha); PUT(beta); PUT(C); PUT(A); PUT(B); }
PB_MAIN
