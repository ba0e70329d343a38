// allo-ts C-simulation header providing Vitis HLS's `half` (IEEE binary16) for the operations allo-ts
// emits. A half holds a float whose value is always a binary16 value; arithmetic goes through float
// (exact enough: float has more than 2 * 11 + 2 significand bits, so rounding the float result to
// half equals rounding the exact result) and every conversion to half rounds to nearest, ties to even.
#ifndef ALLO_HLS_HALF_H
#define ALLO_HLS_HALF_H

#include <math.h>

#include <type_traits>

namespace allo_ap {
/** x rounded to the nearest binary16 value (ties to even), overflowing to infinity, as a double. */
inline double round_half(double x) {
  if (!(x == x) || x - x != 0 || x == 0) return x;
  double a = fabs(x);
  if (a >= 65520) return x > 0 ? INFINITY : -INFINITY;
  int e;
  frexp(a, &e);
  e -= 1;  // a = m * 2^e with m in [1, 2)
  double q = ldexp(1.0, (e > -14 ? e : -14) - 10);
  double m = a / q;
  double r = floor(m);
  double rest = m - r;
  if (rest > 0.5 || (rest == 0.5 && fmod(r, 2) == 1)) r += 1;
  return copysign(r * q, x);
}
}  // namespace allo_ap

struct half {
  float v;
  half() : v(0) {}
  half(double x) : v((float)allo_ap::round_half(x)) {}
  half(float x) : v((float)allo_ap::round_half(x)) {}
  template <class T, typename std::enable_if<std::is_integral<T>::value, int>::type = 0>
  half(T x) : v((float)allo_ap::round_half((double)x)) {}
  operator float() const { return v; }
};

#endif
