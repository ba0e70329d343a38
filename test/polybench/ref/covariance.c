/* PolyBench covariance reference (float32). */
#include "pb.h"
enum { M = PB_M, N = PB_N };
static float float_n, data[N][M], cov[M][M], mean[M];

static void init(void) {
  float_n = (float)N;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++) data[i][j] = ((float)i * j) / M;
  for (int i = 0; i < M; i++) {
    mean[i] = 0.0f;
    for (int j = 0; j < M; j++) cov[i][j] = 0.0f;
  }
}

static void kernel(void) {
  for (int j = 0; j < M; j++) {
    mean[j] = 0.0f;
    for (int i = 0; i < N; i++) mean[j] += data[i][j];
    mean[j] /= float_n;
  }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++) data[i][j] -= mean[j];
  for (int i = 0; i < M; i++)
    for (int j = i; j < M; j++) {
      cov[i][j] = 0.0f;
      for (int k = 0; k < N; k++) cov[i][j] += data[k][i] * data[k][j];
      cov[i][j] /= (float_n - 1.0f);
      cov[j][i] = cov[i][j];
    }
}

static void dump(void) { PUT(float_n); PUT(data); PUT(cov); PUT(mean); }
PB_MAIN
