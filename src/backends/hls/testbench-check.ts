// The self-check of a Vitis project's testbench and host: after the kernel ran, every output<k>.data is
// compared with expected<k>.data (written by allo-ts from a CPU run, docs/vitis-project.md), printing
// PASS, or FAIL with the first mismatches by index, and the program exits 0 or 1. Integers and fixed
// point must match in their W bits (the padding bits of the last byte are not compared); floats match
// when equal, both NaN, or within numpy.allclose's default tolerance, since Vitis may contract a*b+c.
// A directory without expected files (allo-ts's own csim calls) runs unchecked.

import type { BufferDecl } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { rawRange } from "../../semantics/scalar.ts";
import type { ElemType } from "../../types/dtype.ts";
import { elemBytes } from "./data.ts";

export const CHECK_HELPERS = `namespace allo_tb {
struct Tally {
  int compared = 0, missing = 0;
  size_t elements = 0, bad = 0;
};
/** The whole file, or null when it does not exist; *n is its size. */
inline unsigned char* slurp(const char* path, size_t* n) {
  FILE* f = fopen(path, "rb");
  if (!f) return 0;
  fseek(f, 0, SEEK_END);
  *n = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char* p = (unsigned char*)malloc(*n + 1);
  if (fread(p, 1, *n, f) != *n) exit(72);
  fclose(f);
  return p;
}
/** Element i of a data file as a double (kind f, d) or as its sign-extended raw bits (s, u; W <= 64). */
inline double real_at(const unsigned char* p, char kind) {
  if (kind == 'd') {
    double v;
    memcpy(&v, p, 8);
    return v;
  }
  float v;
  memcpy(&v, p, 4);
  return v;
}
inline long long int_at(const unsigned char* p, char kind, int bits) {
  unsigned long long u = 0;
  for (int i = (bits + 7) / 8 - 1; i >= 0; i--) u = (u << 8) | p[i];
  if (bits < 64) {
    u &= (1ULL << bits) - 1;
    if (kind == 's' && (u >> (bits - 1)) & 1) u |= ~0ULL << bits;
  }
  return (long long)u;
}
inline bool same(const unsigned char* a, const unsigned char* b, char kind, int bits) {
  if (kind == 'f' || kind == 'd') {
    double x = real_at(a, kind), y = real_at(b, kind);
    if (x == y || (x != x && y != y)) return true;
    return isfinite(x) && isfinite(y) && fabs(x - y) <= 1e-8 + 1e-5 * fabs(y);
  }
  int full = bits / 8;
  if (memcmp(a, b, full) != 0) return false;
  int rest = bits % 8;
  return rest == 0 || ((a[full] ^ b[full]) & ((1 << rest) - 1)) == 0;
}
inline void print_value(const unsigned char* p, char kind, int bits, int frac) {
  if (kind == 'f' || kind == 'd') {
    printf("%.9g", real_at(p, kind));
  } else if (bits > 64) {
    printf("0x");
    for (int i = (bits + 7) / 8 - 1; i >= 0; i--) printf("%02x", p[i]);
  } else if (frac > 0) {
    printf("%.17g", ldexp((double)int_at(p, kind, bits), -frac));
  } else if (kind == 'u') {
    printf("%llu", (unsigned long long)int_at(p, kind, bits));
  } else {
    printf("%lld", int_at(p, kind, bits));
  }
}
/** Compares dir/output<k>.data with dir/expected<k>.data, if that exists; prints the first mismatches. */
inline void check(const char* dir, int k, const char* name, char kind, int bits, int frac, int size,
                  int rank, const int* dims, size_t n, Tally& t) {
  char path[4096];
  size_t nw = 0, ng = 0;
  snprintf(path, sizeof path, "%s/expected%d.data", dir, k);
  unsigned char* want = slurp(path, &nw);
  if (!want) {
    t.missing++;
    return;
  }
  if (nw != n * size) {
    fprintf(stderr, "allo-csim: AL5016: %s holds %zu bytes; '%s' has %zu element(s) of %d byte(s), %zu bytes\\n",
            path, nw, name, n, size, n * size);
    exit(72);
  }
  snprintf(path, sizeof path, "%s/output%d.data", dir, k);
  unsigned char* got = slurp(path, &ng);
  if (!got || ng != nw) exit(72);
  t.compared++;
  t.elements += n;
  for (size_t i = 0; i < n; i++) {
    if (same(&got[i * size], &want[i * size], kind, bits)) continue;
    if (t.bad++ >= 10) continue;
    printf("mismatch %s", name);
    size_t rest = i, stride = n;
    for (int d = 0; d < rank; d++) {
      stride /= dims[d];
      printf("[%zu]", rest / stride);
      rest %= stride;
    }
    printf(": got ");
    print_value(&got[i * size], kind, bits, frac);
    printf(", expected ");
    print_value(&want[i * size], kind, bits, frac);
    printf("\\n");
  }
  free(want);
  free(got);
}
/** PASS (0) or FAIL (1) for one run; a run with no expected file is neither. */
inline int verdict(const char* dir, const char* top, const Tally& t) {
  if (t.compared == 0) {
    printf("allo-csim: %s ran; %s has no expected<k>.data, so its outputs were not compared\\n", top, dir);
    return 0;
  }
  if (t.bad == 0)
    printf("PASS: %s: all %zu output element(s) match %s/expected<k>.data", top, t.elements, dir);
  else
    printf("FAIL: %s: %zu of %zu output element(s) differ from %s/expected<k>.data", top, t.bad, t.elements, dir);
  if (t.missing) printf(" (%d output(s) without an expected file not compared)", t.missing);
  printf("\\n");
  return t.bad == 0 ? 0 : 1;
}
}  // namespace allo_tb
`;

/** How the check reads an element type: its kind letter and width in bits. */
function elemKind(t: ElemType): { kind: string; bits: number; frac: number } {
  if (t.kind === "float") return { kind: t.bits === 64 ? "d" : "f", bits: t.bits === 64 ? 64 : 32, frac: 0 };
  const bits = t.kind === "index" ? 32 : t.bits;
  return { kind: rawRange(t)[0] < 0n ? "s" : "u", bits, frac: t.kind === "fixed" ? t.frac : 0 };
}

/** The statements that compare every output of one run and return its verdict (`top`: the C++ name). */
export function checkLines(
  args: readonly { readonly decl: BufferDecl; readonly output: boolean }[],
  top: string,
): string[] {
  const lines = ["  allo_tb::Tally tally;"];
  args.forEach((a, k) => {
    if (!a.output) return;
    const t = a.decl.type;
    const { kind, bits, frac } = elemKind(t);
    const dims = a.decl.shape.length ? a.decl.shape : [1];
    const n = elementCount(dims);
    lines.push(
      `  static const int dims${k}[] = {${dims.join(", ")}};`,
      `  allo_tb::check(dir, ${k}, "${a.decl.name}", '${kind}', ${bits}, ${frac}, ${elemBytes(t)}, ${a.decl.shape.length}, dims${k}, ${n}, tally);`,
    );
  });
  lines.push(`  return allo_tb::verdict(dir, "${top}", tally);`);
  return lines;
}
