// Vitis's throughput-driven automatic array partitioning (`config_array_partition -throughput_driven
// auto`, the default): when a pipelined loop misses its II on the ports of a local array nobody
// partitioned, Vitis partitions it. Modelled as a cyclic partition of one dimension by the least factor
// (of those tried: accesses / ports, its doublings, the extent) that gives every bank few enough
// accesses for the target II, on the dimension where that factor is least (the first on a tie;
// complete when the factor reaches the extent). The published
// GEMM 128^3 + unroll 16 run relies on it (C_buf complete, B cyclic 16: docs/estimate.md).

import { bufferLayout, type DimLayout, isUnpartitioned, normalizeDim } from "../ir/analysis/layout.ts";
import type { BufferDecl, Func } from "../ir/nodes.ts";
import { banksTouched, memKind } from "./access.ts";
import type { Op } from "./ops.ts";

const NONE: DimLayout = { kind: "none" };

/** Whether no bank of `b` takes more than `perBank` of `accs` (stops at the first that does). */
function fits(b: BufferDecl, accs: readonly Op[], perBank: number): boolean {
  const count = new Map<number, number>();
  for (let i = 0; i < accs.length; i++) {
    const op = accs[i];
    const banks = banksTouched(b, op.idx ?? [], op.spans);
    for (let j = 0; j < banks.length; j++) {
      const n = (count.get(banks[j]) ?? 0) + 1;
      if (n > perBank) return false;
      count.set(banks[j], n);
    }
  }
  return true;
}

/** b partitioned cyclic(factor) on dimension d, normalised (complete from the extent on). */
function cyclicOn(b: BufferDecl, d: number, factor: number): BufferDecl {
  return { ...b, layout: b.shape.map((n, k) => (k === d ? normalizeDim("cyclic", factor, n) : NONE)) };
}

/** The layout Vitis would give b for `accs` at `perBank` accesses per bank, or undefined for none. */
function autoLayout(b: BufferDecl, accs: readonly Op[], perBank: number): BufferDecl | undefined {
  if (fits(b, accs, perBank)) return undefined;
  // Fewer banks than accesses / perBank cannot do; then doublings, and the whole extent last.
  const least = Math.max(2, Math.ceil(accs.length / perBank));
  let best: { decl: BufferDecl; factor: number } | undefined;
  b.shape.forEach((n, d) => {
    const factors: number[] = [];
    for (let f = least; f < n; f *= 2) factors.push(f);
    for (const factor of [...factors, n]) {
      if (factor >= (best?.factor ?? Infinity)) break;
      const decl = cyclicOn(b, d, factor);
      if (fits(decl, accs, perBank)) {
        best = { decl, factor };
        break;
      }
    }
  });
  return best?.decl;
}

/**
 * f with the partitions Vitis adds for this iteration at `targetIi`, the iteration's ops (those of an
 * array now complete in registers), the arrays so partitioned and a note per array; f and ops
 * themselves when every unpartitioned array already meets the target. The interface arrays (`ports`,
 * ./interface.ts) keep theirs.
 */
export function autoPartitioned(
  ops: readonly Op[],
  f: Func,
  ports: ReadonlySet<string>,
  portsPerBank: number,
  targetIi: number,
): { func: Func; ops: readonly Op[]; partitioned: BufferDecl[]; notes: string[] } {
  const byBuffer = new Map<string, Op[]>();
  for (const op of ops) {
    if (op.mem !== "ram" || !op.buffer) continue;
    const list = byBuffer.get(op.buffer);
    if (list) list.push(op);
    else byBuffer.set(op.buffer, [op]);
  }
  const buffers: Record<string, BufferDecl> = {};
  const notes: string[] = [];
  for (const [name, accs] of byBuffer) {
    const b = f.buffers[name];
    // A storage binding is the user's choice of memory: it is not repartitioned behind their back.
    if (!b || ports.has(name) || b.storage || !isUnpartitioned(bufferLayout(b))) continue;
    const decl = autoLayout(b, accs, portsPerBank * targetIi);
    if (!decl) continue;
    buffers[name] = decl;
    const d = bufferLayout(decl).findIndex((x) => x.kind !== "none");
    const how = bufferLayout(decl)[d];
    notes.push(
      `'${name}' is taken as partitioned ${how.kind === "cyclic" ? `cyclic ${how.factor}` : "completely"} on dimension ${d + 1}, as Vitis's automatic partitioning does for a pipelined loop its ports would hold back; partition it yourself to fix the choice`,
    );
  }
  if (notes.length === 0) return { func: f, ops, partitioned: [], notes };
  // An array partitioned completely is registers: no ports, and no memory step on its recurrences.
  const registers = new Set(Object.keys(buffers).filter((n) => memKind(buffers[n], ports) === "reg"));
  const moved = ops.map((op) =>
    op.buffer && registers.has(op.buffer) ? { ...op, mem: "reg" as const } : op,
  );
  const partitioned = Object.values(buffers);
  return { func: { ...f, buffers: { ...f.buffers, ...buffers } }, ops: moved, partitioned, notes };
}
