// The small inline helpers emitted C++ calls where plain C++ would not compute what docs/ir-semantics.md
// says: wrapping signed arithmetic, division by zero giving 0, clamped shifts, float-to-integer
// truncation with wrap, wide-integer-to-float with one rounding, NaN-propagating min/max, bitcasts. Only the helpers a kernel uses are written, in a fixed
// order, as ordinary C++ that both Vitis HLS and the csim headers accept.

export type Helper =
  | "add"
  | "sub"
  | "mul"
  | "neg"
  | "div"
  | "rem"
  | "sdiv"
  | "srem"
  | "shamt"
  | "shl"
  | "shr"
  | "apshl"
  | "apshr"
  | "f2i"
  | "f2i_wide"
  | "i2f"
  | "fmin"
  | "fmax"
  | "f32bits"
  | "f64bits"
  | "bitsf32"
  | "bitsf64"
  | "fixedbits";

const HELPERS: Readonly<Record<Helper, string>> = {
  add: "template <class T> inline T allo_add(T a, T b) { return (T)((uint64_t)a + (uint64_t)b); }",
  sub: "template <class T> inline T allo_sub(T a, T b) { return (T)((uint64_t)a - (uint64_t)b); }",
  mul: "template <class T> inline T allo_mul(T a, T b) { return (T)((uint64_t)a * (uint64_t)b); }",
  neg: "template <class T> inline T allo_neg(T a) { return (T)(0 - (uint64_t)a); }",
  div: "template <class T> inline T allo_div(T a, T b) { return b == 0 ? T(0) : T(a / b); }",
  rem: "template <class T> inline T allo_rem(T a, T b) { return b == 0 ? T(0) : T(a % b); }",
  sdiv: "template <class T> inline T allo_sdiv(T a, T b) { return b == 0 ? (T)0 : b == (T)-1 ? (T)(0 - (uint64_t)a) : (T)(a / b); }",
  srem: "template <class T> inline T allo_srem(T a, T b) { return b == 0 || b == (T)-1 ? (T)0 : (T)(a % b); }",
  shamt:
    "template <int W, class A> inline long long allo_shamt(A s) { return s < 0 ? 0 : s > W ? W : (long long)s; }",
  shl: "template <int W, class T> inline T allo_shl(T a, long long s) { return s <= 0 ? a : s >= W ? (T)0 : (T)((uint64_t)a << s); }",
  shr: "template <int W, class T> inline T allo_shr(T a, long long s) { return s <= 0 ? a : s >= W ? (T)(a < 0 ? -1 : 0) : (T)(a >> s); }",
  apshl:
    "template <int W, class T> inline T allo_apshl(T a, long long s) { return s <= 0 ? a : s >= W ? T(0) : T(a << (int)s); }",
  apshr:
    "template <int W, class T> inline T allo_apshr(T a, long long s) { return s <= 0 ? a : T(a >> (int)(s >= W ? W : s)); }",
  f2i: [
    "template <class T> inline T allo_f2i(double x) {",
    "  if (!(x == x) || x - x != 0) return (T)0;",
    "  double t = trunc(x);",
    "  uint64_t u = (uint64_t)fmod(fabs(t), 18446744073709551616.0);",
    "  return (T)(t < 0 ? 0 - u : u);",
    "}",
  ].join("\n"),
  f2i_wide: [
    "template <class T, int W> inline T allo_f2i_wide(double x) {",
    "  if (!(x == x) || x - x != 0) return T(0);",
    "  double a = trunc(fabs(x));",
    "  T r = T(0);",
    "  for (int k = (W + 31) / 32 - 1; k >= 0; k--)",
    "    r = T((r << 32) | T((uint32_t)fmod(floor(ldexp(a, -32 * k)), 4294967296.0)));",
    "  return x < 0 ? T(-r) : r;",
    "}",
  ].join("\n"),
  i2f: [
    "template <class F, int W, int KEEP, class T> inline F allo_i2f(T x, int frac) {",
    "  ap_uint<W + 1> a = x < 0 ? ap_uint<W + 1>(-x) : ap_uint<W + 1>(x);",
    "  int p = 0;",
    "  for (int k = W; k > 0 && p == 0; k--)",
    "    if (((a >> (k - 1)) & 1) != 0) p = k;",
    "  int drop = p > KEEP ? p - KEEP : 0;",
    "  uint64_t m = (a >> drop).to_uint64() | (drop > 0 && (a << (W + 1 - drop)) != 0 ? 1 : 0);",
    "  double d = ldexp((double)m, drop - frac);",
    "  return (F)(x < 0 ? -d : d);",
    "}",
  ].join("\n"),
  fmin: "template <class T> inline T allo_fmin(T a, T b) { return a != a ? a : b != b ? b : a < b ? a : b; }",
  fmax: "template <class T> inline T allo_fmax(T a, T b) { return a != a ? a : b != b ? b : a > b ? a : b; }",
  f32bits:
    "inline uint32_t allo_f32_bits(float x) { union { float f; uint32_t u; } c; c.f = x; return c.u; }",
  f64bits:
    "inline uint64_t allo_f64_bits(double x) { union { double f; uint64_t u; } c; c.f = x; return c.u; }",
  bitsf32:
    "inline float allo_bits_f32(uint32_t u) { union { uint32_t u; float f; } c; c.u = u; return c.f; }",
  bitsf64:
    "inline double allo_bits_f64(uint64_t u) { union { uint64_t u; double f; } c; c.u = u; return c.f; }",
  fixedbits:
    "template <class F, int W> inline F allo_fixed_bits(ap_uint<W> raw) { F r; r.range(W - 1, 0) = raw; return r; }",
};

const ORDER = Object.keys(HELPERS) as Helper[];

/** The prelude for a set of used helpers (empty when none is used). */
export function preludeText(used: ReadonlySet<Helper>): string {
  const parts = ORDER.filter((h) => used.has(h)).map((h) => HELPERS[h]);
  if (parts.length === 0) return "";
  return `// Exact IR semantics where C++ differs (wrap, x / 0 == 0, clamped shifts): docs/ir-semantics.md\n${parts.join("\n")}\n`;
}
