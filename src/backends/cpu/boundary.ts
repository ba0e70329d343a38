// The call boundary of a CPU kernel (api.md sections 1.1 and 3): checks every argument (count AL5001,
// length AL5002, element type AL5003, each message naming the parameter, what it expects and what it
// got), converts arguments to the generated code's raw representation where it differs (fixed point,
// float16, widths that are not 8/16/32/64), writes converted output parameters back in place, and
// turns results into new typed arrays, numbers or bigints.

import { AlloError } from "../../diagnostics/error.ts";
import type { BufferDecl, Func, Param } from "../../ir/nodes.ts";
import { convert, roundFloat, scaledToFloat, wrap } from "../../semantics/scalar.ts";
import { type ElemType, floatType, typeName } from "../../types/dtype.ts";
import { boundaryOf, rawBits, reprOf, type StorageClass, storageOf } from "./values.ts";

const F64 = floatType(64);
type Arr = { length: number; [k: number]: unknown };

const CLASSES: Record<Exclude<StorageClass, "Array">, new (n: number) => Arr> = {
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

const makeArray = (cls: StorageClass, n: number): Arr =>
  cls === "Array" ? new Array<bigint>(n).fill(0n) : new CLASSES[cls](n);

function describe(x: unknown): string {
  if (x === null) return "null";
  if (ArrayBuffer.isView(x)) return `${x.constructor.name} of length ${(x as unknown as Arr).length}`;
  if (Array.isArray(x)) return `an Array of length ${x.length}`;
  if (typeof x === "object") return `an object (${(x as object).constructor?.name ?? "Object"})`;
  return `${typeof x} ${String(x)}`;
}

const shapeText = (b: BufferDecl) => `${typeName(b.type)}[${b.shape.join(", ")}]`;
export const paramText = (f: Func, p: Param): string =>
  p.kind === "scalar" ? `${p.name}: ${typeName(p.type)}` : `${p.name}: ${shapeText(f.buffers[p.name])}`;

/** Raw values pass through untouched: the boundary array is exactly what the generated code uses. */
function passesThrough(t: ElemType): boolean {
  if (t.kind === "float") return t.bits !== 16;
  if (t.kind === "fixed") return false;
  return boundaryOf(t) === storageOf(t) && [8, 16, 32, 64].includes(rawBits(t));
}

/** One boundary element to its raw internal value. */
function toRaw(x: unknown, t: ElemType): number | bigint {
  if (t.kind === "float") return roundFloat(x as number, t);
  const raw =
    t.kind === "fixed" ? (convert(x as number, F64, t) as bigint) : wrap(BigInt(x as number | bigint), t);
  return reprOf(t) === "n" ? Number(raw) : raw;
}

/** One raw internal value to its boundary element. */
function fromRaw(x: number | bigint, t: ElemType): number | bigint {
  if (t.kind === "float") return x;
  if (t.kind === "fixed") return scaledToFloat(BigInt(x), t.frac, F64) + 0;
  return boundaryOf(t).startsWith("Big") || boundaryOf(t) === "Array" ? BigInt(x) : Number(x) + 0;
}

export interface BufferArg {
  /** What the generated code gets. */
  readonly data: Arr;
  /** Copies the generated code's values back into the user's array (for converted output parameters). */
  readonly writeBack?: () => void;
}

export function bufferIn(f: Func, b: BufferDecl, arg: unknown, written: boolean): BufferArg {
  const expected = boundaryOf(b.type);
  const count = b.shape.reduce((x, y) => x * y, 1);
  const what = `parameter '${b.name}' of '${f.name}' (${shapeText(b)})`;
  const isArray = expected === "Array" ? Array.isArray(arg) : arg instanceof CLASSES[expected];
  if (!isArray) {
    const want = expected === "Array" ? "an Array of bigint" : `a ${expected}`;
    throw new AlloError("AL5003", `${what} expects ${want}, got ${describe(arg)}`);
  }
  const user = arg as Arr;
  if (user.length !== count) {
    throw new AlloError("AL5002", `${what} expects ${count} element(s), got ${describe(arg)}`);
  }
  if (expected === "Array") {
    const bad = (user as unknown[]).findIndex((x) => typeof x !== "bigint");
    if (bad >= 0) {
      throw new AlloError(
        "AL5003",
        `${what} expects bigint elements, got ${describe(user[bad])} at index ${bad}`,
      );
    }
  }
  if (passesThrough(b.type)) return { data: user };
  const data = makeArray(storageOf(b.type), count);
  for (let i = 0; i < count; i++) data[i] = toRaw(user[i], b.type);
  if (!written) return { data };
  return {
    data,
    writeBack: () => {
      for (let i = 0; i < count; i++) user[i] = fromRaw(data[i] as number | bigint, b.type);
    },
  };
}

export function scalarIn(f: Func, p: Extract<Param, { kind: "scalar" }>, arg: unknown): number | bigint {
  const t = p.type;
  const what = `parameter '${p.name}' of '${f.name}' (${typeName(t)})`;
  if (t.kind === "float" || t.kind === "fixed") {
    if (typeof arg !== "number")
      throw new AlloError("AL5003", `${what} expects a number, got ${describe(arg)}`);
    return toRaw(arg, t);
  }
  if (typeof arg === "bigint" || (typeof arg === "number" && Number.isInteger(arg))) return toRaw(arg, t);
  throw new AlloError("AL5003", `${what} expects an integer (number or bigint), got ${describe(arg)}`);
}

/** A returned buffer as the user receives it: a typed array, or a number/bigint for a 0-d result. */
export function resultOut(b: BufferDecl, value: unknown, isVar: boolean): unknown {
  const t = b.type;
  if (b.shape.length === 0) {
    const raw = (isVar ? value : (value as Arr)[0]) as number | bigint;
    if (t.kind !== "float" && t.kind !== "fixed" && rawBits(t) > 53) return BigInt(raw);
    return Number(fromRaw(raw, t));
  }
  const data = value as Arr;
  if (boundaryOf(t) === storageOf(t) && t.kind !== "fixed") return data;
  const out = makeArray(boundaryOf(t), data.length);
  for (let i = 0; i < data.length; i++) out[i] = fromRaw(data[i] as number | bigint, t);
  return out;
}
