// Storage of stateful locals on the CPU: one array per stateful buffer of each function, made and
// filled when the kernel is built and handed to the generated code through the constant pool, so the
// values persist across calls of one built kernel and every build starts from the initialiser.

import type { BufferDecl } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { roundFloat } from "../../semantics/scalar.ts";
import { reprOf, storageOf } from "./values.ts";

type Filled = { fill(v: number | bigint): unknown };

export function stateStorage(b: BufferDecl): unknown {
  if (!b.state) return undefined;
  const v = b.state.init.value;
  const t = b.type;
  const fill = t.kind === "float" ? roundFloat(Number(v), t) : reprOf(t) === "b" ? BigInt(v) : Number(v);
  const n = Math.max(1, elementCount(b.shape));
  const cls = storageOf(b.type);
  const Ctor = (globalThis as unknown as Record<string, new (n: number) => Filled>)[cls];
  return (cls === "Array" ? new Array(n) : new Ctor(n)).fill(fill);
}
