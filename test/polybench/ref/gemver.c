/* PolyBench gemver reference (float32). */
#include "pb.h"
enum { N = PB_N };
static float alpha, beta, A[N][N], u1[N], v1[N], u2[N], v2[N], w[N], x[N], y[N], z[N];

static void init(void) {
  alpha = 1.5f;
  beta = 1.2f;
  float fn = (float)N;
  for (int i = 0; i < N; i++) {
    u1[i] = i;
    u2[i] = ((i + 1) / fn) / 2.0;
    v1[i] = ((i + 1) / fn) / 4.0;
    v2[i] = ((i + 1) / fn) / 6.0;
    y[i] = ((i + 1) / fn) / 8.0;
    z[i] = ((i + 1) / fn) / 9.0;
    x[i] = 0.0;
    w[i] = 0.0;
    for (int j = 0; j < N; j++) A[i][j] = (float)(i * j % N) / N;
  }
}

static void kernel(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) A[i][j] = A[i][j] + u1[i] * v1[j] + u2[i] * v2[j];
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) x[i] = x[i] + beta * A[j][i] * y[j];
  for (int i = 0; i < N; i++) x[i] = x[i] + z[i];
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) w[i] = w[i] + alpha * A[i][j] * x[j];
}

static void dump(void) {
  PUT(alpha); PUT(beta); PUT(A); PUT(u1); PUT(v1); PUT(u2); PUT(v2); PUT(w); PUT(x); PUT(y); PUT(z);
}
PB_MAIN
