// qmatmul and qlinear of allo-ts/library: the integer forms of matmul and linear (./products.ts) under
// the names they had before those took integers. quantize and dequantize are in ./quantize.ts.
import { overload } from "allo-ts";
import { linearInt32, linearInt64, matmulInt32, matmulInt64 } from "./products.ts";

/** The integer forms of matmul (./products.ts) by their older name: int32 for operands up to 16 bits. */
export const qmatmul = overload(matmulInt32, matmulInt64);

/** The integer forms of linear (./products.ts), int32 bias for operands up to 16 bits (W4A8: Int<4> W). */
export const qlinear = overload(linearInt32, linearInt64);
