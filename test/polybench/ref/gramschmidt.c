/* PolyBench gramschmidt reference (float32). */
#include "pb.h"
enum { M = PB_M, N = PB_N };
static float A[M][N], R[N][N], Q[M][N];

static void init(void) {
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      A[i][j] = (((float)((i * j) % M) / M) * 100) + 10;
      Q[i][j] = 0.0;
    }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) R[i][j] = 0.0;
}

static void kernel(void) {
  for (int k = 0; k < N; k++) {
    float nrm = 0.0f;
    for (int i = 0; i < M; i++) nrm += A[i][k] * A[i][k];
    R[k][k] = sqrtf(nrm);
    for (int i = 0; i < M; i++) Q[i][k] = A[i][k] / R[k][k];
    for (int j = k + 1; j < N; j++) {
      R[k][j] = 0.0f;
      for (int i = 0; i < M; i++) R[k][j] += Q[i][k] * A[i][j];
      for (int i = 0; i < M; i++) A[i][j] = A[i][j] - Q[i][k] * R[k][j];
    }
  }
}

static void dump(void) { PUT(A); PUT(R); PUT(Q); }
PB_MAIN
