// Element counts and row-major strides of array shapes, the one place that multiplies extents.

/** The number of elements of an array of `shape` (1 for a 0-d one). */
export const elementCount = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Row-major strides of `shape`: how far one step along each dimension moves in the flat array. */
export const rowMajorStrides = (shape: readonly number[]): number[] =>
  shape.map((_, k) => elementCount(shape.slice(k + 1)));
