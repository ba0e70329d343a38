/* PolyBench 2mm reference (float32). */
#include "pb.h"
enum { NI = PB_NI, NJ = PB_NJ, NK = PB_NK, NL = PB_NL };
static float alpha, beta, tmp[NI][NJ], A[NI][NK], B[NK][NJ], C[NJ][NL], D[NI][NL];

static void init(void) {
  alpha = 1.5f;
  beta = 1.2f;
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NK; j++) A[i][j] = (float)((i * j + 1) % NI) / NI;
  for (int i = 0; i < NK; i++)
    for (int j = 0; j < NJ; j++) B[i][j] = (float)(i * (j + 1) % NJ) / NJ;
  for (int i = 0; i < NJ; i++)
    for (int j = 0; j < NL; j++) C[i][j] = (float)((i * (j + 3) + 1) % NL) / NL;
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NL; j++) D[i][j] = (float)(i * (j + 2) % NK) / NK;
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NJ; j++) tmp[i][j] = 0.0f;
}

static void kernel(void) {
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NJ; j++) {
      tmp[i][j] = 0.0f;
      for (int k = 0; k < NK; ++k) tmp[i][j] += alpha * A[i][k] * B[k][j];
    }
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NL; j++) {
      D[i][j] *= beta;
      for (int k = 0; k < NJ; ++k) D[i][j] += tmp[i][k] * C[k][j];
    }
}

static void dump(void) { PUT(alpha); PUT(beta); PUT(tmp); PUT(A); PUT(B); PUT(C); PUT(D); }
PB_MAIN
