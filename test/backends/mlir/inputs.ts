// Seeded random arguments for any IR function, in the boundary representation the CPU backend takes
// (docs/ir-semantics.md): typed arrays by width, bigint arrays past 64 bits, float16 and fixed point
// as exactly representable reals. Scalars stay small, since hand-built kernels use them as bounds.

import type { BufferDecl, Func } from "../../../src/ir/nodes.ts";
import { rawRange, roundHalf } from "../../../src/semantics/scalar.ts";
import type { ElemType } from "../../../src/types/dtype.ts";
import { randBig, randInt } from "../../support/random.ts";
import type { Value } from "./native.ts";

function intArray(t: ElemType, n: number, r: () => number): Value {
  const [lo, hi] = rawRange(t);
  const vals = Array.from({ length: n }, () => randBig(r, lo, hi));
  const bits = t.kind === "index" ? 32 : (t as { bits: number }).bits;
  const signed = lo < 0n;
  const nums = vals.map(Number);
  if (t.kind === "int" && bits === 1) return Uint8Array.from(nums);
  if (bits <= 8) return signed ? Int8Array.from(nums) : Uint8Array.from(nums);
  if (bits <= 16) return signed ? Int16Array.from(nums) : Uint16Array.from(nums);
  if (bits <= 32) return signed ? Int32Array.from(nums) : Uint32Array.from(nums);
  if (bits <= 64) return signed ? BigInt64Array.from(vals) : BigUint64Array.from(vals);
  return vals;
}

function bufferArg(d: BufferDecl, r: () => number): Value {
  const n = d.shape.reduce((a, b) => a * b, 1);
  const t = d.type;
  switch (t.kind) {
    case "float":
      if (t.bits === 64) return Float64Array.from({ length: n }, () => r() * 8 - 4);
      return Float32Array.from({ length: n }, () => (t.bits === 16 ? roundHalf(r() * 8 - 4) : r() * 8 - 4));
    case "fixed": {
      const [lo, hi] = rawRange(t);
      return Float64Array.from({ length: n }, () => Number(randBig(r, lo, hi)) / 2 ** t.frac);
    }
    default:
      return intArray(t, n, r);
  }
}

/** One argument per parameter of f. */
export function randomArgs(f: Func, r: () => number): Value[] {
  return f.params.map((p) => {
    if (p.kind === "buffer") return bufferArg(f.buffers[p.name], r);
    return p.type.kind === "float" ? r() * 8 - 4 : randInt(r, 0, 8);
  });
}
