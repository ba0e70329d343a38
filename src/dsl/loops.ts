// Loop iterators and tensor initializers of the kernel language. They only type-check kernels: the
// compiler reads them from the source, and calling them on the host is a mistake we explain.

import { AlloError } from "../diagnostics/error.ts";
import type { Shape } from "./tensor-types.ts";

export interface LoopOptions {
  /** Band name (Allo's op_name), e.g. "PE". */
  readonly name?: string;
  /** true = II 1, a number = that II. */
  readonly pipeline?: boolean | number;
  /** true = full, a number = that factor. */
  readonly unroll?: boolean | number;
}

type Ints<S extends Shape> = { [K in keyof S]: number };

/** The error of a kernel-language function called on the host (AL9002). */
export function notOnHost(what: string): never {
  throw new AlloError(
    "AL9002",
    `${what} belongs to the kernel language: kernels are compiled with customize(kernel), not called directly`,
  );
}

export function grid(a: number, o?: LoopOptions): Iterable<[number]>;
export function grid(a: number, b: number, o?: LoopOptions): Iterable<[number, number]>;
export function grid(a: number, b: number, c: number, o?: LoopOptions): Iterable<[number, number, number]>;
export function grid(
  a: number,
  b: number,
  c: number,
  d: number,
  o?: LoopOptions,
): Iterable<[number, number, number, number]>;
export function grid(...args: (number | LoopOptions)[]): Iterable<number[]>;
export function grid<S extends Shape>(o?: LoopOptions): Iterable<Ints<S>>;
export function grid(..._args: unknown[]): Iterable<number[]> {
  return notOnHost("grid()");
}

export function reduction(a: number, o?: LoopOptions): Iterable<number>;
export function reduction(a: number, b: number, o?: LoopOptions): Iterable<[number, number]>;
export function reduction(
  a: number,
  b: number,
  c: number,
  o?: LoopOptions,
): Iterable<[number, number, number]>;
export function reduction(..._args: unknown[]): Iterable<number | number[]> {
  return notOnHost("reduction()");
}

export function range(ub: number, o?: LoopOptions): Iterable<number>;
export function range(lb: number, ub: number, o?: LoopOptions): Iterable<number>;
export function range(lb: number, ub: number, step: number, o?: LoopOptions): Iterable<number>;
export function range<N extends number>(o?: LoopOptions): Iterable<number>;
export function range(..._args: unknown[]): Iterable<number> {
  return notOnHost("range()");
}

/** A zero-filled local tensor: `const C: float32<[M, N]> = zeros();` */
export function zeros<T>(): T {
  return notOnHost("zeros()");
}

/** A local tensor filled with v: `const T: int32<[N]> = full(1);` */
export function full<T>(_v: number): T {
  return notOnHost("full()");
}
