// The MLIR backend: prints a module in upstream dialects only (func, affine, scf, memref, arith, math,
// linalg.fill) plus discardable attributes in Allo's naming, so that mlir-opt parses and verifies it
// and can lower it to LLVM. Output is deterministic: same module, same text.
//
// Encodings without an upstream counterpart:
// - fixed(W, F) is its raw iW with explicit shifts; allocs, loads, stores and args carry `dtype`.
// - A stream is a memref of FIFOs (`stream_depth` on its alloc or `allo.stream_depth` on its argument);
//   put/get are calls of private external functions @stream_put_<T> / @stream_get_<T>.
// - A spatial region is an `scf.execute_region {spatial = "name"}` holding one
//   `scf.execute_region {unit = "PE_0_0"}` per concurrent unit, in unit order.
// - A module with integers past 64 bits in memory carries the host data layout (./data-layout.ts).
// - A stateful local is a private memref.global read with memref.get_global (./state.ts).

import type { BufferDecl, Module } from "../../ir/nodes.ts";
import { moduleOpen, needsHostLayout } from "./data-layout.ts";
import { type FuncOptions, printFunc } from "./func.ts";
import { stateGlobals } from "./state.ts";
import { memrefType, mlirType } from "./types.ts";

export type MlirOptions = FuncOptions;

const STREAM_NOTE =
  "// streams: memrefs of FIFOs (stream_depth); put/get call the external @stream_put_*/@stream_get_*; " +
  "spatial regions: scf.execute_region {spatial} holding one scf.execute_region {unit} per unit";

export function printMlir(m: Module, opts: MlirOptions = {}): string {
  const decls = new Map<string, string>();
  const streamFn = (kind: "get" | "put", d: BufferDecl): string => {
    const sym = `stream_${kind}_${d.shape.map((n) => `${n}x`).join("")}${mlirType(d.type)}`;
    if (!decls.has(sym)) {
      const idx = d.shape.map(() => "index");
      const sig =
        kind === "get"
          ? `(${[memrefType(d), ...idx].join(", ")}) -> ${mlirType(d.type)}`
          : `(${[memrefType(d), ...idx, mlirType(d.type)].join(", ")})`;
      decls.set(sym, `  func.func private @${sym}${sig}`);
    }
    return sym;
  };
  const globals = stateGlobals(m.functions, opts.layouts !== "attributes");
  const funcs = m.functions.map((f) => printFunc(m, f, streamFn, opts));
  const external = [...decls.keys()].sort().map((k) => decls.get(k)!);
  const spatial = funcs.some((f) => f.includes("scf.execute_region"));
  const note = decls.size > 0 || spatial ? `${STREAM_NOTE}\n` : "";
  return `${note}${moduleOpen(needsHostLayout(m))}\n${[...globals, ...funcs, ...external].join("\n")}\n}\n`;
}
