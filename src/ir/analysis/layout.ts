// Memory layouts as types: the one place that knows what a partition means. Per dimension of extent n a
// layout element is none, cyclic(f), block(f) or complete, normalised so that equal bank partitions have
// one spelling; the refinement order ("gives at least the parallelism of") and its join are closed forms
// over those elements (test/compose/layout.test.ts checks them against bank maps by brute force).
// The MLIR layout maps, the HLS array_partition pragmas and layout inference all read layouts from here.

import type { BufferDecl, DimLayout, Partition, PartitionType } from "../nodes.ts";

export type { DimLayout };

/** An array's layout: one element per dimension. */
export type Layout = readonly DimLayout[];

const NONE: DimLayout = { kind: "none" };
const COMPLETE: DimLayout = { kind: "complete" };

/**
 * The normal form of partitioning a dimension of extent n: factor 1 (or a factor the registry left at its
 * default 0) is none, factor >= n is complete, block(f) becomes block(ceil(n / ceil(n / f))) because
 * only its bank size ceil(n / f) matters, and an extent-1 dimension is never partitioned.
 */
export function normalizeDim(type: PartitionType, factor: number, n: number): DimLayout {
  if (n <= 1) return NONE;
  if (type === "complete") return COMPLETE;
  if (factor <= 1) return NONE;
  const f = type === "block" ? Math.ceil(n / Math.ceil(n / factor)) : factor;
  return f >= n ? COMPLETE : { kind: type, factor: f };
}

/** The elements per bank of a block element (or of a block of `factor` banks) on extent n. */
export const blockSize = (factor: number, n: number): number => Math.ceil(n / factor);

/** A block element of bank size `size` on extent n, normalised (size 1 is complete, size >= n none). */
function blockOfSize(size: number, n: number): DimLayout {
  if (size >= n) return NONE;
  return size <= 1 ? COMPLETE : normalizeDim("block", Math.ceil(n / size), n);
}

/** The bank of index x (0 <= x < n) under element d. */
export function bankOf(d: DimLayout, n: number, x: number): number {
  switch (d.kind) {
    case "none":
      return 0;
    case "complete":
      return x;
    case "cyclic":
      return x % d.factor;
    case "block":
      return Math.floor(x / blockSize(d.factor, n));
  }
}

/** The layout of an array of `shape` after its partitions in order (dim 0 sets every dimension). */
export function layoutOf(shape: readonly number[], parts: readonly Partition[]): DimLayout[] {
  const dims: DimLayout[] = shape.map(() => NONE);
  for (const p of parts) {
    for (let k = 0; k < shape.length; k++) {
      if (p.dim === 0 || p.dim === k + 1) dims[k] = normalizeDim(p.type, p.factor, shape[k]);
    }
  }
  return dims;
}

/** Layouts normalised from a declaration's partitions, once per (immutable) declaration. */
const ownLayouts = new WeakMap<BufferDecl, Layout>();

/** A buffer's layout: its class's inferred layout, else its own partitions (IR built without a schedule). */
export function bufferLayout(b: BufferDecl): Layout {
  if (b.layout) return b.layout;
  let own = ownLayouts.get(b);
  if (!own) ownLayouts.set(b, (own = layoutOf(b.shape, b.partitions)));
  return own;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** a ⊑ b on extent n: every two indices in different banks of a are in different banks of b. */
export function dimLeq(a: DimLayout, b: DimLayout, n: number): boolean {
  if (a.kind === "none" || b.kind === "complete") return true;
  if (a.kind === "complete" || b.kind === "none" || a.kind !== b.kind) return false;
  if (a.kind === "cyclic") return b.factor % a.factor === 0;
  return blockSize(a.factor, n) % blockSize(b.factor, n) === 0;
}

/** The least element above a and b on extent n. */
export function dimJoin(a: DimLayout, b: DimLayout, n: number): DimLayout {
  if (a.kind === "none") return b;
  if (b.kind === "none") return a;
  if (a.kind === "complete" || b.kind === "complete" || a.kind !== b.kind) return COMPLETE;
  if (a.kind === "cyclic") return normalizeDim("cyclic", (a.factor / gcd(a.factor, b.factor)) * b.factor, n);
  return blockOfSize(gcd(blockSize(a.factor, n), blockSize(b.factor, n)), n);
}

/** Product order: a ⊑ b in every dimension. */
export const layoutLeq = (a: Layout, b: Layout, shape: readonly number[]): boolean =>
  shape.every((n, k) => dimLeq(a[k], b[k], n));

/** Componentwise join. */
export const layoutJoin = (a: Layout, b: Layout, shape: readonly number[]): DimLayout[] =>
  shape.map((n, k) => dimJoin(a[k], b[k], n));

export const sameLayout = (a: Layout, b: Layout): boolean => layoutText(a) === layoutText(b);

export const isUnpartitioned = (l: Layout): boolean => l.every((d) => d.kind === "none");

/** The layout as the API spells it: `[cyclic(4), none]`. */
export function layoutText(l: Layout): string {
  return `[${l.map((d) => (d.kind === "block" || d.kind === "cyclic" ? `${d.kind}(${d.factor})` : d.kind)).join(", ")}]`;
}
