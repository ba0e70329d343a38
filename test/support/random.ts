// Seeded random inputs for tests (mulberry32), so every failure reproduces from its seed.

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [lo, hi]. */
export function randInt(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

/** Uniform bigint in [lo, hi] (any width). */
export function randBig(r: () => number, lo: bigint, hi: bigint): bigint {
  const span = hi - lo + 1n;
  let v = 0n;
  for (let bits = 0n; 1n << bits < span * 256n; bits += 30n)
    v = (v << 30n) | BigInt(Math.floor(r() * 2 ** 30));
  return lo + (v % span);
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
