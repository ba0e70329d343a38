/* PolyBench gesummv reference (float32). */
#include "pb.h"
enum { N = PB_N };
static float alpha, beta, A[N][N], B[N][N], tmp[N], x[N], y[N];

static void init(void) {
  alpha = 1.5f;
  beta = 1.2f;
  for (int i = 0; i < N; i++) {
    x[i] = (float)(i % N) / N;
    tmp[i] = y[i] = 0.0f;
    for (int j = 0; j < N; j++) {
      A[i][j] = (float)((i * j + 1) % N) / N;
      B[i][j] = (float)((i * j + 2) % N) / N;
    }
  }
}

static void kernel(void) {
  for (int i = 0; i < N; i++) {
    tmp[i] = 0.0f;
    y[i] = 0.0f;
    for (int j = 0; j < N; j++) {
      tmp[i] = A[i][j] * x[j] + tmp[i];
      y[i] = B[i][j] * x[j] + y[i];
    }
    y[i] = alpha * tmp[i] + beta * y[i];
  }
}

static void dump(void) { PUT(alpha); PUT(beta); PUT(A); PUT(B); PUT(tmp); PUT(x); PUT(y); }
PB_MAIN
