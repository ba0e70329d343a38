/* Harness shared by the PolyBench C references of allo-ts (test/polybench/ref/<kernel>.c).
 * Each reference defines init() (PolyBench's init_array, float32), kernel() (PolyBench's kernel loop nest)
 * and dump() (every kernel argument, in the allo-ts kernel's parameter order, as raw bytes), then PB_MAIN.
 * Sizes arrive as -DPB_<NAME>=value and become constants after the system headers are in.
 * `./ref` writes dump() after init, then dump() after kernel() to stdout; `./ref R` also times R runs of
 * kernel() (each on fresh inputs) and prints the best in milliseconds to stderr. With PB_VARIANT set in the
 * environment, pb_variant is 1: a reference whose PolyBench data is a fixed point of its kernel (heat-3d)
 * then perturbs its inputs, so that a comparison can fail. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int pb_variant;

#define PUT(x) fwrite(&(x), sizeof(x), 1, stdout)

static double pb_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec * 1e-6;
}

#define PB_MAIN                                                     \
  int main(int argc, char **argv) {                                 \
    int reps = argc > 1 ? atoi(argv[1]) : 0;                        \
    pb_variant = getenv("PB_VARIANT") != NULL;                      \
    double best = 1e300;                                            \
    for (int r = 0; r < reps; r++) {                                \
      init();                                                       \
      double t0 = pb_now();                                         \
      kernel();                                                     \
      double t = pb_now() - t0;                                     \
      if (t < best) best = t;                                       \
    }                                                               \
    init();                                                         \
    dump();                                                         \
    kernel();                                                       \
    dump();                                                         \
    if (reps > 0) fprintf(stderr, "%.6f\n", best);                  \
    return 0;                                                       \
  }
