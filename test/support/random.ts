// Seeded random inputs for tests, so every failure reproduces from its seed.
export { randBig, rng } from "../../src/util/random.ts";

/** Uniform integer in [lo, hi]. */
export function randInt(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

export function fillInt<
  T extends Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array,
>(a: T, r: () => number, lo: number, hi: number): T {
  for (let i = 0; i < a.length; i++) a[i] = randInt(r, lo, hi);
  return a;
}

export function fillFloat<T extends Float32Array | Float64Array>(a: T, r: () => number, lo = -1, hi = 1): T {
  for (let i = 0; i < a.length; i++) a[i] = lo + (hi - lo) * r();
  return a;
}
