// The call boundary of a CPU kernel: the host ABI (src/runtime/host-abi.ts) checks every argument; this
// converts arguments to the generated code's raw representation where it differs (fixed point,
// float16, widths that are not 8/16/32/64), writes converted output parameters back in place, and
// turns results into new typed arrays, numbers or bigints.

import type { BufferDecl, Func, Param } from "../../ir/nodes.ts";
import {
  arrayOut,
  boundaryClass,
  checkBuffer,
  fromRaw,
  type HostArray,
  scalarIn as hostScalar,
  makeArray,
  scalarOut,
  toRaw,
} from "../../runtime/host-abi.ts";
import type { ElemType } from "../../types/dtype.ts";
import { rawBits, reprOf, storageOf } from "./values.ts";

/** Raw values pass through untouched: the boundary array is exactly what the generated code uses. */
function passesThrough(t: ElemType): boolean {
  if (t.kind === "float") return t.bits !== 16;
  if (t.kind === "fixed") return false;
  return boundaryClass(t) === storageOf(t) && [8, 16, 32, 64].includes(rawBits(t));
}

/** A raw value as the generated code holds it: exact integers up to 53 bits as numbers. */
const held = (raw: number | bigint, t: ElemType): number | bigint =>
  typeof raw === "bigint" && reprOf(t) === "n" ? Number(raw) : raw;

export interface BufferArg {
  /** What the generated code gets. */
  readonly data: HostArray;
  /** Copies the generated code's values back into the user's array (for converted output parameters). */
  readonly writeBack?: () => void;
}

export function bufferIn(f: Func, b: BufferDecl, arg: unknown, written: boolean): BufferArg {
  const user = checkBuffer(f, b, arg);
  if (passesThrough(b.type)) return { data: user };
  const count = user.length;
  const data = makeArray(storageOf(b.type), count);
  for (let i = 0; i < count; i++) data[i] = held(toRaw(user[i], b.type), b.type);
  if (!written) return { data };
  return {
    data,
    writeBack: () => {
      for (let i = 0; i < count; i++) user[i] = fromRaw(data[i] as number | bigint, b.type);
    },
  };
}

export const scalarIn = (f: Func, p: Extract<Param, { kind: "scalar" }>, arg: unknown): number | bigint =>
  held(hostScalar(f, p.name, p.type, arg), p.type);

/** A returned buffer as the user receives it: a typed array, or a number/bigint for a 0-d result. */
export function resultOut(b: BufferDecl, value: unknown, isVar: boolean): unknown {
  const t = b.type;
  if (b.shape.length === 0) return scalarOut(t, (isVar ? value : (value as HostArray)[0]) as number | bigint);
  const data = value as HostArray & ArrayLike<number | bigint>;
  if (boundaryClass(t) === storageOf(t) && t.kind !== "fixed") return data;
  return arrayOut(t, data);
}
