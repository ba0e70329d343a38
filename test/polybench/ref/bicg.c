/* PolyBench bicg reference (float32). */
#include "pb.h"
enum { M = PB_M, N = PB_N };
static float A[N][M], s[M], q[N], p[M], r[N];

static void init(void) {
  for (int i = 0; i < M; i++) p[i] = (float)(i % M) / M;
  for (int i = 0; i < N; i++) {
    r[i] = (float)(i % N) / N;
    for (int j = 0; j < M; j++) A[i][j] = (float)(i * (j + 1) % N) / N;
  }
  for (int i = 0; i < M; i++) s[i] = 0.0f;
  for (int i = 0; i < N; i++) q[i] = 0.0f;
}

static void kernel(void) {
  for (int i = 0; i < M; i++) s[i] = 0;
  for (int i = 0; i < N; i++) {
    q[i] = 0.0f;
    for (int j = 0; j < M; j++) {
      s[j] = s[j] + r[i] * A[i][j];
      q[i] = q[i] + A[i][j] * p[j];
    }
  }
}

static void dump(void) { PUT(A); PUT(s); PUT(q); PUT(p); PUT(r); }
PB_MAIN
