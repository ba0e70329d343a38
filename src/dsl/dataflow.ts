// The TypeScript surface of dataflow regions: `Stream<T>` (one FIFO of T) and `Stream<T, [P0, P1]>`
// (an array of FIFOs, indexed one level per dimension), and the kernel-language calls `df.kernel`,
// `df.stream`, `df.getPid`. Like grid(), they only type-check kernels: the compiler reads them from
// the source, and calling them on the host is AL9002.

import { notOnHost } from "./loops.ts";
import type { Shape } from "./tensor-types.ts";

/** One FIFO: `put(v)` blocks while it is full, `get()` while it is empty. */
export interface Fifo<T> {
  put(v: T): void;
  get(): T;
}
export interface Fifo1<T> {
  readonly [i: number]: Fifo<T>;
}
export interface Fifo2<T> {
  readonly [i: number]: Fifo1<T>;
}
export interface Fifo3<T> {
  readonly [i: number]: Fifo2<T>;
}

/** `Stream<float32>` is one FIFO of float32; `Stream<float32, [P0, P1]>` a P0 x P1 array of FIFOs. */
export type Stream<T, S extends Shape = []> = S["length"] extends 0
  ? Fifo<T>
  : S["length"] extends 1
    ? Fifo1<T>
    : S["length"] extends 2
      ? Fifo2<T>
      : Fifo3<T>;

/** The instance grid of a kernel: one instance per index tuple, row-major. */
export interface KernelOptions {
  readonly mapping: readonly number[];
}

/** `df.kernel(options, function name(...) {...})`: tsc checks `args` against the kernel's parameters. */
export function kernel(o: KernelOptions, body: () => void): void;
export function kernel<P extends [unknown, ...unknown[]]>(
  o: KernelOptions & { readonly args: NoInfer<P> },
  body: (...a: P) => void,
): void;
export function kernel(_o: unknown, _body: unknown): void {
  notOnHost("df.kernel()");
}

/** The instance's indices in its kernel's mapping, as compile-time constants: `const [i, j] = df.getPid();` */
export function getPid(): number[] {
  return notOnHost("df.getPid()");
}

/** A stream (or an array of streams, by its annotation) of the given depth (default 2). */
export function stream<T>(_o?: { readonly depth?: number }): T {
  return notOnHost("df.stream()");
}
