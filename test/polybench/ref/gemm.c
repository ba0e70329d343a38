/* PolyBench gemm reference (float32). */
#include "pb.h"
enum { NI = PB_NI, NJ = PB_NJ, NK = PB_NK };
static float alpha, beta, C[NI][NJ], A[NI][NK], B[NK][NJ];

static void init(void) {
  alpha = 1.5f;
  beta = 1.2f;
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NJ; j++) C[i][j] = (float)((i * j + 1) % NI) / NI;
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NK; j++) A[i][j] = (float)(i * (j + 1) % NK) / NK;
  for (int i = 0; i < NK; i++)
    for (int j = 0; j < NJ; j++) B[i][j] = (float)(i * (j + 2) % NJ) / NJ;
}

static void kernel(void) {
  for (int i = 0; i < NI; i++) {
    for (int j = 0; j < NJ; j++) C[i][j] *= beta;
    for (int k = 0; k < NK; k++)
      for (int j = 0; j < NJ; j++) C[i][j] += alpha * A[i][k] * B[k][j];
  }
}

static void dump(void) { PUT(alpha); PUT(beta); PUT(C); PUT(A); PUT(B); }
PB_MAIN
