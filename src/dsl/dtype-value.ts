// A dtype value: callable as a cast inside kernels (`int16(x)`), carrying its descriptor for the host
// (`instantiate: { T: int16 }`). Calling it on the host is a mistake we explain.

import { AlloError } from "../diagnostics/error.ts";
import type { ElemType } from "../types/dtype.ts";

export interface DTypeValue {
  (x: number | bigint | boolean): number;
  readonly dtype: ElemType;
}

export function dtypeValue(t: ElemType, name: string): DTypeValue {
  const f = (() => {
    throw new AlloError(
      "AL9002",
      `${name}(...) is a cast inside kernels; kernels are compiled with customize(), not called`,
    );
  }) as unknown as DTypeValue;
  Object.defineProperty(f, "dtype", { value: t, enumerable: true });
  Object.defineProperty(f, "name", { value: name });
  return f;
}
