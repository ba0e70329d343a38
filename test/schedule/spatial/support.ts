// The seed's three systolic schedules of `matmul` (Allo tutorial: spatial i, j; spatial k, j; spatial j),
// parameterized by grid size and FIFO depth, and a bit-exact run check without IR goldens for the
// larger sizes.
import type { Schedule } from "../../../src/index.ts";
import { customize } from "../../../src/index.ts";
import { assertReplays, assertSameRun } from "../support.ts";

export interface Sizes {
  readonly M: number;
  readonly N: number;
  readonly K: number;
}

/** Output-stationary: A flows along j in one chain per row, B along i in one chain per column. */
export function spatialIJ(s: Schedule, { M, N }: Sizes, depth?: number): void {
  const bufA = s.bufferAt("A", "j");
  const bufB = s.bufferAt("B", "j");
  const pe = s.unfold("PE", { axis: [0, 1], factor: [M, N] });
  s.partition("A", { dim: 0 });
  s.partition("B", { dim: 1 });
  s.partition("C", { dim: [0, 1] });
  s.relay(bufA, pe, { axis: 0, depth: depth ?? M + 1 });
  s.relay(bufB, pe, { axis: 1, depth: depth ?? N + 1 });
}

/** Weight-stationary: B stays in PE (k, j), A flows along j, partial sums of C flow along k. */
export function spatialKJ(s: Schedule, { K, N }: Sizes, depth?: number): void {
  s.reorder("k", "j", "i");
  const bufA = s.bufferAt("A", "j");
  const bufC = s.bufferAt("C", "j");
  const pe = s.unfold("PE", { axis: [0, 1], factor: [K, N] });
  s.partition("A", { dim: 0 });
  s.partition("B", { dim: [0, 1] });
  s.partition("C", { dim: 1 });
  s.relay(bufA, pe, depth === undefined ? { axis: 0 } : { axis: 0, depth });
  s.relay(bufC, pe, depth === undefined ? { axis: 1 } : { axis: 1, depth });
}

/** A 1-D array over j: A is forwarded through all PEs, each PE gets its own column of B. */
export function spatialJ(s: Schedule, { M }: Sizes, depth?: number, factor = M): void {
  const bufA = s.bufferAt("A", "j");
  const bufB = s.bufferAt("B", "j");
  const pe = s.unfold("PE", { axis: 1, factor });
  s.partition("B", { dim: 1 });
  s.partition("C", { dim: 1 });
  s.relay(bufA, pe, depth === undefined ? { axis: 0 } : { axis: 0, depth });
  s.relay(bufB, pe, depth === undefined ? { axis: 1 } : { axis: 1, depth });
}

/** Applies `steps` to `kernel` and checks the design against the plain kernel (3 seeds) and its trace replay. */
export function runsLikePlain(kernel: Function, steps: (s: Schedule) => void, what: string): Schedule {
  const s = customize(kernel);
  steps(s);
  assertSameRun(s.original, s.ir, what, [1, 2, 3]);
  assertReplays(kernel, s);
  return s;
}
