// How each argument of a native top crosses the call (the host ABI of src/runtime/host-abi.ts, same
// checks and classes as the CPU backend). "direct": the user's typed array is passed as it is, because
// its elements are the C++ type's bits (int8..int64, float32, float64, index as Int32Array); writes land
// in it in place. "convert": the array class holds other elements (Int<48> in a BigInt64Array, Fixed in
// a Float64Array, float16 in a Float32Array), so the C++ entry converts each element with the IR's cast
// on entry and exit. "limbs": arrays of integers past 64 bits (Arrays of bigint) travel as ap_int's own
// 64-bit limbs (limbs.ts), which the kernel takes as they are. "bytes": scalars and 0-d results travel
// as raw little-endian bytes in the layout of ../hls/data.ts.

import type { Func } from "../../ir/nodes.ts";
import { type ArrayClass, boundaryClass, checkBuffer, makeArray } from "../../runtime/host-abi.ts";
import { type ElemType, floatType, intType, sameType, uintType } from "../../types/dtype.ts";
import { decodeBuffer, elemBytes, elemCount, encodeBuffer, encodeScalar, writeBack } from "../hls/data.ts";
import { type TbArg, tbArgs } from "../hls/testbench.ts";
import { decodeLimbs, encodeLimbs, limbCount } from "./limbs.ts";

export interface ArgPlan {
  readonly arg: TbArg;
  readonly kind: "direct" | "convert" | "limbs" | "bytes";
  /** The IR type of the boundary array's elements ("direct" and "convert"). */
  readonly boundary?: ElemType;
}

const ELEMS: Partial<Record<ArrayClass, ElemType>> = {
  Int8Array: intType(8),
  Uint8Array: uintType(8),
  Int16Array: intType(16),
  Uint16Array: uintType(16),
  Int32Array: intType(32),
  Uint32Array: uintType(32),
  BigInt64Array: intType(64),
  BigUint64Array: uintType(64),
  Float32Array: floatType(32),
  Float64Array: floatType(64),
};

/** One plan per C++ argument of top function f: its parameters, then its returned buffers. */
export function argPlans(f: Func): ArgPlan[] {
  return tbArgs(f).map((arg): ArgPlan => {
    const t = arg.decl.type;
    const boundary = ELEMS[boundaryClass(t)];
    if (arg.scalar || arg.decl.shape.length === 0) return { arg, kind: "bytes" };
    if (!boundary) return { arg, kind: "limbs" };
    const same = sameType(boundary, t) || (t.kind === "index" && sameType(boundary, intType(32)));
    return { arg, kind: same ? "direct" : "convert", boundary };
  });
}

/** What one call hands the entry point, and what turns the entry's writes into the call's result. */
export interface Marshalled {
  readonly pointers: unknown[];
  readonly writeBacks: (() => void)[];
  readonly results: (() => unknown)[];
}

/** The checked arguments of one call as entry pointers (argument count already checked). */
export function marshal(f: Func, plans: readonly ArgPlan[], args: readonly unknown[]): Marshalled {
  const writeBacks: (() => void)[] = [];
  const results: (() => unknown)[] = [];
  const pointers = plans.map((p, k) => {
    const { decl } = p.arg;
    if (k >= f.params.length) {
      if (p.kind === "limbs") {
        const words = new BigUint64Array(elemCount(decl) * limbCount(decl.type));
        results.push(() => decodeLimbs(decl.type, words, new Array<bigint>(elemCount(decl))));
        return words;
      }
      if (p.kind === "bytes") {
        const bytes = new Uint8Array(elemCount(decl) * elemBytes(decl.type));
        results.push(() => decodeBuffer(decl, bytes));
        return bytes;
      }
      const out = makeArray(boundaryClass(decl.type), elemCount(decl));
      results.push(() => out);
      return out;
    }
    if (p.arg.scalar) return encodeScalar(f, decl.name, decl.type, args[k]);
    if (p.kind === "limbs") {
      const words = encodeLimbs(f, decl, args[k]);
      if (p.arg.output) writeBacks.push(() => decodeLimbs(decl.type, words, args[k] as bigint[]));
      return words;
    }
    if (p.kind !== "bytes") return checkBuffer(f, decl, args[k]);
    const bytes = encodeBuffer(f, decl, args[k]);
    if (p.arg.output) writeBacks.push(() => writeBack(args[k], decl, bytes));
    return bytes;
  });
  return { pointers, writeBacks, results };
}

/**
 * After the entry returned: the written arguments converted back, and the call's result. A function,
 * not a closure made per call: under tsx (keepNames) each named closure costs a call of its own.
 */
export function finishCall({ writeBacks, results }: Marshalled): unknown {
  for (const w of writeBacks) w();
  if (results.length === 0) return undefined;
  return results.length === 1 ? results[0]() : results.map((r) => r());
}
