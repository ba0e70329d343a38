// Integers past 64 bits (Arrays of bigint at the boundary) cross a native call as the csim headers'
// own representation: each element ceil(W/64) little-endian 64-bit limbs, sign- or zero-extended past
// W, which is an ap_int<W> array's memory. The kernel then works on the words themselves, and each
// element costs JavaScript one BigInt shift a limb each way, where raw bytes cost a dozen operations.

import type { BufferDecl, Func } from "../../ir/nodes.ts";
import { checkBuffer } from "../../runtime/host-abi.ts";
import { wrap } from "../../semantics/scalar.ts";
import type { ElemType, IntType } from "../../types/dtype.ts";

export const limbCount = (t: ElemType): number => Math.ceil((t as IntType).bits / 64);

/** The checked argument as limbs (values wrap into the type, as on every target). */
export function encodeLimbs(f: Func, b: BufferDecl, arg: unknown): BigUint64Array {
  const xs = checkBuffer(f, b, arg) as bigint[];
  const n = limbCount(b.type);
  const words = new BigUint64Array(xs.length * n);
  for (let i = 0, w = 0; i < xs.length; i++) {
    let x = wrap(xs[i], b.type);
    for (let l = 1; l < n; l++, x >>= 64n) words[w++] = x;
    words[w++] = x;
  }
  return words;
}

/** Every element of `words` (normalized, as the kernel leaves them) into `out`. */
export function decodeLimbs(t: ElemType, words: BigUint64Array, out: bigint[]): bigint[] {
  const n = limbCount(t);
  // The top limb read as signed carries a signed value's sign into the bigint.
  const top = (t as IntType).signed ? new BigInt64Array(words.buffer, words.byteOffset, words.length) : words;
  for (let i = 0; i < out.length; i++) {
    let x = top[i * n + n - 1];
    for (let l = n - 2; l >= 0; l--) x = (x << 64n) | words[i * n + l];
    out[i] = x;
  }
  return out;
}
