// The boundary of a CPU kernel: checks the caller's arguments (count, typed-array class, length),
// converts them to the internal representation (fixed point quantized, float16 rounded), and turns
// results back into typed arrays (fixed point as real values) and scalars.

import { AlloError } from "../../diagnostics/error.ts";
import type { BufferDecl, Func } from "../../ir/nodes.ts";
import { convert, roundHalf } from "../../semantics/scalar.ts";
import { type DType, typeName } from "../../types/dtype.ts";
import { reprOf, storageOf } from "./repr.ts";

const F64: DType = { kind: "float", bits: 64 };

/** The class users pass for a buffer of this element type. */
export function boundaryClass(t: DType): string {
  return t.kind === "fixed" ? "Float64Array" : storageOf(t);
}

const size = (b: BufferDecl) => b.shape.reduce((a, c) => a * c, 1);

function className(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "Array";
  if (typeof v === "object") return (v as object).constructor?.name ?? "object";
  return typeof v;
}

/** Converts one buffer argument; returns the internal array and whether it must be written back. */
export function bufferIn(
  f: Func,
  b: BufferDecl,
  arg: unknown,
  pos: number,
): { data: unknown; copy: boolean } {
  const want = boundaryClass(b.type);
  const where = `argument ${pos + 1} ('${b.name}') of '${f.name}'`;
  if (className(arg) !== want) {
    throw new AlloError(
      "AL5003",
      `${where} must be a ${want} of ${typeName(b.type)}[${b.shape.join(", ")}], got ${className(arg)}`,
    );
  }
  const a = arg as ArrayLike<unknown>;
  if (a.length !== size(b)) {
    throw new AlloError(
      "AL5002",
      `${where} must have ${size(b)} elements (shape [${b.shape.join(", ")}]), got ${a.length}`,
    );
  }
  if (want === "Array" && !Array.from(a).every((x) => typeof x === "bigint")) {
    throw new AlloError("AL5003", `${where} must be an array of bigint for ${typeName(b.type)}`);
  }
  const t = b.type;
  if (t.kind === "fixed") {
    const Cls = (globalThis as unknown as Record<string, new (n: number) => unknown[]>)[storageOf(t)];
    const raw = new Cls(a.length) as unknown[];
    const big = reprOf(t) === "b" || storageOf(t).startsWith("Big");
    for (let i = 0; i < a.length; i++) {
      const r = convert(a[i] as number, F64, t) as bigint;
      raw[i] = big ? r : Number(r);
    }
    return { data: raw, copy: true };
  }
  if (t.kind === "float" && t.bits === 16)
    return { data: Float32Array.from(a as Float32Array, roundHalf), copy: true };
  return { data: arg, copy: false };
}

/** Writes an internal fixed-point or float16 buffer back into the caller's array. */
export function bufferOut(
  b: BufferDecl,
  data: ArrayLike<unknown>,
  target: { [i: number]: unknown; length: number },
): void {
  for (let i = 0; i < target.length; i++) target[i] = exportValue(b.type, data[i]);
}

export function exportValue(t: DType, v: unknown): unknown {
  if (t.kind === "fixed") return convert(BigInt(v as number | bigint), t, F64);
  if (reprOf(t) === "b" || typeof v === "bigint") return v;
  return v;
}

/** A scalar argument in the internal representation of its type. */
export function scalarIn(f: Func, name: string, t: DType, arg: unknown, pos: number): unknown {
  const where = `argument ${pos + 1} ('${name}') of '${f.name}'`;
  if (typeof arg !== "number" && typeof arg !== "bigint") {
    throw new AlloError(
      "AL5003",
      `${where} is a ${typeName(t)} scalar; pass a number${reprOf(t) === "b" ? " or bigint" : ""}, got ${className(arg)}`,
    );
  }
  if (t.kind === "float") return convert(Number(arg), F64, t);
  if (t.kind === "fixed") {
    const r = convert(Number(arg), F64, t) as bigint;
    return reprOf(t) === "b" ? r : Number(r);
  }
  if (typeof arg === "number" && !Number.isInteger(arg)) {
    throw new AlloError("AL5003", `${where} is ${typeName(t)}, an integer type; got ${arg}`);
  }
  const r = convert(BigInt(arg), { kind: "int", bits: 128, signed: true }, t) as bigint;
  return reprOf(t) === "b" ? r : Number(r);
}

/** A result buffer or scalar as the caller receives it. */
export function resultOut(b: BufferDecl, data: unknown): unknown {
  if (b.shape.length === 0) return exportValue(b.type, data);
  if (b.type.kind === "fixed") {
    const out = new Float64Array(size(b));
    bufferOut(b, data as ArrayLike<unknown>, out);
    return out;
  }
  return data;
}
