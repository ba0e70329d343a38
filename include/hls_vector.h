// allo-ts C-simulation header compatible with the part of Vitis HLS's hls::vector that allo-ts's block
// streams use: a fixed-size value of N elements of T, default-constructed (elements value-initialised),
// copied as a whole, and indexed with operator[].
#ifndef ALLO_HLS_VECTOR_H
#define ALLO_HLS_VECTOR_H

#include <stddef.h>

namespace hls {
template <class T, size_t N>
class vector {
  T data_[N];

 public:
  vector() : data_() {}
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  static constexpr size_t size() { return N; }
};
}  // namespace hls

#endif
