/* PolyBench cholesky reference (float32). */
#include "pb.h"
enum { N = PB_N };
static float A[N][N];
#include "psd.h"

static void init(void) { pb_psd_init(A); }

static void kernel(void) {
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < i; j++) {
      for (int k = 0; k < j; k++) A[i][j] -= A[i][k] * A[j][k];
      A[i][j] /= A[j][j];
    }
    for (int k = 0; k < i; k++) A[i][i] -= A[i][k] * A[i][k];
    A[i][i] = sqrtf(A[i][i]);
  }
}

static void dump(void) { PUT(A); }
PB_MAIN
