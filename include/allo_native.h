// allo-ts native runtime, included by every native translation unit (C++17): the escape a failed
// check takes out of a call. An index outside its dimension (ix) or a bit position outside its value
// (bitpos) records its site in `fault` and longjmps to the entry, which returns 1. Units with streams
// or regions that run as coroutines include allo_dataflow.h as well (C++20).
#ifndef ALLO_NATIVE_H
#define ALLO_NATIVE_H

#include <setjmp.h>
#include <string.h>

#include <algorithm>
#include <memory>

namespace allo_nat {
inline thread_local jmp_buf escape;
inline thread_local double* fault;
inline int ix(long long i, long long extent, int site) {
  if (i < 0 || i >= extent) {
    fault[0] = site;
    fault[1] = (double)i;
    longjmp(escape, 1);
  }
  return (int)i;
}
inline int bitpos(long long p, long long last, int site) {
  if (p < 0 || p > last) {
    fault[0] = site;
    fault[1] = (double)p;
    longjmp(escape, 1);
  }
  return (int)p;
}
}  // namespace allo_nat

#endif
