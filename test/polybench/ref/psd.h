/* PolyBench's shared matrix set-up for cholesky, lu and ludcmp (float32): a lower triangle with unit
 * diagonal, then A = A * A^T so that the factorisations never divide by zero. */
static float pb_psd_tmp[N][N];

static void pb_psd_init(float A[N][N]) {
  for (int i = 0; i < N; i++) {
    for (int j = 0; j <= i; j++) A[i][j] = (float)(-j % N) / N + 1;
    for (int j = i + 1; j < N; j++) A[i][j] = 0;
    A[i][i] = 1;
  }
  for (int r = 0; r < N; ++r)
    for (int s = 0; s < N; ++s) pb_psd_tmp[r][s] = 0;
  for (int t = 0; t < N; ++t)
    for (int r = 0; r < N; ++r)
      for (int s = 0; s < N; ++s) pb_psd_tmp[r][s] += A[r][t] * A[s][t];
  for (int r = 0; r < N; ++r)
    for (int s = 0; s < N; ++s) A[r][s] = pb_psd_tmp[r][s];
}
