// allo-ts C-simulation header compatible with the part of Vitis HLS's ap_fixed.h that allo-ts emits:
// ap_fixed<W, I> / ap_ufixed<W, I> with the default modes only (AP_TRN quantization toward -inf, AP_WRAP
// overflow); other modes do not compile here. The value is a W-bit raw integer V meaning V * 2^-(W-I).
// + - * widen like Vitis so they are exact; converting to another type (fixed, integer, from double)
// quantizes and wraps exactly, and to_ap_int_base() truncates toward zero as C does.
#ifndef ALLO_AP_FIXED_H
#define ALLO_AP_FIXED_H

#include "ap_int.h"

enum ap_q_mode { AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV, AP_TRN, AP_TRN_ZERO };
enum ap_o_mode { AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP, AP_WRAP_SM };

template <int W, int I, bool S>
struct ap_fixed_base;

namespace allo_ap {
/** Only the default modes exist in this header: any other mode is a compile error. */
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O>
struct fixed_sel;
template <int W, int I, bool S>
struct fixed_sel<W, I, S, AP_TRN, AP_WRAP> {
  typedef ap_fixed_base<W, I, S> type;
};

/** A raw value with `from` fraction bits as a W-bit raw value with `to` fraction bits: floor, then wrap. */
template <int W, bool S, int W2, bool S2>
inline ap_int_base<W, S> rescale(const ap_int_base<W2, S2>& raw, int from, int to) {
  if (to >= from) return ap_int_base<W, S>(raw) << (to - from);
  return ap_int_base<W, S>(raw >> (from - to));
}
}  // namespace allo_ap

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
using ap_fixed = typename allo_ap::fixed_sel<W, I, true, Q, O>::type;
template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
using ap_ufixed = typename allo_ap::fixed_sel<W, I, false, Q, O>::type;

template <int W, int I, bool S>
struct ap_fixed_base {
  static const int F = W - I;
  /** The raw integer: the value is V * 2^-F. */
  ap_int_base<W, S> V;

  ap_fixed_base() {}
  template <int W2, int I2, bool S2>
  ap_fixed_base(const ap_fixed_base<W2, I2, S2>& o) : V(allo_ap::rescale<W, S>(o.V, W2 - I2, F)) {}
  template <int W2, bool S2>
  ap_fixed_base(const ap_int_base<W2, S2>& v) : V(allo_ap::rescale<W, S>(v, 0, F)) {}
  template <class T, allo_ap::if_native<T> = 0>
  ap_fixed_base(T v) : V(allo_ap::rescale<W, S>(typename allo_ap::native<T>::type(v), 0, F)) {}
  /** floor(x * 2^F), wrapped; NaN and infinities give 0. */
  ap_fixed_base(double x) { V.set_scaled(x, F, true); }
  ap_fixed_base(float x) { V.set_scaled(x, F, true); }

  double to_double() const { return ldexp(V.to_double(), -F); }
  /** The integer part: truncated toward zero (Cnative, as C casts do) or toward -inf. */
  ap_int_base<allo_ap::imax(I, 1), S> to_ap_int_base(bool Cnative = true) const {
    typedef ap_int_base<allo_ap::imax(I, 1), S> R;
    if (F <= 0) return R(V) << -F;
    ap_int_base<W, S> q = V >> F;
    bool exact = (q << F) == V;
    if (Cnative && V.negative() && !exact) return R(q + ap_int_base<1, false>(1));
    return R(q);
  }
  int to_int() const { return to_ap_int_base().to_int(); }
  long long to_int64() const { return to_ap_int_base().to_int64(); }

  ap_fixed_base operator<<(int sh) const {
    ap_fixed_base r;
    r.V = V << sh;
    return r;
  }
  ap_fixed_base operator>>(int sh) const {
    ap_fixed_base r;
    r.V = V >> sh;
    return r;
  }
  ap_fixed_base<W + 1, I + 1, true> operator-() const {
    ap_fixed_base<W + 1, I + 1, true> r;
    r.V = -V;
    return r;
  }
  ap_fixed_base operator~() const {
    ap_fixed_base r;
    r.V = ~V;
    return r;
  }

  ap_range_ref<W, S> range(int hi, int lo) { return V.range(hi, lo); }
  ap_uint<W> range(int hi, int lo) const { return static_cast<const ap_int_base<W, S>&>(V).range(hi, lo); }
};

namespace allo_ap {
template <int W1, int I1, bool S1, int W2, int I2, bool S2>
struct fixed_rtype {
  static const bool s = S1 || S2;
  static const int f = imax(W1 - I1, W2 - I2);
  static const int ic = common_w(I1, S1, I2, S2);
  typedef ap_fixed_base<ic + 1 + f, ic + 1, s> plus;
  typedef ap_fixed_base<W1 + W2, I1 + I2, s> mult;
  typedef ap_fixed_base<ic + f, ic, s> common;
};
}  // namespace allo_ap

template <int W1, int I1, bool S1, int W2, int I2, bool S2>
inline typename allo_ap::fixed_rtype<W1, I1, S1, W2, I2, S2>::plus operator+(const ap_fixed_base<W1, I1, S1>& a,
                                                                            const ap_fixed_base<W2, I2, S2>& b) {
  typedef typename allo_ap::fixed_rtype<W1, I1, S1, W2, I2, S2>::plus R;
  R x(a), y(b), r;
  r.V = x.V + y.V;
  return r;
}
template <int W1, int I1, bool S1, int W2, int I2, bool S2>
inline typename allo_ap::fixed_rtype<W1, I1, S1, W2, I2, S2>::plus operator-(const ap_fixed_base<W1, I1, S1>& a,
                                                                            const ap_fixed_base<W2, I2, S2>& b) {
  typedef typename allo_ap::fixed_rtype<W1, I1, S1, W2, I2, S2>::plus R;
  R x(a), y(b), r;
  r.V = x.V - y.V;
  return r;
}
template <int W1, int I1, bool S1, int W2, int I2, bool S2>
inline typename allo_ap::fixed_rtype<W1, I1, S1, W2, I2, S2>::mult operator*(const ap_fixed_base<W1, I1, S1>& a,
                                                                            const ap_fixed_base<W2, I2, S2>& b) {
  typename allo_ap::fixed_rtype<W1, I1, S1, W2, I2, S2>::mult r;
  r.V = a.V * b.V;
  return r;
}

#define ALLO_FIXED_CMP(OP)                                                                                              \
  template <int W1, int I1, bool S1, int W2, int I2, bool S2>                                                          \
  inline bool operator OP(const ap_fixed_base<W1, I1, S1>& a, const ap_fixed_base<W2, I2, S2>& b) {                    \
    typedef typename allo_ap::fixed_rtype<W1, I1, S1, W2, I2, S2>::common C;                                            \
    return C(a).V OP C(b).V;                                                                                            \
  }
ALLO_FIXED_CMP(==)
ALLO_FIXED_CMP(!=)
ALLO_FIXED_CMP(<)
ALLO_FIXED_CMP(<=)
ALLO_FIXED_CMP(>)
ALLO_FIXED_CMP(>=)
#undef ALLO_FIXED_CMP

#endif
