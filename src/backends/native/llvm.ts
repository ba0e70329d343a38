// The "llvm" target: native code through MLIR -> LLVM IR (mlir-opt-22, mlir-translate-22, clang-22)
// when the tools are installed and the module suits the route: every argument of the top has the same
// bits in the host arrays as in MLIR memory (int8..int64, float32, float64 buffers; those and index
// scalars), and every element index is proven in bounds (the lowered code has no checks; the C++ route
// raises AL5010). Anything else takes the C++ route of index.ts, as api.md section 9 allows; the
// callable's `route` says which one ran. A small C entry builds the memref descriptors of the
// `_mlir_ciface_` function, copies returned buffers out and frees them.

import { rmSync } from "node:fs";
import type { Func, Module } from "../../ir/nodes.ts";
import { rowMajorStrides } from "../../ir/shape.ts";
import type { ElemType } from "../../types/dtype.ts";
import defaultCacheDir from "../../util/cache-dir.cts";
import { elemBytes, elemCount } from "../hls/data.ts";
import { findTool } from "../hls/tools.ts";
import { printMlir } from "../mlir/print.ts";
import type { ArgPlan } from "./abi.ts";
import { cachedObject, runTool, versionOf } from "./compile.ts";
import type { NativeUnit } from "./emit.ts";

const TOOLS = { opt: "mlir-opt-22", translate: "mlir-translate-22", clang: "clang-22" } as const;

/** mlir-opt-22's passes from our upstream-dialect MLIR to the LLVM dialect. */
export const LOWERING = [
  "--convert-linalg-to-affine-loops",
  "--lower-affine",
  "--convert-scf-to-cf",
  "--convert-math-to-libm",
  "--convert-to-llvm",
  "--reconcile-unrealized-casts",
];

const CLANG_FLAGS = ["-O3", "-march=native", "-ffp-contract=off", "-fPIC", "-shared", "-Wno-override-module"];

/** The C type of an element whose host bits equal its MLIR memory bits, or undefined. */
function cScalar(t: ElemType, param: boolean): string | undefined {
  if (t.kind === "float") return t.bits === 32 ? "float" : t.bits === 64 ? "double" : undefined;
  if (t.kind === "index") return param ? "int64_t" : undefined;
  if (t.kind !== "int" || ![8, 16, 32, 64].includes(t.bits)) return undefined;
  return `${t.signed ? "" : "u"}int${t.bits}_t`;
}

/** The three tools' paths, or undefined when one is missing. */
export function llvmTools(): { opt: string; translate: string; clang: string } | undefined {
  const opt = findTool(TOOLS.opt);
  const translate = findTool(TOOLS.translate);
  const clang = findTool(TOOLS.clang);
  return opt && translate && clang ? { opt, translate, clang } : undefined;
}

/** Whether the MLIR route can run the unit's one kernel exactly (see the header). */
export function suitsMlir(unit: NativeUnit): boolean {
  const k = unit.kernels[0];
  return (
    unit.sites.length === 0 && k.plans.every((p) => cScalar(p.arg.decl.type, p.arg.scalar) !== undefined)
  );
}

const descriptor = (rank: number): string =>
  `typedef struct { void *allocated, *aligned; int64_t offset${rank ? `, sizes[${rank}], strides[${rank}]` : ""}; } M${rank};`;

/** The C entry `name` for the `_mlir_ciface_` function of top f (plans as in abi.ts). */
export function mlirEntry(f: Func, name: string, plans: readonly ArgPlan[]): string {
  const nParams = f.params.length;
  const ranks = new Set<number>();
  const body: string[] = [];
  const args: string[] = [];
  const types: string[] = [];
  const results = plans.slice(nParams);
  if (results.length) {
    for (const r of results) ranks.add(r.arg.decl.shape.length);
    body.push(`struct { ${results.map((r, k) => `M${r.arg.decl.shape.length} r${k};`).join(" ")} } res;`);
    types.push("void*");
    args.push("&res");
  }
  plans.slice(0, nParams).forEach((p, k) => {
    const d = p.arg.decl;
    const T = cScalar(d.type, p.arg.scalar) as string;
    if (p.arg.scalar) {
      // Scalars arrive as raw bytes (abi.ts); index as 4 bytes, widened to MLIR's 64-bit index.
      const raw = d.type.kind === "index" ? "int32_t" : T;
      body.push(`${raw} s${k}; memcpy(&s${k}, a${k}, sizeof s${k});`);
      types.push(T);
      args.push(`(${T})s${k}`);
      return;
    }
    const strides = rowMajorStrides(d.shape);
    const dims = d.shape.length ? `, {${d.shape.join(", ")}}, {${strides.join(", ")}}` : "";
    ranks.add(d.shape.length);
    body.push(`M${d.shape.length} d${k} = { a${k}, a${k}, 0${dims} };`);
    types.push(`M${d.shape.length}*`);
    args.push(`&d${k}`);
  });
  body.push(`_mlir_ciface_${f.name}(${args.join(", ")});`);
  results.forEach((r, k) => {
    const d = r.arg.decl;
    const es = elemBytes(d.type);
    const out = `a${nParams + k}`;
    body.push(`memcpy(${out}, (char*)res.r${k}.aligned + res.r${k}.offset * ${es}, ${elemCount(d) * es});`);
    const params = plans
      .slice(0, nParams)
      .map((_, i) => ` && res.r${k}.allocated != a${i}`)
      .join("");
    body.push(`if (res.r${k}.allocated${params}) free(res.r${k}.allocated);`);
  });
  const params = [...plans.map((_, k) => `void* a${k}`), "double* fault"].join(", ");
  return [
    "#include <stdint.h>",
    "#include <stdlib.h>",
    "#include <string.h>",
    ...[...ranks].sort().map(descriptor),
    `void _mlir_ciface_${f.name}(${types.join(", ") || "void"});`,
    `int ${name}(${params}) {`,
    "  (void)fault;",
    ...body.map((l) => `  ${l}`),
    "  return 0;",
    "}",
    "",
  ].join("\n");
}

/** The MLIR module and the C entry of the MLIR route. */
export function mlirSources(m: Module, unit: NativeUnit): { mlir: string; entry: string } {
  const k = unit.kernels[0];
  return {
    mlir: printMlir(m, { cInterface: true, layouts: "attributes" }),
    entry: mlirEntry(k.top, k.entry, k.plans),
  };
}

/** The shared object of the MLIR route for module m (its unit already known to suit the route). */
export function mlirObject(
  m: Module,
  unit: NativeUnit,
  tools: { opt: string; translate: string; clang: string },
  o: { cacheDir?: string; timeoutMs?: number },
): string {
  const { mlir, entry } = mlirSources(m, unit);
  const parts = [
    ...Object.values(tools).map(versionOf),
    LOWERING.join(" "),
    CLANG_FLAGS.join(" "),
    mlir,
    entry,
  ];
  return cachedObject(parts, o.cacheDir ?? defaultCacheDir(), { ".mlir": mlir, ".c": entry }, (out, src) => {
    const lowered = `${out}.llvm.mlir`;
    const ll = `${out}.ll`;
    try {
      runTool(
        tools.opt,
        [src[".mlir"], ...LOWERING, "-o", lowered],
        "lowering the MLIR to the LLVM dialect",
        o.timeoutMs,
      );
      runTool(
        tools.translate,
        ["--mlir-to-llvmir", lowered, "-o", ll],
        "translating the MLIR to LLVM IR",
        o.timeoutMs,
      );
      runTool(
        tools.clang,
        [...CLANG_FLAGS, ll, src[".c"], "-lm", "-o", out],
        "compiling the LLVM IR",
        o.timeoutMs,
      );
    } finally {
      for (const f of [lowered, ll]) rmSync(f, { force: true });
    }
  });
}
