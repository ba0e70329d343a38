// allo-ts C-simulation header compatible with the part of Vitis HLS's ap_int.h that allo-ts emits:
// ap_int<W> / ap_uint<W> for any W >= 1, two's complement, stored as 64-bit limbs that are kept sign-
// (or zero-) extended past bit W. Operators widen like Vitis (a + b: one bit more than the wider
// operand, a * b: the sum of the widths, a / b: W1 + S2 bits) so they are exact; converting to a
// narrower type wraps. Shifts keep the left operand's type. Division by zero gives 0 here.
#ifndef ALLO_AP_INT_H
#define ALLO_AP_INT_H

#include <math.h>
#include <stdint.h>

#include <type_traits>

template <int W, bool S>
struct ap_int_base;
template <int W>
using ap_int = ap_int_base<W, true>;
template <int W>
using ap_uint = ap_int_base<W, false>;
template <int W, bool S>
struct ap_range_ref;

namespace allo_ap {
constexpr int imax(int a, int b) { return a > b ? a : b; }
constexpr int imin(int a, int b) { return a < b ? a : b; }
/** Width of a type holding every value of both operands (an unsigned one needs a bit more next to a signed one). */
constexpr int common_w(int w1, bool s1, int w2, bool s2) { return imax(w1 + (s2 && !s1), w2 + (s1 && !s2)); }

template <class T>
struct native {
  static const int width = std::is_same<T, bool>::value ? 1 : int(sizeof(T) * 8);
  static const bool sign = std::is_signed<T>::value;
  typedef ap_int_base<width, sign> type;
};
template <class T>
using if_native = typename std::enable_if<std::is_integral<T>::value, int>::type;

/** Unsigned magnitude long division on n limbs: q = a / b, r = a % b (b != 0). */
inline void udivmod(const uint64_t* a, const uint64_t* b, uint64_t* q, uint64_t* r, int n) {
  for (int i = 0; i < n; i++) q[i] = r[i] = 0;
  for (int bit = 64 * n - 1; bit >= 0; bit--) {
    for (int i = n - 1; i > 0; i--) r[i] = (r[i] << 1) | (r[i - 1] >> 63);
    r[0] = (r[0] << 1) | ((a[bit / 64] >> (bit % 64)) & 1);
    int cmp = 0;
    for (int i = n - 1; i >= 0 && cmp == 0; i--) cmp = r[i] < b[i] ? -1 : r[i] > b[i] ? 1 : 0;
    if (cmp >= 0) {
      uint64_t borrow = 0;
      for (int i = 0; i < n; i++) {
        uint64_t d = r[i] - b[i] - borrow;
        borrow = (r[i] < b[i] || (r[i] == b[i] && borrow)) ? 1 : 0;
        r[i] = d;
      }
      q[bit / 64] |= 1ULL << (bit % 64);
    }
  }
}
}  // namespace allo_ap

template <int W, bool S>
struct ap_int_base {
  static_assert(W >= 1, "ap_int width must be at least 1");
  static const int N = (W + 63) / 64;
  /** Little-endian limbs; bits past W repeat the sign bit (signed) or are zero (unsigned). */
  uint64_t d[N];

  typedef typename std::conditional<
      S, typename std::conditional<(W <= 32), int, long long>::type,
      typename std::conditional<(W <= 32), unsigned, unsigned long long>::type>::type RetType;

  ap_int_base() {
    for (int i = 0; i < N; i++) d[i] = 0;
  }
  template <int W2, bool S2>
  ap_int_base(const ap_int_base<W2, S2>& o) {
    uint64_t fill = o.negative() ? ~0ULL : 0;
    for (int i = 0; i < N; i++) d[i] = i < ap_int_base<W2, S2>::N ? o.d[i] : fill;
    norm();
  }
  template <class T, allo_ap::if_native<T> = 0>
  ap_int_base(T v) {
    const bool neg = std::is_signed<T>::value && v < (T)0;
    d[0] = (uint64_t)v;
    for (int i = 1; i < N; i++) d[i] = neg ? ~0ULL : 0;
    norm();
  }
  /** Truncates toward zero, then wraps; NaN and infinities give 0. */
  ap_int_base(double x) { set_scaled(x, 0, false); }
  ap_int_base(float x) { set_scaled(x, 0, false); }
  /** Digits in `radix` (2, 8, 10 or 16), an optional leading '-', and an optional 0x/0o/0b prefix. */
  ap_int_base(const char* s, signed char radix = 10) {
    for (int i = 0; i < N; i++) d[i] = 0;
    bool neg = *s == '-';
    if (neg || *s == '+') s++;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'b')) {
      radix = s[1] == 'o' ? 8 : s[1] == 'b' ? 2 : 16;
      s += 2;
    }
    for (; *s; s++) {
      int c = *s;
      int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
      if (v >= radix) break;
      *this = *this * ap_int_base<8, false>(radix) + ap_int_base<8, false>(v);
    }
    if (neg) *this = -*this;
  }
  template <int W2, bool S2>
  ap_int_base(const ap_range_ref<W2, S2>& r) : ap_int_base(r.get()) {}

  bool negative() const { return S && (int64_t)d[N - 1] < 0; }
  void norm() {
    if (W % 64 == 0) return;
    const int r = W % 64 ? W % 64 : 1;  // 1..63 here; the fallback keeps the dead branch well-formed
    if (S && ((d[N - 1] >> (r - 1)) & 1)) d[N - 1] |= ~0ULL << r;
    else d[N - 1] &= (1ULL << r) - 1;
  }

  /**
   * floor (or, with trunc, toward zero) of x * 2^frac, wrapped to W bits; NaN and infinities give 0.
   * Exact for every double: the mantissa is shifted as an integer, never rounded.
   */
  void set_scaled(double x, int frac, bool floor_mode) {
    // Fast path: x * 2^frac is exact (a power-of-two scaling that neither overflows nor reaches the
    // subnormals) and fits an int64, so floor/trunc and the cast are exact too; NaN fails the test.
    const double y = x * ldexp(1.0, frac), a = fabs(y);
    if (a < 0x1p62 && (a >= 0x1p-1000 || x == 0)) {
      const int64_t v = (int64_t)(floor_mode ? floor(y) : trunc(y));
      d[0] = (uint64_t)v;
      for (int i = 1; i < N; i++) d[i] = v < 0 ? ~0ULL : 0;
      norm();
      return;
    }
    for (int i = 0; i < N; i++) d[i] = 0;
    if (!(x == x) || x - x != 0) return;
    bool neg = x < 0;
    int e;
    double m = frexp(fabs(x), &e);
    if (m == 0) return;
    uint64_t mant = (uint64_t)ldexp(m, 53);
    long shift = (long)e - 53 + frac;
    ap_int_base<W + 1, false> mag;
    bool inexact = false;
    if (shift >= 0) {
      mag = shift > W ? ap_int_base<W + 1, false>(0) : ap_int_base<W + 1, false>(mant) << (int)shift;
    } else {
      long k = -shift;
      uint64_t q = k >= 64 ? 0 : mant >> k;
      inexact = k >= 64 ? mant != 0 : (mant & ((1ULL << k) - 1)) != 0;
      mag = ap_int_base<W + 1, false>(q);
    }
    if (neg && inexact && floor_mode) mag = mag + ap_int_base<1, false>(1);
    *this = neg ? ap_int_base(-mag) : ap_int_base(mag);
  }

  operator RetType() const { return (RetType)d[0]; }
  int to_int() const { return (int)d[0]; }
  unsigned to_uint() const { return (unsigned)d[0]; }
  long long to_int64() const { return (long long)d[0]; }
  unsigned long long to_uint64() const { return d[0]; }
  /** Rounded to nearest (ties to even), like converting the exact integer to double. */
  double to_double() const {
    // One limb holds the value sign- or zero-extended, so the hardware conversion rounds it the same way.
    if (N == 1) return S ? (double)(int64_t)d[0] : (double)d[0];
    bool neg = negative();
    ap_int_base<W + 1, false> m = neg ? ap_int_base<W + 1, false>(-*this) : ap_int_base<W + 1, false>(*this);
    const int n = ap_int_base<W + 1, false>::N;
    int top = -1;
    for (int i = n - 1; i >= 0 && top < 0; i--)
      if (m.d[i]) top = 64 * i + 63 - __builtin_clzll(m.d[i]);
    if (top < 0) return 0.0;
    double v;
    if (top < 64) {
      v = (double)m.d[0];
    } else {
      // The top 64 bits, with every lower bit folded into a sticky lsb, round to 53 bits like the whole.
      ap_int_base<W + 1, false> hi = m >> (top - 63);
      uint64_t t = hi.d[0];
      bool sticky = false;
      for (int b = 0; b < top - 63 && !sticky; b++) sticky = (m.d[b / 64] >> (b % 64)) & 1;
      v = ldexp((double)(t | (sticky ? 1 : 0)), top - 63);
    }
    return neg ? -v : v;
  }

  ap_int_base operator<<(int sh) const {
    if (sh < 0) return *this >> -sh;
    ap_int_base r;
    if (sh >= W) return r;
    const int q = sh / 64, b = sh % 64;
    for (int i = N - 1; i >= q; i--) {
      r.d[i] = d[i - q] << b;
      if (b && i - q - 1 >= 0) r.d[i] |= d[i - q - 1] >> (64 - b);
    }
    r.norm();
    return r;
  }
  /** Arithmetic for signed types, logical for unsigned ones. */
  ap_int_base operator>>(int sh) const {
    if (sh < 0) return *this << -sh;
    const uint64_t fill = negative() ? ~0ULL : 0;
    ap_int_base r;
    if (sh >= W) {
      for (int i = 0; i < N; i++) r.d[i] = fill;
      return r;
    }
    const int q = sh / 64, b = sh % 64;
    for (int i = 0; i < N; i++) {
      uint64_t lo = i + q < N ? d[i + q] : fill;
      uint64_t hi = i + q + 1 < N ? d[i + q + 1] : fill;
      r.d[i] = b ? (lo >> b) | (hi << (64 - b)) : lo;
    }
    r.norm();
    return r;
  }
  template <int W2, bool S2>
  ap_int_base operator<<(const ap_int_base<W2, S2>& sh) const {
    return *this << clamp_shift(sh);
  }
  template <int W2, bool S2>
  ap_int_base operator>>(const ap_int_base<W2, S2>& sh) const {
    return *this >> clamp_shift(sh);
  }
  template <int W2, bool S2>
  static int clamp_shift(const ap_int_base<W2, S2>& sh) {
    if (sh.negative()) return sh < ap_int_base<32, true>(-W - 1) ? -W - 1 : (int)sh.d[0];
    return sh > ap_int_base<32, true>(W + 1) ? W + 1 : (int)sh.d[0];
  }

  ap_int_base<W + 1, true> operator-() const {
    ap_int_base<W + 1, true> r(*this);
    uint64_t carry = 1;
    for (int i = 0; i < ap_int_base<W + 1, true>::N; i++) {
      r.d[i] = ~r.d[i] + carry;
      carry = carry && r.d[i] == 0;
    }
    r.norm();
    return r;
  }
  ap_int_base operator~() const {
    ap_int_base r;
    for (int i = 0; i < N; i++) r.d[i] = ~d[i];
    r.norm();
    return r;
  }
  bool operator!() const {
    for (int i = 0; i < N; i++)
      if (d[i]) return false;
    return true;
  }

  ap_range_ref<W, S> range(int hi, int lo) { return ap_range_ref<W, S>(*this, hi, lo); }
  ap_uint<W> range(int hi, int lo) const { return ap_range_ref<W, S>(const_cast<ap_int_base&>(*this), hi, lo).get(); }
  /** Bit i (0 <= i < W), read-only: allo-ts writes bits through masks, never through a bit reference. */
  bool operator[](int i) const { return (d[i / 64] >> (i % 64)) & 1; }
};

/** Bits hi..lo of an ap_int (or of an ap_fixed's raw value): read as an ap_uint, assignable. */
template <int W, bool S>
struct ap_range_ref {
  ap_int_base<W, S>& ref;
  int hi, lo;
  ap_range_ref(ap_int_base<W, S>& r, int h, int l) : ref(r), hi(h), lo(l) {}
  ap_uint<W> get() const {
    ap_uint<W> v = ap_uint<W>(ref) >> lo;
    return hi - lo + 1 >= W ? v : ap_uint<W>(v & ((ap_uint<W>(1) << (hi - lo + 1)) - ap_uint<1>(1)));
  }
  template <int W2, bool S2>
  ap_range_ref& operator=(const ap_int_base<W2, S2>& v) {
    ap_uint<W> ones = ~ap_uint<W>(0);
    ap_uint<W> mask = hi - lo + 1 >= W ? ones : ap_uint<W>((ap_uint<W>(1) << (hi - lo + 1)) - ap_uint<1>(1));
    ap_uint<W> field = (ap_uint<W>(v) & mask) << lo;
    ref = ap_int_base<W, S>((ap_uint<W>(ref) & ~(mask << lo)) | field);
    return *this;
  }
  template <int W2, bool S2>
  ap_range_ref& operator=(const ap_range_ref<W2, S2>& v) {
    return *this = v.get();
  }
  ap_range_ref& operator=(const ap_range_ref& v) { return *this = v.get(); }
  template <class T, allo_ap::if_native<T> = 0>
  ap_range_ref& operator=(T v) {
    return *this = typename allo_ap::native<T>::type(v);
  }
};

// ---------------------------------------------------------------- arithmetic between ap_int values

namespace allo_ap {
template <int W1, bool S1, int W2, bool S2>
struct rtype {
  static const bool s = S1 || S2;
  typedef ap_int_base<common_w(W1, S1, W2, S2) + 1, s> plus;
  typedef ap_int_base<W1 + W2, s> mult;
  typedef ap_int_base<W1 + S2, s> div;
  typedef ap_int_base<imin(W1, W2 + (!S2 && S1)), S1> mod;
  typedef ap_int_base<common_w(W1, S1, W2, S2), s> logic;
};

template <int W, bool S>
inline ap_int_base<W, S> add(const ap_int_base<W, S>& a, const ap_int_base<W, S>& b, bool sub) {
  ap_int_base<W, S> r;
  uint64_t carry = sub ? 1 : 0;
  for (int i = 0; i < ap_int_base<W, S>::N; i++) {
    uint64_t y = sub ? ~b.d[i] : b.d[i];
    unsigned __int128 s = (unsigned __int128)a.d[i] + y + carry;
    r.d[i] = (uint64_t)s;
    carry = (uint64_t)(s >> 64);
  }
  r.norm();
  return r;
}

/** Quotient and remainder of exact values, truncated toward zero; a zero divisor gives 0 and 0. */
template <int W1, bool S1, int W2, bool S2>
inline void divmod(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b, ap_int_base<imax(W1, W2) + 2, true>& q,
                   ap_int_base<imax(W1, W2) + 2, true>& r) {
  typedef ap_int_base<imax(W1, W2) + 2, true> X;
  X x(a), y(b);
  q = X(0);
  r = X(0);
  if (!y) return;
  if (X::N == 1) {
    q = X((long long)x.d[0] / (long long)y.d[0]);
    r = X((long long)x.d[0] % (long long)y.d[0]);
    return;
  }
  bool nx = x.negative(), ny = y.negative();
  X mx = nx ? X(-x) : x, my = ny ? X(-y) : y;
  allo_ap::udivmod(mx.d, my.d, q.d, r.d, X::N);
  if (nx != ny) q = X(-q);
  if (nx) r = X(-r);
}

template <int W, bool S>
inline int compare(const ap_int_base<W, S>& a, const ap_int_base<W, S>& b) {
  const int n = ap_int_base<W, S>::N;
  if (S && a.negative() != b.negative()) return a.negative() ? -1 : 1;
  for (int i = n - 1; i >= 0; i--)
    if (a.d[i] != b.d[i]) return a.d[i] < b.d[i] ? -1 : 1;
  return 0;
}
}  // namespace allo_ap

template <int W1, bool S1, int W2, bool S2>
inline typename allo_ap::rtype<W1, S1, W2, S2>::plus operator+(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  typedef typename allo_ap::rtype<W1, S1, W2, S2>::plus R;
  return allo_ap::add(R(a), R(b), false);
}
template <int W1, bool S1, int W2, bool S2>
inline typename allo_ap::rtype<W1, S1, W2, S2>::plus operator-(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  typedef typename allo_ap::rtype<W1, S1, W2, S2>::plus R;
  return allo_ap::add(R(a), R(b), true);
}
template <int W1, bool S1, int W2, bool S2>
inline typename allo_ap::rtype<W1, S1, W2, S2>::mult operator*(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  typedef typename allo_ap::rtype<W1, S1, W2, S2>::mult R;
  R x(a), y(b), r(0);
  const int n = R::N;
  for (int i = 0; i < n; i++) {
    uint64_t carry = 0;
    for (int j = 0; i + j < n; j++) {
      unsigned __int128 t = (unsigned __int128)x.d[i] * y.d[j] + r.d[i + j] + carry;
      r.d[i + j] = (uint64_t)t;
      carry = (uint64_t)(t >> 64);
    }
  }
  r.norm();
  return r;
}
template <int W1, bool S1, int W2, bool S2>
inline typename allo_ap::rtype<W1, S1, W2, S2>::div operator/(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  ap_int_base<allo_ap::imax(W1, W2) + 2, true> q, r;
  allo_ap::divmod(a, b, q, r);
  return typename allo_ap::rtype<W1, S1, W2, S2>::div(q);
}
template <int W1, bool S1, int W2, bool S2>
inline typename allo_ap::rtype<W1, S1, W2, S2>::mod operator%(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
  ap_int_base<allo_ap::imax(W1, W2) + 2, true> q, r;
  allo_ap::divmod(a, b, q, r);
  return typename allo_ap::rtype<W1, S1, W2, S2>::mod(r);
}

#define ALLO_AP_LOGIC(OP)                                                                                               \
  template <int W1, bool S1, int W2, bool S2>                                                                          \
  inline typename allo_ap::rtype<W1, S1, W2, S2>::logic operator OP(const ap_int_base<W1, S1>& a,                     \
                                                                     const ap_int_base<W2, S2>& b) {                   \
    typedef typename allo_ap::rtype<W1, S1, W2, S2>::logic R;                                                           \
    R x(a), y(b), r;                                                                                                    \
    for (int i = 0; i < R::N; i++) r.d[i] = x.d[i] OP y.d[i];                                                          \
    r.norm();                                                                                                           \
    return r;                                                                                                           \
  }
ALLO_AP_LOGIC(&)
ALLO_AP_LOGIC(|)
ALLO_AP_LOGIC(^)
#undef ALLO_AP_LOGIC

#define ALLO_AP_CMP(OP)                                                                                                 \
  template <int W1, bool S1, int W2, bool S2>                                                                          \
  inline bool operator OP(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {                                \
    typedef ap_int_base<allo_ap::common_w(W1, S1, W2, S2), S1 || S2> C;                                                 \
    return allo_ap::compare(C(a), C(b)) OP 0;                                                                           \
  }
ALLO_AP_CMP(==)
ALLO_AP_CMP(!=)
ALLO_AP_CMP(<)
ALLO_AP_CMP(<=)
ALLO_AP_CMP(>)
ALLO_AP_CMP(>=)
#undef ALLO_AP_CMP

// A native integer next to an ap_int behaves as the ap_int of its own width and signedness.
#define ALLO_AP_NATIVE(OP)                                                                                              \
  template <int W, bool S, class T, allo_ap::if_native<T> = 0>                                                          \
  inline auto operator OP(const ap_int_base<W, S>& a, T b)->decltype(a OP typename allo_ap::native<T>::type(b)) {      \
    return a OP typename allo_ap::native<T>::type(b);                                                                   \
  }                                                                                                                     \
  template <int W, bool S, class T, allo_ap::if_native<T> = 0>                                                          \
  inline auto operator OP(T a, const ap_int_base<W, S>& b)->decltype(typename allo_ap::native<T>::type(a) OP b) {      \
    return typename allo_ap::native<T>::type(a) OP b;                                                                   \
  }
ALLO_AP_NATIVE(+)
ALLO_AP_NATIVE(-)
ALLO_AP_NATIVE(*)
ALLO_AP_NATIVE(/)
ALLO_AP_NATIVE(%)
ALLO_AP_NATIVE(&)
ALLO_AP_NATIVE(|)
ALLO_AP_NATIVE(^)
ALLO_AP_NATIVE(==)
ALLO_AP_NATIVE(!=)
ALLO_AP_NATIVE(<)
ALLO_AP_NATIVE(<=)
ALLO_AP_NATIVE(>)
ALLO_AP_NATIVE(>=)
#undef ALLO_AP_NATIVE

#endif
