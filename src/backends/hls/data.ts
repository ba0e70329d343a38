// Kernel arguments and results through files, with the CPU backend's conventions at the boundary (same
// typed-array classes, fixed point as real values quantized like a float-to-fixed cast, float16 as
// Float32Array). On disk every element is little-endian: integers and fixed point as ceil(W/8)-byte
// two's-complement raw values (index as 4 bytes, bool as 1), float16 and float32 as 4-byte floats,
// float64 as 8 bytes. The testbench (testbench.ts) reads and writes exactly this layout.

import { AlloError } from "../../diagnostics/error.ts";
import type { BufferDecl, Func } from "../../ir/nodes.ts";
import { convert, roundHalf, wrap } from "../../semantics/scalar.ts";
import { type ElemType, floatType, typeName } from "../../types/dtype.ts";

const F64 = floatType(64);

/** The array class users pass and receive for an element type (api.md section 1.1). */
export function boundaryClass(t: ElemType): string {
  if (t.kind === "float") return t.bits === 64 ? "Float64Array" : "Float32Array";
  if (t.kind === "fixed") return "Float64Array";
  const w = t.kind === "index" ? 32 : t.bits;
  const u = t.kind === "int" && !t.signed ? "Uint" : "Int";
  if (w <= 64) return w <= 32 ? `${u}${w <= 8 ? 8 : w <= 16 ? 16 : 32}Array` : `Big${u}64Array`;
  return "Array";
}

/** Bytes per element on disk. */
export function elemBytes(t: ElemType): number {
  if (t.kind === "float") return t.bits === 64 ? 8 : 4;
  if (t.kind === "index") return 4;
  return Math.ceil(t.bits / 8);
}

export const elemCount = (b: BufferDecl): number => b.shape.reduce((a, c) => a * c, 1);

function className(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "Array";
  if (typeof v === "object") return (v as object).constructor?.name ?? "object";
  return typeof v;
}

/** One element in the kernel's raw form: bigint for integers and fixed point, number for floats. */
function toRaw(t: ElemType, v: number | bigint): bigint | number {
  if (t.kind === "float") return t.bits === 16 ? roundHalf(Number(v)) : Number(v);
  if (t.kind === "fixed") return convert(Number(v), F64, t) as bigint;
  return wrap(BigInt(v), t);
}

function putElem(t: ElemType, raw: bigint | number, view: DataView, at: number): void {
  if (t.kind === "float") {
    if (t.bits === 64) view.setFloat64(at, raw as number, true);
    else view.setFloat32(at, raw as number, true);
    return;
  }
  let u = BigInt.asUintN(elemBytes(t) * 8, raw as bigint);
  for (let k = 0; k < elemBytes(t); k++, u >>= 8n) view.setUint8(at + k, Number(u & 255n));
}

function getElem(t: ElemType, bytes: Uint8Array, at: number): bigint | number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (t.kind === "float") return t.bits === 64 ? view.getFloat64(at, true) : view.getFloat32(at, true);
  let u = 0n;
  for (let k = elemBytes(t) - 1; k >= 0; k--) u = (u << 8n) | BigInt(bytes[at + k]);
  return wrap(u, t);
}

/** The bytes of one buffer argument, after checking its class and length like the CPU backend. */
export function encodeBuffer(f: Func, b: BufferDecl, arg: unknown, pos: number): Uint8Array {
  const want = boundaryClass(b.type);
  const where = `argument ${pos + 1} ('${b.name}') of '${f.name}'`;
  if (className(arg) !== want) {
    throw new AlloError(
      "AL5003",
      `${where} must be a ${want} of ${typeName(b.type)}[${b.shape.join(", ")}], got ${className(arg)}`,
    );
  }
  const a = arg as ArrayLike<number | bigint>;
  const n = elemCount(b);
  if (a.length !== n) {
    throw new AlloError(
      "AL5002",
      `${where} must have ${n} elements (shape [${b.shape.join(", ")}]), got ${a.length}`,
    );
  }
  if (want === "Array" && !Array.from(a).every((x) => typeof x === "bigint")) {
    throw new AlloError("AL5003", `${where} must be an array of bigint for ${typeName(b.type)}`);
  }
  const bytes = new Uint8Array(n * elemBytes(b.type));
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < n; i++) putElem(b.type, toRaw(b.type, a[i]), view, i * elemBytes(b.type));
  return bytes;
}

/** The bytes of one scalar argument (numbers, or bigint for integers). */
export function encodeScalar(f: Func, name: string, t: ElemType, arg: unknown, pos: number): Uint8Array {
  const where = `argument ${pos + 1} ('${name}') of '${f.name}'`;
  if (typeof arg !== "number" && typeof arg !== "bigint") {
    throw new AlloError(
      "AL5003",
      `${where} is a ${typeName(t)} scalar; pass a number, got ${className(arg)}`,
    );
  }
  if ((t.kind === "int" || t.kind === "index") && typeof arg === "number" && !Number.isInteger(arg)) {
    throw new AlloError("AL5003", `${where} is ${typeName(t)}, an integer type; got ${arg}`);
  }
  const bytes = new Uint8Array(elemBytes(t));
  const raw = t.kind === "float" || t.kind === "fixed" ? toRaw(t, Number(arg)) : wrap(BigInt(arg), t);
  putElem(t, raw, new DataView(bytes.buffer), 0);
  return bytes;
}

/** Elements read back, in the boundary form: typed array of the CPU backend's class (fixed: Float64Array). */
export function decodeBuffer(b: BufferDecl, bytes: Uint8Array): ArrayLike<number | bigint> {
  const t = b.type;
  const n = elemCount(b);
  if (bytes.length !== n * elemBytes(t)) {
    throw new AlloError(
      "AL5008",
      `C simulation wrote ${bytes.length} bytes for '${b.name}', expected ${n * elemBytes(t)}`,
    );
  }
  const raws = Array.from({ length: n }, (_, i) => getElem(t, bytes, i * elemBytes(t)));
  if (t.kind === "fixed") return Float64Array.from(raws, (r) => convert(r, t, F64) as number);
  const cls = boundaryClass(t);
  if (cls === "Array") return raws as bigint[];
  const Ctor = (
    globalThis as unknown as Record<
      string,
      { from(x: unknown[], f?: (v: unknown) => unknown): ArrayLike<number | bigint> }
    >
  )[cls];
  return Ctor.from(raws, (r) => (cls.startsWith("Big") || typeof r !== "bigint" ? r : Number(r)));
}

/** A 0-d result as the caller receives it: a number, or a bigint past 53 bits. */
export function scalarResult(t: ElemType, v: number | bigint): number | bigint {
  if (t.kind === "float" || t.kind === "fixed") return v;
  return (t.kind === "index" ? 32 : t.bits) > 53 ? BigInt(v) : Number(v);
}

/** Copies results into the caller's array in place (an output parameter). */
export function writeBack(target: unknown, values: ArrayLike<number | bigint>): void {
  const out = target as { [i: number]: number | bigint };
  for (let i = 0; i < values.length; i++) out[i] = values[i];
}
