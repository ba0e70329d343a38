/* PolyBench durbin reference (float32). */
#include "pb.h"
enum { N = PB_N };
static float r[N], y[N];

static void init(void) {
  for (int i = 0; i < N; i++) {
    r[i] = (N + 1 - i);
    y[i] = 0;
  }
}

static void kernel(void) {
  float z[N];
  float alpha, beta, sum;
  y[0] = -r[0];
  beta = 1.0f;
  alpha = -r[0];
  for (int k = 1; k < N; k++) {
    beta = (1 - alpha * alpha) * beta;
    sum = 0.0f;
    for (int i = 0; i < k; i++) sum += r[k - i - 1] * y[i];
    alpha = -(r[k] + sum) / beta;
    for (int i = 0; i < k; i++) z[i] = y[i] + alpha * y[k - i - 1];
    for (int i = 0; i < k; i++) y[i] = z[i];
    y[k] = alpha;
  }
}

static void dump(void) { PUT(r); PUT(y); }
PB_MAIN
