// The C++ testbench: `allo_run(dir)` reads every parameter from dir/input<k>.data, calls the top
// function, and writes every array it may have written (returned buffers and written parameters) to
// dir/output<k>.data, k being the C++ argument position; files use the layout of data.ts. Then it
// compares them with dir/expected<k>.data where those exist (testbench-check.ts): PASS returns 0, FAIL 1.
// Vitis HLS runs the same file for csim/cosim (run.tcl), and allo-ts compiles it with g++ for mode "csim".

import { AlloError } from "../../diagnostics/error.ts";
import type { BufferDecl, Func } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { visitStmts } from "../../ir/walk.ts";
import { wordType } from "../cxx/decls.ts";
import { category, cType, widthOf } from "../cxx/types.ts";
import { CHECK_HELPERS, checkLines } from "./testbench-check.ts";

export const TESTBENCH_HELPERS = `namespace allo_tb {
// Dies with the process that started it (allo-ts passes its pid in ALLO_PARENT_PID): a parent killed
// before prctl ran has already left, so the getppid() check closes that race.
inline void die_with_parent() {
#ifdef __linux__
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  const char* p = getenv("ALLO_PARENT_PID");
  if (p && getppid() != (pid_t)atol(p)) exit(75);
#endif
}
inline FILE* open(const char* dir, const char* kind, int k, const char* mode) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s%d.data", dir, kind, k);
  FILE* f = fopen(path, mode);
  if (!f) {
    fprintf(stderr, "allo-csim: cannot open %s%s\\n", path,
            mode[0] == 'r' ? "; write the data with prj.writeData(inputs) or npx allo --inputs file.json" : "");
    exit(72);
  }
  return f;
}
inline void read_bytes(const char* dir, int k, unsigned char* p, size_t n) {
  FILE* f = open(dir, "input", k, "rb");
  fseek(f, 0, SEEK_END);
  size_t size = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  if (size != n || fread(p, 1, n, f) != n) {
    fprintf(stderr, "allo-csim: AL5016: %s/input%d.data holds %zu bytes; the argument takes %zu\\n", dir, k, size, n);
    exit(72);
  }
  fclose(f);
}
inline void write_bytes(const char* dir, int k, const unsigned char* p, size_t n) {
  FILE* f = open(dir, "output", k, "wb");
  size_t put = fwrite(p, 1, n, f);
  if (fclose(f) != 0 || put != n) exit(72);
}
/** Scratch bytes for one argument's conversion (the testbench is single-threaded). */
inline unsigned char* scratch(size_t n) {
  static unsigned char* buf = 0;
  static size_t cap = 0;
  if (n > cap) {
    free(buf);
    buf = (unsigned char*)malloc(n);
    cap = n;
  }
  return buf;
}
template <class T>
void load(const char* dir, int k, T* p, size_t n) {
  read_bytes(dir, k, (unsigned char*)p, n * sizeof(T));
}
template <class T>
void store(const char* dir, int k, const T* p, size_t n) {
  write_bytes(dir, k, (const unsigned char*)p, n * sizeof(T));
}
template <class T>
void load_half(const char* dir, int k, T* p, size_t n) {
  float* v = (float*)scratch(n * sizeof(float));
  load(dir, k, v, n);
  for (size_t i = 0; i < n; i++) p[i] = (T)v[i];
}
template <class T>
void store_half(const char* dir, int k, const T* p, size_t n) {
  float* v = (float*)scratch(n * sizeof(float));
  for (size_t i = 0; i < n; i++) v[i] = (float)p[i];
  store(dir, k, v, n);
}
// Integers and fixed point travel as ceil(W/8) little-endian bytes of their raw two's-complement bits.
template <int W>
ap_uint<W> raw_at(const unsigned char* b) {
  ap_uint<W> raw = 0;
  for (int i = (W + 7) / 8 - 1; i >= 0; i--) raw = (raw << 8) | ap_uint<W>(b[i]);
  return raw;
}
template <int W>
void put_raw(unsigned char* b, ap_uint<W> raw) {
  for (int i = 0; i < (W + 7) / 8; i++) b[i] = (unsigned char)((raw >> (8 * i)).to_uint() & 255);
}
template <class T, int W>
void load_ap(const char* dir, int k, T* p, size_t n) {
  unsigned char* b = scratch(n * ((W + 7) / 8) + 1);
  read_bytes(dir, k, b, n * ((W + 7) / 8));
  for (size_t i = 0; i < n; i++) p[i] = T(raw_at<W>(&b[i * ((W + 7) / 8)]));
}
template <class T, int W>
void store_ap(const char* dir, int k, const T* p, size_t n) {
  unsigned char* b = scratch(n * ((W + 7) / 8) + 1);
  for (size_t i = 0; i < n; i++) put_raw<W>(&b[i * ((W + 7) / 8)], ap_uint<W>(p[i]));
  write_bytes(dir, k, b, n * ((W + 7) / 8));
}
template <class T, int W>
void load_fixed(const char* dir, int k, T* p, size_t n) {
  unsigned char* b = scratch(n * ((W + 7) / 8) + 1);
  read_bytes(dir, k, b, n * ((W + 7) / 8));
  for (size_t i = 0; i < n; i++) p[i].range(W - 1, 0) = raw_at<W>(&b[i * ((W + 7) / 8)]);
}
template <class T, int W>
void store_fixed(const char* dir, int k, const T* p, size_t n) {
  unsigned char* b = scratch(n * ((W + 7) / 8) + 1);
  for (size_t i = 0; i < n; i++) put_raw<W>(&b[i * ((W + 7) / 8)], ap_uint<W>(p[i].range(W - 1, 0)));
  write_bytes(dir, k, b, n * ((W + 7) / 8));
}
}  // namespace allo_tb
${CHECK_HELPERS}`;

export const TESTBENCH_INCLUDES =
  "#include <math.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#ifdef __linux__\n#include <signal.h>\n#include <sys/prctl.h>\n#include <unistd.h>\n#endif\n";

/** One argument of the top function as the testbench sees it. */
export interface TbArg {
  readonly decl: BufferDecl;
  /** A scalar parameter (passed by value), not an array. */
  readonly scalar: boolean;
  /** Read from input<k>.data (parameters) / written to output<k>.data (possibly written arrays). */
  readonly input: boolean;
  readonly output: boolean;
}

/** The C++ arguments of a top function: parameters, then returned buffers; scalars as 0-d decls. */
export function tbArgs(f: Func): TbArg[] {
  const written = new Set<string>();
  visitStmts(f.body, (st) => {
    if (st.kind === "store" || st.kind === "alloc") written.add(st.buffer);
    if (st.kind === "call") for (const a of st.args) if (a.kind === "buffer") written.add(a.name);
  });
  const params = f.params.map((p): TbArg => {
    if (p.kind === "scalar") {
      const decl: BufferDecl = { name: p.name, type: p.type, shape: [], role: "param", partitions: [] };
      return { decl, scalar: true, input: true, output: false };
    }
    const decl = f.buffers[p.name];
    if (decl.stream) {
      throw new AlloError(
        "AL5007",
        `'${f.name}' takes the stream '${p.name}': the testbench cannot feed streams of the top function; give the top arrays`,
      );
    }
    return { decl, scalar: false, input: true, output: written.has(p.name) };
  });
  const results = f.results.map(
    (r): TbArg => ({ decl: f.buffers[r], scalar: false, input: false, output: true }),
  );
  return [...params, ...results];
}

/** `allo_tb::load...(dir, k, ptr, n);` (or store) for an argument's element type. */
export function transfer(op: "load" | "store", a: TbArg, k: number, ptr: string): string {
  const t = a.decl.type;
  const n = elementCount(a.decl.shape);
  const T = cType(t);
  const cat = category(t);
  const suffix =
    cat === "half" ? "_half" : cat === "ap" || cat === "fixed" ? `_${cat}<${T}, ${widthOf(t)}>` : "";
  return `allo_tb::${op}${suffix}(dir, ${k}, ${ptr}, ${n});`;
}

const pointer = (a: TbArg, k: number): string => (a.scalar ? `&a${k}` : `(${cType(a.decl.type)}*)a${k}`);

/**
 * Argument k as the top takes it: a port read in words (`words`) gets the array's bytes as words, as
 * the host's buffer reaches the kernel.
 */
function argument(k: number, words: ReadonlyMap<number, BufferDecl>): string {
  const d = words.get(k);
  if (!d) return `a${k}`;
  const rows = d.shape
    .slice(1, -1)
    .map((n) => `[${n}]`)
    .join("");
  return rows ? `(${wordType(d)} (*)${rows})a${k}` : `(${wordType(d)}*)a${k}`;
}

/**
 * `int allo_run(const char* dir)` for the top function `top` (its C++ name) of IR function f; `words`
 * (VitisKernel.words) the ports it reads in words.
 */
export function testbenchRun(
  f: Func,
  top: string,
  words: ReadonlyMap<number, BufferDecl> = new Map(),
): string {
  const args = tbArgs(f);
  const lines: string[] = ["  allo_tb::die_with_parent();"];
  args.forEach((a, k) => {
    const dims = a.scalar ? "" : a.decl.shape.length ? a.decl.shape.map((d) => `[${d}]`).join("") : "[1]";
    lines.push(`  static ${cType(a.decl.type)} a${k}${dims};`);
  });
  args.forEach((a, k) => {
    if (a.input) lines.push(`  ${transfer("load", a, k, pointer(a, k))}`);
  });
  lines.push(`  ${top}(${args.map((_, k) => argument(k, words)).join(", ")});`);
  args.forEach((a, k) => {
    if (a.output) lines.push(`  ${transfer("store", a, k, pointer(a, k))}`);
  });
  lines.push(...checkLines(args, top));
  return `int allo_run(const char* dir) {\n${lines.join("\n")}\n}\n`;
}
