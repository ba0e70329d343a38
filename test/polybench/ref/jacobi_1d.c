/* PolyBench jacobi-1d reference (float32; 0.33333f where PolyBench's C has the double literal 0.33333, to
 * match the allo-ts kernel, whose literals are float32). */
#include "pb.h"
enum { TSTEPS = PB_TSTEPS, N = PB_N };
static float A[N], B[N];

static void init(void) {
  for (int i = 0; i < N; i++) {
    A[i] = ((float)i + 2) / N;
    B[i] = ((float)i + 3) / N;
  }
}

static void kernel(void) {
  for (int t = 0; t < TSTEPS; t++) {
    for (int i = 1; i < N - 1; i++) B[i] = 0.33333f * (A[i - 1] + A[i] + A[i + 1]);
    for (int i = 1; i < N - 1; i++) A[i] = 0.33333f * (B[i - 1] + B[i] + B[i + 1]);
  }
}

static void dump(void) { PUT(A); PUT(B); }
PB_MAIN
