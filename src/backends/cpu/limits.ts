// Build-time size limits of the CPU backend: every tensor lives in one flat JS array, and V8 caps a
// typed array at 2^32 elements and a plain Array (the bigint storage past 64 bits) at 2^32 - 1. A buffer
// past its cap is AL5013 naming it, its element count and the cap, instead of a RangeError mid-run; a
// buffer under the cap that the machine has no memory for is AL5013 at run time, naming the largest.

import { AlloError, type AlloErrorInit } from "../../diagnostics/error.ts";
import type { Func } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { typeName } from "../../types/dtype.ts";
import { storageOf } from "./values.ts";

const TYPED_MAX = 2n ** 32n;
const ARRAY_MAX = 2n ** 32n - 1n;

/** Throws AL5013 for the first buffer of f that cannot be held in the array class it would use. */
export function checkSizes(f: Func): void {
  for (const b of Object.values(f.buffers)) {
    if (b.stream) continue;
    const count = b.shape.reduce((x, y) => x * BigInt(y), 1n);
    const cls = storageOf(b.type);
    const max = cls === "Array" ? ARRAY_MAX : TYPED_MAX;
    if (count <= max) continue;
    const what = b.role === "local" ? "local buffer" : "buffer";
    const init: AlloErrorInit = b.span ? { span: b.span } : {};
    throw new AlloError(
      "AL5013",
      `${what} '${b.name}' of '${f.name}' (${typeName(b.type)}[${b.shape.join(", ")}]) has ${count} elements, more than the CPU target can hold in one ${cls} (at most ${max}); tile the computation so the buffer is smaller, or build for another target`,
      init,
    );
  }
}

/** V8's RangeError for an allocation it cannot make becomes AL5013; anything else passes through. */
export function outOfMemory(e: unknown, f: Func): unknown {
  if (!(e instanceof RangeError) || !/allocation failed|Invalid (typed )?array length/.test(e.message))
    return e;
  const locals = Object.values(f.buffers).filter((b) => !b.stream && b.role !== "param");
  const size = (b: (typeof locals)[number]) => elementCount(b.shape);
  const big = locals.sort((a, b) => size(b) - size(a))[0];
  const which = big
    ? `; its largest buffer is '${big.name}' (${typeName(big.type)}[${big.shape.join(", ")}])`
    : "";
  return new AlloError(
    "AL5013",
    `'${f.name}' could not allocate its buffers on the CPU (${e.message})${which}; tile the computation so buffers are smaller, or give node more memory (--max-old-space-size does not limit typed arrays, the machine's memory does)`,
  );
}
