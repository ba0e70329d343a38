/* PolyBench doitgen reference (float32). */
#include "pb.h"
enum { NQ = PB_NQ, NR = PB_NR, NP = PB_NP };
static float A[NR][NQ][NP], C4[NP][NP], sum[NP];

static void init(void) {
  for (int i = 0; i < NR; i++)
    for (int j = 0; j < NQ; j++)
      for (int k = 0; k < NP; k++) A[i][j][k] = (float)((i * j + k) % NP) / NP;
  for (int i = 0; i < NP; i++) {
    sum[i] = 0.0f;
    for (int j = 0; j < NP; j++) C4[i][j] = (float)(i * j % NP) / NP;
  }
}

static void kernel(void) {
  for (int r = 0; r < NR; r++)
    for (int q = 0; q < NQ; q++) {
      for (int p = 0; p < NP; p++) {
        sum[p] = 0.0f;
        for (int s = 0; s < NP; s++) sum[p] += A[r][q][s] * C4[s][p];
      }
      for (int p = 0; p < NP; p++) A[r][q][p] = sum[p];
    }
}

static void dump(void) { PUT(A); PUT(C4); PUT(sum); }
PB_MAIN
