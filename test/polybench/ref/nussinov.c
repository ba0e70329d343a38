/* PolyBench nussinov reference (int table, signed char bases as PolyBench's `base`). */
#include "pb.h"
enum { N = PB_N };
static signed char seq[N];
static int table[N][N];
#define max_score(s1, s2) ((s1 >= s2) ? s1 : s2)
#define match(b1, b2) (((b1) + (b2)) == 3 ? 1 : 0)

static void init(void) {
  for (int i = 0; i < N; i++) seq[i] = (signed char)((i + 1) % 4);
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) table[i][j] = 0;
}

static void kernel(void) {
  for (int i = N - 1; i >= 0; i--) {
    for (int j = i + 1; j < N; j++) {
      if (j - 1 >= 0) table[i][j] = max_score(table[i][j], table[i][j - 1]);
      if (i + 1 < N) table[i][j] = max_score(table[i][j], table[i + 1][j]);
      if (j - 1 >= 0 && i + 1 < N) {
        if (i < j - 1)
          table[i][j] = max_score(table[i][j], table[i + 1][j - 1] + match(seq[i], seq[j]));
        else
          table[i][j] = max_score(table[i][j], table[i + 1][j - 1]);
      }
      for (int k = i + 1; k < j; k++) table[i][j] = max_score(table[i][j], table[i][k] + table[k + 1][j]);
    }
  }
}

static void dump(void) { PUT(seq); PUT(table); }
PB_MAIN
