// Stateful locals in MLIR: one private `memref.global` per stateful buffer (named `<function>.<buffer>`,
// initialised with its fill), which its function reads with `memref.get_global`. The global keeps its
// value across calls of the lowered code, as the state does across calls of a built kernel.

import type { BufferDecl, Func } from "../../ir/nodes.ts";
import { convert } from "../../semantics/scalar.ts";
import type { FloatType } from "../../types/dtype.ts";
import { floatLiteral, intLiteral, memrefType, sym } from "./types.ts";

export const stateSymbol = (f: Func, d: BufferDecl): string => sym(`${f.name}.${d.name}`);

export const stateBuffers = (f: Func): BufferDecl[] => Object.values(f.buffers).filter((b) => b.state);

/** The module-level globals of every stateful buffer of the functions. */
export function stateGlobals(fs: readonly Func[], maps: boolean): string[] {
  return fs.flatMap((f) =>
    stateBuffers(f).map((d) => {
      const init = d.state!.init;
      const v = convert(init.value, init.type, d.type);
      const lit =
        typeof v === "number"
          ? floatLiteral(v, d.type as FloatType)
          : intLiteral(v, d.type.kind === "index" ? 64 : (d.type as { bits: number }).bits);
      return `  memref.global "private" ${stateSymbol(f, d)} : ${memrefType(d, maps)} = dense<${lit}>`;
    }),
  );
}
