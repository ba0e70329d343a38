// Kernel arguments and results through files, with the host ABI of every target (src/runtime/host-abi.ts:
// the same typed-array classes and argument checks as the CPU backend, fixed point as real values
// quantized like a float-to-fixed cast, float16 as Float32Array). On disk every element is
// little-endian: integers and fixed point as ceil(W/8)-byte two's-complement raw values (index as 4
// bytes, bool as 1), float16 and float32 as 4-byte floats, float64 as 8 bytes. The testbench
// (testbench.ts) reads and writes exactly this layout.

import { AlloError } from "../../diagnostics/error.ts";
import type { BufferDecl, Func } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { arrayOut, checkBuffer, scalarIn, scalarOut, toRaw } from "../../runtime/host-abi.ts";
import { wrap } from "../../semantics/scalar.ts";
import type { ElemType } from "../../types/dtype.ts";

/** Bytes per element on disk. */
export function elemBytes(t: ElemType): number {
  if (t.kind === "float") return t.bits === 64 ? 8 : 4;
  if (t.kind === "index") return 4;
  return Math.ceil(t.bits / 8);
}

export const elemCount = (b: BufferDecl): number => elementCount(b.shape);

const STACK_BYTES = 64 * 1024;

/** `static ` for a local array too big for a thread's stack (a native call, a csim run), else nothing. */
export const stackPrefix = (b: BufferDecl): string =>
  elemCount(b) * elemBytes(b.type) > STACK_BYTES ? "static " : "";

// Integers move 64 bits at a time and the tail in numbers, so a wide element costs a few BigInt
// operations (a 100-bit one 2 to write, 5 to read) rather than one per byte: wide arguments cross every
// call of a native or csim run this way.
function putElem(t: ElemType, raw: bigint | number, view: DataView, at: number): void {
  if (t.kind === "float") {
    if (t.bits === 64) view.setFloat64(at, raw as number, true);
    else view.setFloat32(at, raw as number, true);
    return;
  }
  const n = elemBytes(t);
  // setBigInt64 keeps the low 64 bits and >> sign-extends, so negative values need no masking.
  let u = raw as bigint;
  let k = 0;
  for (; k + 8 <= n; k += 8, u >>= 64n) view.setBigInt64(at + k, u, true);
  // What is left fits n - k bytes; a number holds 6 of them exactly, so a 7-byte tail splits.
  if (n - k === 7) {
    view.setUint32(at + k, Number(BigInt.asUintN(32, u)), true);
    u >>= 32n;
    k += 4;
  }
  let rest = Number(u);
  if (rest < 0) rest += 2 ** (8 * (n - k));
  for (; k < n; k++, rest = Math.floor(rest / 256)) view.setUint8(at + k, rest % 256);
}

/** The unsigned value of `count` < 8 little-endian bytes at `at`. */
function tailAt(view: DataView, at: number, count: number): bigint {
  // A number holds 6 bytes exactly; a 7-byte tail reads its low 4 separately.
  if (count > 6) return (tailAt(view, at + 4, count - 4) << 32n) | BigInt(view.getUint32(at, true));
  let v = 0;
  for (let i = count - 1; i >= 0; i--) v = v * 256 + view.getUint8(at + i);
  return BigInt(v);
}

function getElem(t: ElemType, view: DataView, at: number): bigint | number {
  if (t.kind === "float") return t.bits === 64 ? view.getFloat64(at, true) : view.getFloat32(at, true);
  const n = elemBytes(t);
  let k = n - (n % 8);
  let u = tailAt(view, at + k, n % 8);
  for (; k > 0; k -= 8) u = (u << 64n) | view.getBigUint64(at + k - 8, true);
  return wrap(u, t);
}

/** The bytes of one buffer argument, after the host ABI's checks. */
export function encodeBuffer(f: Func, b: BufferDecl, arg: unknown): Uint8Array {
  const a = checkBuffer(f, b, arg);
  const size = elemBytes(b.type);
  const bytes = new Uint8Array(a.length * size);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < a.length; i++) putElem(b.type, toRaw(a[i], b.type), view, i * size);
  return bytes;
}

/** The bytes of one scalar argument, after the host ABI's checks. */
export function encodeScalar(f: Func, name: string, t: ElemType, arg: unknown): Uint8Array {
  const bytes = new Uint8Array(elemBytes(t));
  putElem(t, scalarIn(f, name, t, arg), new DataView(bytes.buffer), 0);
  return bytes;
}

/** Raw elements read back from `bytes` (bigint for integers and fixed point, number for floats). */
function decodeRaw(b: BufferDecl, bytes: Uint8Array): (number | bigint)[] {
  const t = b.type;
  const n = elemCount(b);
  if (bytes.length !== n * elemBytes(t)) {
    throw new AlloError(
      "AL5008",
      `C simulation wrote ${bytes.length} bytes for '${b.name}', expected ${n * elemBytes(t)}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: n }, (_, i) => getElem(t, view, i * elemBytes(t)));
}

/** A buffer read back, as the caller receives it: an array of the boundary class, or a 0-d scalar. */
export function decodeBuffer(b: BufferDecl, bytes: Uint8Array): unknown {
  const raws = decodeRaw(b, bytes);
  return b.shape.length === 0 ? scalarOut(b.type, raws[0]) : arrayOut(b.type, raws);
}

/** Copies results into the caller's array in place (an output parameter). */
export function writeBack(target: unknown, b: BufferDecl, bytes: Uint8Array): void {
  const values = arrayOut(b.type, decodeRaw(b, bytes));
  const out = target as { [i: number]: unknown };
  for (let i = 0; i < values.length; i++) out[i] = values[i];
}
