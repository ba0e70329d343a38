// Runs printed MLIR natively, for cross-checks against the reference semantics: a batch of modules
// (functions renamed per case so they can share one module) goes through one mlir-opt lowering, one
// mlir-translate and one clang run, linked with a generated C driver that reads every argument from
// a binary file, calls each case's `_mlir_ciface_` entry and writes results and buffer arguments back.
// Stream functions get the sequential unbounded-FIFO definitions of ./fifo.ts.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { moduleOpen, needsHostLayout } from "../../../src/backends/mlir/data-layout.ts";
import { printMlir } from "../../../src/backends/mlir/print.ts";
import { LOWERING } from "../../../src/backends/native/llvm.ts";
import type { BufferDecl, Func, Module } from "../../../src/ir/nodes.ts";
import { rewriteBlock } from "../../../src/ir/walk.ts";
import { convert, wrap } from "../../../src/semantics/scalar.ts";
import { type ElemType, floatType } from "../../../src/types/dtype.ts";
import { fifoDefinitions } from "./fifo.ts";
import { run, type Tools } from "./tools.ts";

export type Value = ArrayLike<number> | ArrayLike<bigint> | number | bigint;
export interface NativeCase {
  readonly module: Module;
  /** One value per parameter of the top function: arrays for buffers, numbers/bigints for scalars. */
  readonly args: readonly Value[];
}
/** Integers come back as bigints, floats as numbers, fixed point as its real value. */
export interface NativeRun {
  readonly results: Value[];
  /** Every parameter after the call: buffers as written by the kernel, scalars as passed. */
  readonly args: Value[];
}

/** The MLIR -> LLVM lowering the "llvm" target runs (one list, in the target). */
export { LOWERING };

/**
 * Bytes per element in the host's memory layout (LLVM's alloc size on x86-64 and AArch64: the store
 * size rounded up to the alignment, 16 bytes for every integer past 64 bits); layout.test.ts checks it
 * against clang-22 and the lowered allocations for every width 1..512.
 */
export function elemBytes(t: ElemType): number {
  if (t.kind === "float") return t.bits / 8;
  if (t.kind === "index") return 8;
  if (t.bits <= 64) return t.bits <= 8 ? 1 : t.bits <= 16 ? 2 : t.bits <= 32 ? 4 : 8;
  return Math.ceil(Math.ceil(t.bits / 8) / 16) * 16;
}

function scalarCType(t: ElemType): string {
  if (t.kind === "float") return t.bits === 16 ? "_Float16" : t.bits === 32 ? "float" : "double";
  if (t.kind === "index") return "int64_t";
  if (t.bits === 1) return "bool";
  if (![8, 16, 32, 64].includes(t.bits)) throw new Error(`native runs take no i${t.bits} scalar parameters`);
  return `${t.kind === "int" && !t.signed ? "u" : ""}int${t.bits}_t`;
}

function halfBits(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const s = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a === Number.POSITIVE_INFINITY) return s | 0x7c00;
  if (a < 2 ** -14) return s | Math.round(a * 2 ** 24);
  let e = Math.floor(Math.log2(a));
  if (a / 2 ** e >= 2) e++;
  else if (a / 2 ** e < 1) e--;
  return s | ((e + 15) << 10) | Math.round((a / 2 ** e - 1) * 1024);
}

function halfValue(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 31;
  const m = h & 1023;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

const F64 = floatType(64);

function encode(t: ElemType, v: number | bigint, out: DataView, at: number): void {
  if (t.kind === "float") {
    if (t.bits === 16) out.setUint16(at, halfBits(Number(v)), true);
    else if (t.bits === 32) out.setFloat32(at, Number(v), true);
    else out.setFloat64(at, Number(v), true);
    return;
  }
  const raw = t.kind === "fixed" ? (convert(Number(v), F64, t) as bigint) : wrap(BigInt(v), t);
  // LLVM keeps the bits of an iN past N zero in memory (a load may assume it), so zero-extend.
  let u = t.kind === "index" ? BigInt.asUintN(64, raw) : BigInt.asUintN(t.bits, raw);
  for (let k = 0; k < elemBytes(t); k++, u >>= 8n) out.setUint8(at + k, Number(u & 255n));
}

function decode(t: ElemType, bytes: Uint8Array, at: number): number | bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  if (t.kind === "float") {
    return t.bits === 16
      ? halfValue(view.getUint16(at, true))
      : t.bits === 32
        ? view.getFloat32(at, true)
        : view.getFloat64(at, true);
  }
  let u = 0n;
  for (let k = elemBytes(t) - 1; k >= 0; k--) u = (u << 8n) | BigInt(bytes[at + k]);
  if (t.kind === "index") return BigInt.asIntN(64, u);
  const raw = wrap(u, t);
  return t.kind === "fixed" ? Number(raw) / 2 ** t.frac : raw;
}

const count = (d: BufferDecl): number => d.shape.reduce((a, b) => a * b, 1);

/** The module with every function renamed `<prefix><name>` (calls included). */
function prefixed(m: Module, prefix: string): Module {
  const rename = (f: Func): Func => ({
    ...f,
    name: prefix + f.name,
    body: rewriteBlock(f.body, (s) =>
      s.kind === "call" ? [{ ...s, callee: prefix + s.callee }] : undefined,
    ),
  });
  return { functions: m.functions.map(rename), top: prefix + m.top };
}

function descriptor(rank: number): string {
  const dims = rank ? `, sizes[${rank}], strides[${rank}]` : "";
  return `typedef struct { void *allocated, *aligned; int64_t offset${dims}; } M${rank};`;
}

function initDescriptor(name: string, d: BufferDecl, ptr: string): string {
  const strides = d.shape.map((_, k) => d.shape.slice(k + 1).reduce((a, b) => a * b, 1));
  const dims = d.shape.length ? `, {${d.shape.join(", ")}}, {${strides.join(", ")}}` : "";
  return `M${d.shape.length} ${name} = { ${ptr}, ${ptr}, 0${dims} };`;
}

interface Layout {
  input: Uint8Array;
  driver: string;
  mlir: string;
}

function layout(cases: readonly NativeCase[]): Layout {
  const chunks: { at: number; bytes: Uint8Array }[] = [];
  let size = 0;
  const place = (n: number): number => {
    const at = size;
    size += Math.ceil(Math.max(n, 1) / 64) * 64;
    return at;
  };
  const ranks = new Set<number>();
  const protos: string[] = [];
  const calls: string[] = [];
  const funcs: string[] = [];
  const privates = new Set<string>();
  cases.forEach((c, ci) => {
    const m = prefixed(c.module, `c${ci}_`);
    for (const line of printMlir(m, { cInterface: true, layouts: "attributes" }).split("\n")) {
      if (line.startsWith("  func.func private")) privates.add(line);
      else if (!line.startsWith("//") && !line.startsWith("module ") && line !== "}" && line !== "")
        funcs.push(line);
    }
    const f = m.functions.find((g) => g.name === m.top)!;
    const body: string[] = [];
    const argTypes: string[] = [];
    const argNames: string[] = [];
    f.params.forEach((p, k) => {
      const v = c.args[k];
      if (p.kind === "buffer") {
        const d = f.buffers[p.name];
        const n = count(d);
        const bytes = new Uint8Array(n * elemBytes(d.type));
        const view = new DataView(bytes.buffer);
        const arr = v as ArrayLike<number | bigint>;
        for (let i = 0; i < n; i++) encode(d.type, arr[i], view, i * elemBytes(d.type));
        const at = place(bytes.length);
        chunks.push({ at, bytes });
        ranks.add(d.shape.length);
        body.push(initDescriptor(`a${k}`, d, `in + ${at}`));
        argTypes.push(`M${d.shape.length} *`);
        argNames.push(`&a${k}`);
      } else {
        const bytes = new Uint8Array(8);
        encode(p.type, v as number | bigint, new DataView(bytes.buffer), 0);
        const at = place(8);
        chunks.push({ at, bytes });
        const ct = scalarCType(p.type);
        body.push(`${ct} a${k}; memcpy(&a${k}, in + ${at}, sizeof(${ct}));`);
        argTypes.push(ct);
        argNames.push(`a${k}`);
      }
    });
    const results = f.results.map((r) => f.buffers[r]);
    for (const d of results) ranks.add(d.shape.length);
    if (results.length) {
      body.push(`struct { ${results.map((d, k) => `M${d.shape.length} r${k};`).join(" ")} } res;`);
      argTypes.unshift("void *");
      argNames.unshift("&res");
    }
    protos.push(`void _mlir_ciface_${f.name}(${argTypes.join(", ") || "void"});`);
    body.push(`_mlir_ciface_${f.name}(${argNames.join(", ")});`);
    results.forEach((d, k) => {
      const es = elemBytes(d.type);
      body.push(`fwrite((char *)res.r${k}.aligned + res.r${k}.offset * ${es}, ${es}, ${count(d)}, o);`);
    });
    f.params.forEach((p, k) => {
      if (p.kind !== "buffer") return;
      const d = f.buffers[p.name];
      body.push(`fwrite(a${k}.aligned, ${elemBytes(d.type)}, ${count(d)}, o);`);
    });
    calls.push(`  {\n${body.map((l) => `    ${l}`).join("\n")}\n  }`);
  });
  const input = new Uint8Array(size);
  for (const c of chunks) input.set(c.bytes, c.at);
  const driver = [
    "#include <stdbool.h>",
    "#include <stdint.h>",
    "#include <stdio.h>",
    "#include <stdlib.h>",
    "#include <string.h>",
    ...[...ranks].sort().map(descriptor),
    fifoDefinitions([...privates].sort()),
    ...protos,
    "int main(int argc, char **argv) {",
    "  if (argc != 3) return 1;",
    '  FILE *f = fopen(argv[1], "rb");',
    "  if (!f) return 2;",
    "  fseek(f, 0, SEEK_END);",
    "  long n = ftell(f);",
    "  fseek(f, 0, SEEK_SET);",
    "  char *in = aligned_alloc(64, (size_t)(n / 64 + 1) * 64);",
    "  if (fread(in, 1, (size_t)n, f) != (size_t)n) return 3;",
    "  fclose(f);",
    '  FILE *o = fopen(argv[2], "wb");',
    "  if (!o) return 4;",
    ...calls,
    "  return fclose(o) == 0 ? 0 : 5;",
    "}",
    "",
  ].join("\n");
  const open = moduleOpen(cases.some((c) => needsHostLayout(c.module)));
  const mlir = `${open}\n${[...funcs, ...[...privates].sort()].join("\n")}\n}\n`;
  return { input, driver, mlir };
}

/** Lowers, compiles and runs every case in `dir`; returns each case's results and arguments. */
export function runNative(tools: Tools, cases: readonly NativeCase[], dir: string): NativeRun[] {
  mkdirSync(dir, { recursive: true });
  const { input, driver, mlir } = layout(cases);
  const p = (name: string) => join(dir, name);
  writeFileSync(p("kernels.mlir"), mlir);
  writeFileSync(p("driver.c"), driver);
  writeFileSync(p("input.bin"), input);
  run(
    tools.opt,
    [p("kernels.mlir"), ...LOWERING, "-o", p("kernels.llvm.mlir")],
    "lowering to the LLVM dialect",
  );
  run(
    tools.translate,
    ["--mlir-to-llvmir", p("kernels.llvm.mlir"), "-o", p("kernels.ll")],
    "translating to LLVM IR",
  );
  const cflags = ["-O1", "-Wno-override-module", "-o", p("run")];
  run(tools.clang, [...cflags, p("kernels.ll"), p("driver.c"), "-lm"], "compiling with clang");
  run(p("run"), [p("input.bin"), p("output.bin")], "running the compiled kernels");
  const out = readFileSync(p("output.bin"));
  let at = 0;
  const take = (t: ElemType, n: number): Value => {
    const vals = Array.from({ length: n }, (_, i) => decode(t, out, at + i * elemBytes(t)));
    at += n * elemBytes(t);
    return vals as ArrayLike<number> | ArrayLike<bigint>;
  };
  return cases.map((c) => {
    const f = c.module.functions.find((g) => g.name === c.module.top)!;
    const results = f.results.map((r) => {
      const d = f.buffers[r];
      const v = take(d.type, count(d)) as ArrayLike<number | bigint>;
      return (d.shape.length === 0 ? v[0] : v) as Value;
    });
    const args = f.params.map((p, k) =>
      p.kind === "buffer" ? take(f.buffers[p.name].type, count(f.buffers[p.name])) : c.args[k],
    );
    return { results, args };
  });
}
