// The TypeScript type surface of kernels. Kernels are compiled from their source, never executed, so
// these types exist for tsc and the editor: scalars are `number`, tensors are indexable objects branded
// with their dtype name and shape, so that shape and dtype mismatches at call sites are tsc errors.

export type Shape = readonly number[];

declare const dtypeBrand: unique symbol;
declare const shapeBrand: unique symbol;

interface Branded<D, S> {
  readonly [dtypeBrand]?: D;
  // A method's parameter is compared both ways, so an extent written `number` (a result shape the kernel
  // computes, e.g. conv2d's) is accepted where a literal extent is expected; literals that differ are not.
  [shapeBrand]?(shape: S): void;
}
type Row1 = { [i: number]: number };
type Row2 = { [i: number]: Row1 };
type Row3 = { [i: number]: Row2 };
type Row4 = { [i: number]: Row3 };
type Row5 = { [i: number]: Row4 };

export interface Tensor1<D, S> extends Branded<D, S>, Row1 {}
export interface Tensor2<D, S> extends Branded<D, S>, Row2 {}
export interface Tensor3<D, S> extends Branded<D, S>, Row3 {}
export interface Tensor4<D, S> extends Branded<D, S>, Row4 {}
export interface Tensor5<D, S> extends Branded<D, S>, Row5 {}
export interface Tensor6<D, S> extends Branded<D, S> {
  [i: number]: Row5;
}

/** A tensor (or, for the empty shape, a scalar) of element type named D. Dispatches on the rank. */
export type TensorOf<D, S extends Shape> = S["length"] extends 0
  ? number
  : S["length"] extends 1
    ? Tensor1<D, S>
    : S["length"] extends 2
      ? Tensor2<D, S>
      : S["length"] extends 3
        ? Tensor3<D, S>
        : S["length"] extends 4
          ? Tensor4<D, S>
          : S["length"] extends 5
            ? Tensor5<D, S>
            : Tensor6<D, S>;

/** Type-level stand-in for "some element type", the bound of template parameters: `T extends DType`. */
export type DType = number;

declare const dtypeNames: unique symbol;
/** 1, 2, ..., W (tail-recursive, so W may be 64). */
type Widths<W extends number, A extends unknown[] = [unknown], Out = never> = A["length"] extends W
  ? Out | W
  : Widths<W, [...A, unknown], Out | A["length"]>;

/**
 * The bound of a template element type taking the integer types of at most W bits, signed or unsigned
 * (bool is uint1): `T extends IntUpTo<16>`. It carries those types' names, so that `Tensor<T, S>` of such
 * a T accepts only tensors of those types (the compiler checks the same bound: src/frontend/dtype-bounds.ts).
 */
export type IntUpTo<W extends number> = DType & {
  readonly [dtypeNames]?: "bool" | `int${Widths<W>}` | `uint${Widths<W>}`;
};

/** The dtype names a template element type's bound allows; any for a plain `DType`. */
// biome-ignore lint/suspicious/noExplicitAny: an open brand accepts every concrete dtype both ways
type NamesOf<T> = T extends { readonly [dtypeNames]?: infer D } ? (unknown extends D ? any : D) : any;

/**
 * A tensor of a template element type: `Tensor<T, [M, N]>`; scalars `Tensor<T, []>`. For `T extends
 * DType` its dtype brand is open (template element types are all `number` to tsc), so instances of any
 * dtype are accepted both ways and the compiler checks dtypes when it instantiates the template; for
 * `T extends IntUpTo<W>` it accepts the tensors of that bound's types.
 */
export type Tensor<T extends DType, S extends Shape> = TensorOf<NamesOf<T>, S>;
