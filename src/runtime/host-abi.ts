// The host calling convention of an allo-ts kernel (api.md sections 1.1 and 3), shared by every target
// that runs on the host side of a call (the CPU backend, C simulation, a native path): the array class
// users pass and receive per element type, the argument checks (count AL5001, length AL5002, element
// type AL5003, each message naming the parameter, what it expects and what it got), and the conversion
// of one element between its boundary form (numbers, bigints past 64 bits, fixed point as reals) and
// its raw form (exact integers as bigint, floats rounded to their format).

import { AlloError } from "../diagnostics/error.ts";
import type { BufferDecl, Func, Param } from "../ir/nodes.ts";
import { elementCount } from "../ir/shape.ts";
import { visitStmts } from "../ir/walk.ts";
import { convert, roundFloat, scaledToFloat, wrap } from "../semantics/scalar.ts";
import { type ElemType, floatType, INDEX_BITS, typeName } from "../types/dtype.ts";

const F64 = floatType(64);

export type ArrayClass =
  | "Int8Array"
  | "Uint8Array"
  | "Int16Array"
  | "Uint16Array"
  | "Int32Array"
  | "Uint32Array"
  | "Float32Array"
  | "Float64Array"
  | "BigInt64Array"
  | "BigUint64Array"
  | "Array";

/** An array of either kind: a typed array, or a plain Array of bigint (integers past 64 bits). */
export type HostArray = { length: number; [k: number]: unknown };

const CTORS: Record<Exclude<ArrayClass, "Array">, new (n: number) => HostArray> = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
};

export const makeArray = (cls: ArrayClass, n: number): HostArray =>
  cls === "Array" ? new Array<bigint>(n).fill(0n) : new CTORS[cls](n);

const bitsOf = (t: ElemType): number => (t.kind === "index" ? INDEX_BITS : t.bits);

/** The smallest integer array class holding `bits`-bit values; a plain Array of bigint past 64 bits. */
export function intArrayClass(bits: number, unsigned: boolean): ArrayClass {
  if (bits <= 8) return unsigned ? "Uint8Array" : "Int8Array";
  if (bits <= 16) return unsigned ? "Uint16Array" : "Int16Array";
  if (bits <= 32) return unsigned ? "Uint32Array" : "Int32Array";
  if (bits <= 64) return unsigned ? "BigUint64Array" : "BigInt64Array";
  return "Array";
}

/** The array class users pass and receive for element type t (float16 as Float32Array, fixed as Float64Array). */
export function boundaryClass(t: ElemType): ArrayClass {
  if (t.kind === "float") return t.bits === 64 ? "Float64Array" : "Float32Array";
  if (t.kind === "fixed") return "Float64Array";
  return intArrayClass(bitsOf(t), t.kind === "int" && !t.signed);
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (ArrayBuffer.isView(x)) return `${x.constructor.name} of length ${(x as unknown as HostArray).length}`;
  if (Array.isArray(x)) return `an Array of length ${x.length}`;
  if (typeof x === "object") return `an object (${(x as object).constructor?.name ?? "Object"})`;
  return `${typeof x} ${String(x)}`;
}

const shapeText = (b: BufferDecl) => `${typeName(b.type)}[${b.shape.join(", ")}]`;
const paramText = (f: Func, p: Param): string =>
  p.kind === "scalar" ? `${p.name}: ${typeName(p.type)}` : `${p.name}: ${shapeText(f.buffers[p.name])}`;

/** AL5001 unless the call passes exactly one argument per parameter of `f`. */
export function checkArgCount(f: Func, args: readonly unknown[]): void {
  if (args.length === f.params.length) return;
  const list = f.params.map((p) => paramText(f, p)).join(", ");
  throw new AlloError(
    "AL5001",
    `'${f.name}' takes ${f.params.length} argument(s) (${list}), got ${args.length}`,
  );
}

/** Parameters a kernel may write: stored to, or handed to a callee (which may store). */
export function writtenParams(f: Func): Set<string> {
  const out = new Set<string>();
  visitStmts(f.body, (s) => {
    if (s.kind === "store") out.add(s.buffer);
    if (s.kind === "call") for (const a of s.args) if (a.kind === "buffer") out.add(a.name);
  });
  return out;
}

/** Whether two arguments are, or view, the same memory. */
function sharesMemory(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.buffer !== b.buffer) return false;
  return a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

/**
 * AL5017 when an array the kernel writes shares memory with another array argument: a kernel's arrays
 * are separate memories (as on the FPGA, in csim and in the verifier), which every target assumes
 * (the native one compiles them as `__restrict` pointers).
 */
export function checkSeparate(f: Func, args: readonly unknown[], written: ReadonlySet<string>): void {
  f.params.forEach((p, i) => {
    if (p.kind !== "buffer" || !written.has(p.name) || typeof args[i] !== "object") return;
    f.params.forEach((q, j) => {
      if (j === i || q.kind !== "buffer" || !sharesMemory(args[i], args[j])) return;
      throw new AlloError(
        "AL5017",
        `the arrays passed as '${p.name}' (which '${f.name}' writes) and '${q.name}' share memory: a kernel's arrays are separate memories, as on the FPGA; pass a copy (for example ${q.name}.slice())`,
        f.span ? { span: f.span } : {},
      );
    });
  });
}

/**
 * How an error names buffer parameter b, written only for an error (every call of every kernel checks
 * each of its arrays). A function, not a closure per call: under tsx each named closure costs a call.
 */
const bufferParam = (f: Func, b: BufferDecl): string =>
  `parameter '${b.name}' of '${f.name}' (${shapeText(b)})`;

/** The user's array for buffer parameter `b`, after checking its class (AL5003) and length (AL5002). */
export function checkBuffer(f: Func, b: BufferDecl, arg: unknown): HostArray {
  const expected = boundaryClass(b.type);
  const count = elementCount(b.shape);
  const isArray = expected === "Array" ? Array.isArray(arg) : arg instanceof CTORS[expected];
  if (!isArray) {
    const want = expected === "Array" ? "an Array of bigint" : `a ${expected}`;
    throw new AlloError("AL5003", `${bufferParam(f, b)} expects ${want}, got ${describe(arg)}`);
  }
  const user = arg as HostArray;
  if (user.length !== count) {
    throw new AlloError("AL5002", `${bufferParam(f, b)} expects ${count} element(s), got ${describe(arg)}`);
  }
  if (expected === "Array") {
    const bad = (user as unknown[]).findIndex((x) => typeof x !== "bigint");
    if (bad >= 0) {
      throw new AlloError(
        "AL5003",
        `${bufferParam(f, b)} expects bigint elements, got ${describe(user[bad])} at index ${bad}`,
      );
    }
  }
  return user;
}

/** The raw value of scalar parameter `name` of type t, after checking the argument's kind (AL5003). */
export function scalarIn(f: Func, name: string, t: ElemType, arg: unknown): number | bigint {
  const what = `parameter '${name}' of '${f.name}' (${typeName(t)})`;
  if (t.kind === "float" || t.kind === "fixed") {
    if (typeof arg !== "number")
      throw new AlloError("AL5003", `${what} expects a number, got ${describe(arg)}`);
    return toRaw(arg, t);
  }
  if (typeof arg === "bigint" || (typeof arg === "number" && Number.isInteger(arg))) return toRaw(arg, t);
  throw new AlloError("AL5003", `${what} expects an integer (number or bigint), got ${describe(arg)}`);
}

/**
 * One checked boundary element to its raw value: floats rounded to their format, fixed point quantized
 * like a float-to-fixed cast, integers wrapped to their width (as bigint).
 */
export function toRaw(x: unknown, t: ElemType): number | bigint {
  if (t.kind === "float") return roundFloat(Number(x), t);
  if (t.kind === "fixed") return convert(Number(x), F64, t) as bigint;
  return wrap(BigInt(x as number | bigint), t);
}

/** One raw value (number or bigint) to its boundary element. */
export function fromRaw(x: number | bigint, t: ElemType): number | bigint {
  if (t.kind === "float") return x;
  if (t.kind === "fixed") return scaledToFloat(BigInt(x), t.frac, F64) + 0;
  const cls = boundaryClass(t);
  return cls.startsWith("Big") || cls === "Array" ? BigInt(x) : Number(x) + 0;
}

/** Raw values as a new array of the boundary class. */
export function arrayOut(t: ElemType, raws: ArrayLike<number | bigint>): HostArray {
  const out = makeArray(boundaryClass(t), raws.length);
  for (let i = 0; i < raws.length; i++) out[i] = fromRaw(raws[i], t);
  return out;
}

/** A 0-d result as the caller receives it: a number, or a bigint for integers past 53 bits. */
export function scalarOut(t: ElemType, raw: number | bigint): number | bigint {
  if (t.kind !== "float" && t.kind !== "fixed" && bitsOf(t) > 53) return BigInt(raw);
  return Number(fromRaw(raw, t));
}
