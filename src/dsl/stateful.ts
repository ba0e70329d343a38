// `stateful(init)` in the kernel language: a variable that keeps its value across calls of one built
// kernel (HLS: a static local). Like the loops it only type-checks kernels; the compiler reads the
// declaration from the source (src/frontend/lower-stateful.ts).

import { notOnHost } from "./loops.ts";

/**
 * `let count: int32 = stateful(0);` or `const win: float32<[4]> = stateful(0.0);` (a scalar fills the
 * tensor; `stateful(zeros())` and `stateful(full(v))` also work).
 */
export function stateful<T>(_init: NoInfer<T> | number | bigint | boolean): T {
  return notOnHost("stateful()");
}
