/* PolyBench adi reference (float32). */
#include "pb.h"
enum { TSTEPS = PB_TSTEPS, N = PB_N };
static float u[N][N], v[N][N], p[N][N], q[N][N];

static void init(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      u[i][j] = (float)(i + N - j) / N;
      v[i][j] = p[i][j] = q[i][j] = 0.0f;
    }
}

static void kernel(void) {
  float DX = 1.0f / (float)N, DY = 1.0f / (float)N, DT = 1.0f / (float)TSTEPS;
  float B1 = 2.0f, B2 = 1.0f;
  float mul1 = B1 * DT / (DX * DX), mul2 = B2 * DT / (DY * DY);
  float a = -mul1 / 2.0f, b = 1.0f + mul1, c = a;
  float d = -mul2 / 2.0f, e = 1.0f + mul2, f = d;
  for (int t = 1; t <= TSTEPS; t++) {
    for (int i = 1; i < N - 1; i++) {
      v[0][i] = 1.0f;
      p[i][0] = 0.0f;
      q[i][0] = v[0][i];
      for (int j = 1; j < N - 1; j++) {
        p[i][j] = -c / (a * p[i][j - 1] + b);
        q[i][j] = (-d * u[j][i - 1] + (1.0f + 2.0f * d) * u[j][i] - f * u[j][i + 1] - a * q[i][j - 1]) /
                  (a * p[i][j - 1] + b);
      }
      v[N - 1][i] = 1.0f;
      for (int j = N - 2; j >= 1; j--) v[j][i] = p[i][j] * v[j + 1][i] + q[i][j];
    }
    for (int i = 1; i < N - 1; i++) {
      u[i][0] = 1.0f;
      p[i][0] = 0.0f;
      q[i][0] = u[i][0];
      for (int j = 1; j < N - 1; j++) {
        p[i][j] = -f / (d * p[i][j - 1] + e);
        q[i][j] = (-a * v[i - 1][j] + (1.0f + 2.0f * a) * v[i][j] - c * v[i + 1][j] - d * q[i][j - 1]) /
                  (d * p[i][j - 1] + e);
      }
      u[i][N - 1] = 1.0f;
      for (int j = N - 2; j >= 1; j--) u[i][j] = p[i][j] * u[i][j + 1] + q[i][j];
    }
  }
}

static void dump(void) { PUT(u); PUT(v); PUT(p); PUT(q); }
PB_MAIN
