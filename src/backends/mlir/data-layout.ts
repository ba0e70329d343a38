// The data layout a printed module carries so that lowering it to LLVM sizes memory as the host does.
// MLIR's and LLVM's default layouts align integers of 64 bits and more at 4 bytes (i96 takes 12
// bytes), while the x86-64 and AArch64 ABIs align i128 and every wider integer at 16 (i96 takes 16).
// mlir-translate folds allocation sizes with the module's layout and clang addresses elements with the
// host's, so without this spec a buffer of i65..i96, i129..i224, i257..i352, ... overflows its allocation.

import type { Module } from "../../ir/nodes.ts";
import type { ElemType } from "../../types/dtype.ts";

/**
 * i64 at 8 bytes and i128 at 16: MLIR and LLVM both give an integer the alignment of the narrowest
 * listed width at least as wide (the widest listed one past i128), which is the host ABI's rule.
 */
export const HOST_DATA_LAYOUT =
  "#dlti.dl_spec<i64 = dense<64> : vector<2xi64>, i128 = dense<128> : vector<2xi64>>";

const wide = (t: ElemType): boolean => (t.kind === "int" || t.kind === "fixed") && t.bits > 64;

/**
 * Whether some value of the module lives in memory or crosses the ABI with a width the default layouts
 * get wrong (a buffer element or a scalar parameter past 64 bits). Narrower types lay out the same
 * under every layout, so those modules print without a spec.
 */
export function needsHostLayout(m: Module): boolean {
  return m.functions.some(
    (f) =>
      Object.values(f.buffers).some((b) => wide(b.type)) ||
      f.params.some((p) => p.kind === "scalar" && wide(p.type)),
  );
}

/** The opening line of the printed module, with the host data layout when it matters. */
export const moduleOpen = (hostLayout: boolean): string =>
  hostLayout ? `module attributes {dlti.dl_spec = ${HOST_DATA_LAYOUT}} {` : "module {";
